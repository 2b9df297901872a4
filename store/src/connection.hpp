#pragma once
// A libpq connection: statements with text parameters, COPY in and out, errors as the
// server words them.

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "blastgraph/core/result.hpp"

namespace blastgraph::store {

// A statement's result rows, read as text.
class Rows {
 public:
  explicit Rows(PGresult* result) : m_result(result, &PQclear) {}
  [[nodiscard]] PGresult* result() const { return m_result.get(); }
  [[nodiscard]] int count() const { return PQntuples(m_result.get()); }
  [[nodiscard]] std::string text(int row, int column) const {
    return PQgetvalue(m_result.get(), row, column);
  }
  [[nodiscard]] bool null(int row, int column) const {
    return PQgetisnull(m_result.get(), row, column) != 0;
  }

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> m_result;
};

using Parameters = std::vector<std::string>;

class Connection {
 public:
  // An error holds libpq's message, prefixed with the redacted URL.
  [[nodiscard]] static Result<Connection> open(const std::string& url);

  // `sql` with $1, $2... bound to `parameters`; without parameters it may be several
  // statements.
  [[nodiscard]] Result<Rows> query(const std::string& sql, const Parameters& parameters = {});
  [[nodiscard]] std::optional<Error> execute(const std::string& sql,
                                             const Parameters& parameters = {});
  // COPY ... FROM STDIN (text format) of `data`: rows of tab-separated fields, escaped with
  // copy_field.
  [[nodiscard]] std::optional<Error> copy_in(const std::string& copy, const std::string& data);
  // COPY ... TO STDOUT (text format): the rows as the server writes them.
  [[nodiscard]] Result<std::string> copy_out(const std::string& copy);

 private:
  explicit Connection(PGconn* connection) : m_connection(connection, &PQfinish) {}
  [[nodiscard]] Error server_error(std::string_view what) const;

  std::unique_ptr<PGconn, decltype(&PQfinish)> m_connection;
};

// `value` escaped for COPY's text format (backslash, tab, newline, carriage return).
void append_copy_field(std::string& out, std::string_view value);

// The fields of one COPY text line, unescaped.
[[nodiscard]] std::vector<std::string> split_copy_line(std::string_view line);

}  // namespace blastgraph::store
