#include "postgres_support.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <fstream>

namespace blastgraph::testing {
namespace {

std::string read_server_url() {
  std::ifstream in(std::string(BLASTGRAPH_POSTGRES_STATE) + "/url");
  std::string url;
  std::getline(in, url);
  return url;
}

// "postgresql:///postgres?host=/tmp/x&user=blastgraph" -> the value of `key`.
std::string parameter(const std::string& url, const std::string& key) {
  const auto at = url.find(key + "=");
  if (at == std::string::npos) return {};
  const auto from = at + key.size() + 1;
  return url.substr(from, url.find('&', from) - from);
}

void run(const std::string& url, const std::string& sql) {
  auto connection = store::Connection::open(url);
  ASSERT_TRUE(connection) << connection.error().message;
  const auto error = connection->execute(sql);
  ASSERT_FALSE(error) << error->message;
}

}  // namespace

TestDatabase::TestDatabase() {
  static std::atomic<int> counter{0};
  m_server_url = read_server_url();
  if (m_server_url.empty()) {
    ADD_FAILURE() << "no test server: " << BLASTGRAPH_POSTGRES_STATE
                  << "/url is missing (CTest's postgres_start fixture starts it)";
    return;
  }
  m_host = parameter(m_server_url, "host");
  m_name = "test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
  run(m_server_url, "CREATE DATABASE " + m_name);
  m_url = "postgresql:///" + m_name + "?host=" + m_host + "&user=blastgraph";
}

TestDatabase::~TestDatabase() {
  if (m_name.empty()) return;
  auto connection = store::Connection::open(m_server_url);
  if (connection) (void)connection->execute("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
}

std::string TestDatabase::url_as(const std::string& user, const std::string& password) const {
  if (password.empty()) return "postgresql:///" + m_name + "?host=" + m_host + "&user=" + user;
  return "postgresql://" + user + ":" + password + "@/" + m_name + "?host=" + m_host;
}

void TestDatabase::execute(const std::string& sql) {
  run(m_url, sql);
}

std::vector<std::string> TestDatabase::column(const std::string& sql,
                                              const std::vector<std::string>& parameters) {
  std::vector<std::string> out;
  auto connection = store::Connection::open(m_url);
  if (!connection) {
    ADD_FAILURE() << connection.error().message;
    return out;
  }
  auto rows = connection->query(sql, parameters);
  if (!rows) {
    ADD_FAILURE() << rows.error().message;
    return out;
  }
  for (int i = 0; i < rows->count(); ++i) out.push_back(rows->text(i, 0));
  return out;
}

}  // namespace blastgraph::testing
