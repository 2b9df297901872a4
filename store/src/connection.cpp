#include "connection.hpp"

#include <vector>

#include "blastgraph/store/database.hpp"

namespace blastgraph::store {
namespace {

// libpq's messages end with a newline and may span lines: one line, as every error prints.
std::string one_line(std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  for (auto& c : message) {
    if (c == '\n') c = ' ';
  }
  return message;
}

// The server's refusal of a statement, as one line.
Error refused(const Rows& rows) {
  return Error{"the database refused: " + one_line(PQresultErrorMessage(rows.result()))};
}

}  // namespace

Result<Connection> Connection::open(const std::string& url) {
  PGconn* raw = PQconnectdb(url.c_str());
  Connection connection(raw);
  if (raw == nullptr) return Error{redact_url(url) + ": cannot allocate a connection"};
  if (PQstatus(raw) != CONNECTION_OK) {
    return Error{"cannot connect to " + redact_url(url) + ": " + one_line(PQerrorMessage(raw))};
  }
  // Quiet: notices (a table that already exists) are not the user's business.
  PQsetNoticeProcessor(
      raw, [](void*, const char*) {}, nullptr);
  return connection;
}

Error Connection::server_error(std::string_view what) const {
  return Error{std::string(what) + ": " + one_line(PQerrorMessage(m_connection.get()))};
}

Result<Rows> Connection::query(const std::string& sql, const Parameters& parameters) {
  std::vector<const char*> values;
  values.reserve(parameters.size());
  for (const auto& parameter : parameters) values.push_back(parameter.c_str());
  // Without parameters, the simple protocol: a migration is several statements.
  Rows rows(values.empty()
                ? PQexec(m_connection.get(), sql.c_str())
                : PQexecParams(m_connection.get(), sql.c_str(), static_cast<int>(values.size()),
                               nullptr, values.data(), nullptr, nullptr, 0));
  const auto status = PQresultStatus(rows.result());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return refused(rows);
  return rows;
}

std::optional<Error> Connection::execute(const std::string& sql, const Parameters& parameters) {
  auto rows = query(sql, parameters);
  if (!rows) return rows.error();
  return std::nullopt;
}

std::optional<Error> Connection::copy_in(const std::string& copy, const std::string& data) {
  {
    Rows started(PQexec(m_connection.get(), copy.c_str()));
    if (PQresultStatus(started.result()) != PGRES_COPY_IN) return refused(started);
  }
  constexpr std::size_t k_chunk = 1 << 20;
  for (std::size_t at = 0; at < data.size(); at += k_chunk) {
    const auto size = std::min(k_chunk, data.size() - at);
    if (PQputCopyData(m_connection.get(), data.data() + at, static_cast<int>(size)) != 1) {
      return server_error("the database refused the data");
    }
  }
  if (PQputCopyEnd(m_connection.get(), nullptr) != 1) return server_error("the database refused");
  Rows ended(PQgetResult(m_connection.get()));
  if (PQresultStatus(ended.result()) != PGRES_COMMAND_OK) return refused(ended);
  while (PGresult* rest = PQgetResult(m_connection.get())) PQclear(rest);
  return std::nullopt;
}

Result<std::string> Connection::copy_out(const std::string& copy) {
  {
    Rows started(PQexec(m_connection.get(), copy.c_str()));
    if (PQresultStatus(started.result()) != PGRES_COPY_OUT) return refused(started);
  }
  std::string out;
  char* buffer = nullptr;
  int size = 0;
  while ((size = PQgetCopyData(m_connection.get(), &buffer, 0)) > 0) {
    out.append(buffer, static_cast<std::size_t>(size));
    PQfreemem(buffer);
  }
  if (size == -2) return server_error("reading from the database");
  Rows ended(PQgetResult(m_connection.get()));
  if (PQresultStatus(ended.result()) != PGRES_COMMAND_OK) return refused(ended);
  while (PGresult* rest = PQgetResult(m_connection.get())) PQclear(rest);
  return out;
}

void append_copy_field(std::string& out, std::string_view value) {
  for (const char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

std::vector<std::string> split_copy_line(std::string_view line) {
  std::vector<std::string> fields(1);
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\t') {
      fields.emplace_back();
    } else if (c == '\\' && i + 1 < line.size()) {
      const char next = line[++i];
      fields.back() += next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next;
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

}  // namespace blastgraph::store
