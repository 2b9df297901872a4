#pragma once
// A value or an error message, for failures of the environment (unreadable file, bad
// argument). Bad *input* is not an error: parsers return a partial model plus diagnostics.

#include <string>
#include <utility>
#include <variant>

namespace blastgraph {

struct Error {
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_state(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : m_state(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool has_value() const { return std::holds_alternative<T>(m_state); }
  explicit operator bool() const { return has_value(); }

  // Precondition: has_value().
  [[nodiscard]] T& value() & { return std::get<T>(m_state); }
  [[nodiscard]] const T& value() const& { return std::get<T>(m_state); }
  [[nodiscard]] T&& value() && { return std::get<T>(std::move(m_state)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // Precondition: !has_value().
  [[nodiscard]] const Error& error() const { return std::get<Error>(m_state); }

 private:
  std::variant<T, Error> m_state;
};

}  // namespace blastgraph
