#pragma once
// An immutable string kept once per process: equal texts share one copy. A graph of a
// million resources names a few hundred thousand files, a few hundred types and attribute
// paths; as symbols its nodes and edges carry eight bytes per name instead of a string each.
// Symbols read like strings (comparisons, string_view and const std::string& conversions);
// their order is the order of their texts, so sorting them stays deterministic.

#include <compare>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace blastgraph {

class Symbol {
 public:
  Symbol() = default;  // the empty text
  // Implicit, so a Symbol field is assigned like the string it stands for. Thread-safe.
  Symbol(std::string_view text) : m_text(intern(text)) {}    // NOLINT(google-explicit-constructor)
  Symbol(const std::string& text) : m_text(intern(text)) {}  // NOLINT(google-explicit-constructor)
  Symbol(const char* text) : m_text(intern(text)) {}         // NOLINT(google-explicit-constructor)

  [[nodiscard]] const std::string& str() const { return *m_text; }
  operator const std::string&() const { return *m_text; }  // NOLINT(google-explicit-constructor)
  operator std::string_view() const { return *m_text; }    // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool empty() const { return m_text->empty(); }
  [[nodiscard]] std::size_t size() const { return m_text->size(); }
  [[nodiscard]] const char* data() const { return m_text->data(); }
  [[nodiscard]] const char* c_str() const { return m_text->c_str(); }
  [[nodiscard]] bool starts_with(std::string_view prefix) const {
    return m_text->starts_with(prefix);
  }
  [[nodiscard]] bool ends_with(std::string_view suffix) const { return m_text->ends_with(suffix); }
  [[nodiscard]] std::size_t find(std::string_view text, std::size_t from = 0) const {
    return m_text->find(text, from);
  }
  [[nodiscard]] std::size_t find(char c, std::size_t from = 0) const {
    return m_text->find(c, from);
  }
  [[nodiscard]] std::size_t rfind(char c, std::size_t from = std::string::npos) const {
    return m_text->rfind(c, from);
  }
  [[nodiscard]] std::string substr(std::size_t from, std::size_t count = std::string::npos) const {
    return m_text->substr(from, count);
  }

  // Equal texts are one copy, so equality of two symbols is equality of their addresses.
  friend bool operator==(const Symbol& a, const Symbol& b) { return a.m_text == b.m_text; }
  friend std::strong_ordering operator<=>(const Symbol& a, const Symbol& b) {
    if (a.m_text == b.m_text) return std::strong_ordering::equal;
    return std::string_view(*a.m_text) <=> std::string_view(*b.m_text);
  }
  // One overload per string type, so that comparing with a literal or a std::string is never
  // ambiguous between converting it to a Symbol and converting the Symbol to a string.
  friend bool operator==(const Symbol& a, std::string_view b) { return *a.m_text == b; }
  friend bool operator==(const Symbol& a, const std::string& b) { return *a.m_text == b; }
  friend bool operator==(const Symbol& a, const char* b) { return *a.m_text == b; }
  friend std::strong_ordering operator<=>(const Symbol& a, std::string_view b) {
    return std::string_view(*a.m_text) <=> b;
  }
  friend std::strong_ordering operator<=>(const Symbol& a, const std::string& b) {
    return std::string_view(*a.m_text) <=> std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const Symbol& a, const char* b) {
    return std::string_view(*a.m_text) <=> std::string_view(b);
  }

  friend std::string operator+(const Symbol& a, std::string_view b) {
    std::string text(*a.m_text);
    text += b;
    return text;
  }
  friend std::string operator+(std::string a, const Symbol& b) { return a += *b.m_text; }
  friend std::ostream& operator<<(std::ostream& out, const Symbol& symbol) {
    return out << *symbol.m_text;
  }

  // How many distinct texts the process holds (for tests and benchmarks).
  [[nodiscard]] static std::size_t interned_count();

 private:
  static const std::string* intern(std::string_view text);
  static const std::string k_empty;
  const std::string* m_text = &k_empty;
};

}  // namespace blastgraph

template <>
struct std::hash<blastgraph::Symbol> {
  std::size_t operator()(const blastgraph::Symbol& symbol) const noexcept {
    return std::hash<std::string_view>{}(symbol);
  }
};
