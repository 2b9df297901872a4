#pragma once
// A database of its own for each test, on the private server tests/store/postgres.sh started.

#include <string>
#include <vector>

#include "connection.hpp"

namespace blastgraph::testing {

class TestDatabase {
 public:
  TestDatabase();   // a new, empty database; fails the test when the server is not there
  ~TestDatabase();  // drops it
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  [[nodiscard]] const std::string& url() const { return m_url; }
  // The URL with `user` (and `password`, when given) instead of the tests' superuser.
  [[nodiscard]] std::string url_as(const std::string& user, const std::string& password = "") const;
  // The server's socket directory.
  [[nodiscard]] const std::string& host() const { return m_host; }

  // Runs `sql` as the superuser; fails the test on an error.
  void execute(const std::string& sql);
  // The first column of every row of `sql`, as text.
  [[nodiscard]] std::vector<std::string> column(const std::string& sql,
                                                const std::vector<std::string>& parameters = {});

 private:
  std::string m_name;
  std::string m_host;
  std::string m_server_url;
  std::string m_url;
};

}  // namespace blastgraph::testing
