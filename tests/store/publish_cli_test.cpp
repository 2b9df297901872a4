// `db migrate`, `publish` and `--org postgresql://` through the real binary: the organization
// of fixtures/org in a real server, a publish killed midway, publishes at once, and the
// connection errors (never a password in what is printed).
#include <gtest/gtest.h>

#include <unistd.h>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "postgres_support.hpp"
#include "support/run_binary.hpp"
#include "support/temp_tree.hpp"

namespace blastgraph::testing {
namespace {

const std::vector<std::string> k_names{"gitops", "platform", "service-orders", "service-payments",
                                       "service-search"};

std::string quoted(const std::string& text) {
  return "'" + text + "'";
}

class PublishCli : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto migrated = run_binary("db migrate --db " + quoted(m_db.url()));
    ASSERT_EQ(migrated.code, 0) << migrated.out;
    for (const auto& name : k_names) {
      const auto saved =
          run_binary("scan " + repository(name) + " --save " + snapshot(name), " 2>&1 >/dev/null");
      ASSERT_EQ(saved.code, 0) << saved.out;
    }
  }
  static std::string repository(const std::string& name) {
    return (fixtures_dir() / "org" / name).string();
  }
  std::string snapshot(const std::string& name) const {
    return (m_tree.root() / (name + ".bg")).string();
  }
  std::string publish_command(const std::string& name, const std::string& commit, int time) const {
    return "publish " + snapshot(name) + " --db " + quoted(m_db.url()) + " --commit " + commit +
           " --commit-time " + std::to_string(time);
  }
  blastgraph::testing::Run publish(const std::string& name, const std::string& commit,
                                   int time) const {
    return run_binary(publish_command(name, commit, time));
  }
  std::string stored_commit(const std::string& name) {
    const auto rows = m_db.column("SELECT commit_sha FROM repositories WHERE name = $1", {name});
    return rows.empty() ? "" : rows.front();
  }

  TestDatabase m_db;
  TempTree m_tree;
};

TEST_F(PublishCli, TheOrganizationScoresFromTheDatabaseAsFromSnapshots) {
  for (const auto& name : k_names) {
    const auto published = publish(name, "c1", 100);
    ASSERT_EQ(published.code, 0) << published.out;
    EXPECT_EQ(published.out, "published " + name + " at c1\n");
  }
  const auto scored =
      run_binary("score " + repository("platform") + " --org " + quoted(m_db.url()) +
                     " --changed '.:aws_iam_policy.boundary' --format json",
                 " 2>/dev/null");
  ASSERT_EQ(scored.code, 0) << scored.out;
  const auto doc = nlohmann::json::parse(scored.out);
  EXPECT_EQ(doc["tier"], "CRITICAL");
  EXPECT_EQ(doc["repositories"].size(), 5U);
  const auto from_snapshots =
      run_binary("score " + repository("platform") + " --org " + m_tree.root().string() +
                     " --changed '.:aws_iam_policy.boundary' --format json",
                 " 2>/dev/null");
  EXPECT_EQ(scored.out, from_snapshots.out);
}

TEST_F(PublishCli, MigrateTwiceHasNothingToDo) {
  const auto again = run_binary("db migrate --db " + quoted(m_db.url()));
  EXPECT_EQ(again.code, 0);
  EXPECT_EQ(again.out, "schema at version 1, nothing to do\n");
}

TEST_F(PublishCli, APublishKilledMidwayLeavesThePreviousGraphWhole) {
  ASSERT_EQ(publish("platform", "old", 100).code, 0);
  const auto nodes_before = m_db.column(
      "SELECT count(*) FROM nodes n JOIN repositories r ON r.id = n.repository_id "
      "WHERE r.name = 'platform'");
  // Another session holds the links table, so the publish stops there: after it has deleted
  // the old graph and written the new one inside its transaction.
  const auto holder = "psql -q " + quoted(m_db.url()) +
                      " -c 'BEGIN; LOCK TABLE links IN ACCESS EXCLUSIVE MODE; "
                      "SELECT pg_sleep(30); COMMIT;' >/dev/null 2>&1 & echo $!";
  const auto holder_pid = run_shell(holder).out;
  for (int i = 0; i < 100 && m_db.column("SELECT count(*) FROM pg_locks WHERE relation = "
                                         "'links'::regclass AND granted")
                                     .front() == "0";
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const auto started = run_shell(binary_command(publish_command("platform", "new", 200)) +
                                 " >/dev/null 2>&1 & echo $!");
  bool waiting = false;
  for (int i = 0; i < 100 && !waiting; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    waiting = m_db.column("SELECT count(*) FROM pg_locks WHERE NOT granted").front() != "0";
  }
  EXPECT_TRUE(waiting) << "the publish never reached the locked table";
  run_shell("kill -9 " + started.out);
  run_shell("kill " + holder_pid + "; sleep 0.5");
  m_db.execute(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE "
      "'%pg_sleep(30)%' AND pid <> pg_backend_pid()");
  // Wait for the server to roll the killed transaction back.
  for (int i = 0; i < 100 && m_db.column("SELECT count(*) FROM pg_stat_activity WHERE state LIKE "
                                         "'idle in transaction%' OR wait_event_type = 'Lock'")
                                     .front() != "0";
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(stored_commit("platform"), "old");
  EXPECT_EQ(m_db.column("SELECT count(*) FROM nodes n JOIN repositories r ON r.id = "
                        "n.repository_id WHERE r.name = 'platform'"),
            nodes_before);
}

TEST_F(PublishCli, PublishesOfDifferentRepositoriesAtOnceBothLand) {
  const auto both = run_shell("(" + binary_command(publish_command("platform", "p", 100)) + " & " +
                              binary_command(publish_command("service-orders", "o", 100)) +
                              " & wait) >/dev/null 2>&1");
  EXPECT_EQ(both.code, 0);
  EXPECT_EQ(stored_commit("platform"), "p");
  EXPECT_EQ(stored_commit("service-orders"), "o");
  // Whichever ran second saw the first: their link is there.
  EXPECT_EQ(m_db.column("SELECT source_node FROM links"),
            std::vector<std::string>{".:aws_iam_role.orders"});
}

TEST_F(PublishCli, AnOlderCommitIsKeptOut) {
  ASSERT_EQ(publish("platform", "new", 200).code, 0);
  const auto older = publish("platform", "old", 100);
  EXPECT_EQ(older.code, 0);
  EXPECT_EQ(older.out, "kept platform: the stored graph is of a later commit than old\n");
  EXPECT_EQ(stored_commit("platform"), "new");
}

TEST_F(PublishCli, ConnectionErrorsExitThreeWithLibpqsMessage) {
  const auto refused =
      run_binary("publish " + snapshot("platform") +
                 " --db 'postgresql:///nodb?host=/nonexistent/socket' --commit a --commit-time 1");
  EXPECT_EQ(refused.code, 3);
  EXPECT_NE(refused.out.find("blastgraph: error: --db: cannot connect to "
                             "postgresql:///nodb?host=/nonexistent/socket: connection to server "
                             "on socket \"/nonexistent/socket/.s.PGSQL.5432\" failed"),
            std::string::npos)
      << refused.out;
  const auto bad_url = run_binary("score " + repository("platform") +
                                  " --org 'postgresql://[bad' --changed '.:aws_vpc.main'");
  EXPECT_EQ(bad_url.code, 3);
  EXPECT_NE(bad_url.out.find("blastgraph: error: --org: cannot connect to postgresql://[bad"),
            std::string::npos)
      << bad_url.out;
}

TEST_F(PublishCli, APasswordNeverAppearsInWhatIsPrinted) {
  const auto role = "pw_" + std::to_string(::getpid());
  m_db.execute("CREATE ROLE " + role +
               " LOGIN PASSWORD 'Right-Secret-8812' IN ROLE password_users");
  const auto wrong = m_db.url_as(role, "Wrong-Secret-4471");
  const auto published = run_binary("publish " + snapshot("platform") + " --db " + quoted(wrong) +
                                    " --commit a --commit-time 1");
  EXPECT_EQ(published.code, 3);
  EXPECT_NE(published.out.find("password authentication failed"), std::string::npos)
      << published.out;
  EXPECT_EQ(published.out.find("Wrong-Secret-4471"), std::string::npos) << published.out;
  EXPECT_NE(published.out.find(role + ":***@"), std::string::npos) << published.out;
  const auto scored = run_binary("score " + repository("platform") + " --org " + quoted(wrong) +
                                 " --changed '.:aws_vpc.main'");
  EXPECT_EQ(scored.code, 3);
  EXPECT_EQ(scored.out.find("Wrong-Secret-4471"), std::string::npos) << scored.out;
  // Without a password it cannot connect; with the right one in PGPASSWORD, as libpq reads
  // it, it can.
  m_db.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
  const auto score_as_role =
      binary_command("score " + repository("platform") + " --org " + quoted(m_db.url_as(role)) +
                     " --changed '.:aws_vpc.main'");
  const auto without = run_shell(score_as_role + " 2>&1");
  EXPECT_EQ(without.code, 3) << without.out;
  EXPECT_NE(without.out.find("no password supplied"), std::string::npos) << without.out;
  const auto from_environment =
      run_shell("PGPASSWORD=Right-Secret-8812 " + score_as_role + " 2>&1");
  EXPECT_EQ(from_environment.code, 0) << from_environment.out;
  EXPECT_EQ(from_environment.out.find("Right-Secret-8812"), std::string::npos);
  m_db.execute("DROP OWNED BY " + role);
  m_db.execute("DROP ROLE " + role);
}

TEST_F(PublishCli, ARoleWithoutWritePrivilegesWritesNothing) {
  ASSERT_EQ(publish("platform", "old", 100).code, 0);
  const auto role = "reader_" + std::to_string(::getpid());
  m_db.execute("CREATE ROLE " + role + " LOGIN");
  m_db.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
  const auto published = run_binary("publish " + snapshot("platform") + " --db " +
                                    quoted(m_db.url_as(role)) + " --commit new --commit-time 200");
  EXPECT_EQ(published.code, 3);
  EXPECT_NE(published.out.find("permission denied"), std::string::npos) << published.out;
  EXPECT_EQ(stored_commit("platform"), "old");
  // Reading is allowed: the organization loads.
  const auto scored = run_binary("score " + repository("platform") + " --org " +
                                     quoted(m_db.url_as(role)) + " --changed '.:aws_vpc.main'",
                                 " 2>/dev/null");
  EXPECT_EQ(scored.code, 0) << scored.out;
  m_db.execute("DROP OWNED BY " + role);
  m_db.execute("DROP ROLE " + role);
}

}  // namespace
}  // namespace blastgraph::testing
