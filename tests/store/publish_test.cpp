// Publishing: one transaction per repository, the later commit kept, the links recomputed.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"
#include "blastgraph/org/organization.hpp"
#include "org_test_support.hpp"
#include "postgres_support.hpp"

namespace blastgraph::testing {
namespace {

class Publish : public ::testing::Test {
 protected:
  void SetUp() override {
    auto database = store::Database::connect(m_test.url());
    ASSERT_TRUE(database) << database.error().message;
    m_database = std::make_unique<store::Database>(std::move(*database));
    ASSERT_TRUE(m_database->migrate());
  }
  store::PublishOutcome publish(const analyzer::Workspace& workspace, const std::string& name,
                                const std::string& commit, std::int64_t time) {
    const auto outcome = org::publish_repository(*m_database, workspace, {name, commit, time});
    EXPECT_TRUE(outcome) << outcome.error().message;
    return outcome ? *outcome : store::PublishOutcome::kept_newer;
  }
  std::string stored_commit(const std::string& name) {
    const auto rows = m_test.column("SELECT commit_sha FROM repositories WHERE name = $1", {name});
    return rows.empty() ? "" : rows.front();
  }

  TestDatabase m_test;
  std::unique_ptr<store::Database> m_database;
};

TEST_F(Publish, TheLaterCommitWinsByCommitTime) {
  const auto orders = load_repository("service-orders");
  EXPECT_EQ(publish(orders, "service-orders", "b", 200), store::PublishOutcome::published);
  EXPECT_EQ(publish(orders, "service-orders", "a", 100), store::PublishOutcome::kept_newer);
  EXPECT_EQ(stored_commit("service-orders"), "b");
  EXPECT_EQ(publish(orders, "service-orders", "c", 300), store::PublishOutcome::replaced);
  EXPECT_EQ(stored_commit("service-orders"), "c");
  // Of two publishes at one time, the last one made.
  EXPECT_EQ(publish(orders, "service-orders", "d", 300), store::PublishOutcome::replaced);
  EXPECT_EQ(stored_commit("service-orders"), "d");
  EXPECT_EQ(m_test.column("SELECT count(*) FROM repositories"), std::vector<std::string>{"1"});
}

TEST_F(Publish, AReplacedGraphTakesItsNodesAndLinksAlong) {
  publish(load_repository("service-orders"), "service-orders", "a", 100);
  publish(load_repository("platform"), "platform", "a", 100);
  EXPECT_EQ(m_test.column("SELECT source_node FROM links WHERE target_repository = 'platform'"),
            std::vector<std::string>{".:aws_iam_role.orders"});
  // The platform without its boundary: the orders role's need is offered by nobody now.
  TempTree tree;
  tree.write("main.tf", R"(
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
)");
  EXPECT_EQ(publish(load(tree.root()), "platform", "b", 200), store::PublishOutcome::replaced);
  EXPECT_TRUE(m_test.column("SELECT source_node FROM links").empty());
  EXPECT_EQ(m_test.column("SELECT n.id FROM nodes n JOIN repositories r ON r.id = n.repository_id "
                          "WHERE r.name = 'platform' ORDER BY n.id"),
            std::vector<std::string>{".:aws_vpc.main"});
}

TEST_F(Publish, LinksAreFoundWhicheverSideIsPublishedFirst) {
  publish(load_repository("platform"), "platform", "a", 100);
  publish(load_repository("service-payments"), "service-payments", "a", 100);
  const auto from_payments = m_test.column("SELECT match FROM links ORDER BY source_node");
  EXPECT_EQ(from_payments, (std::vector<std::string>{"lookup", "lookup"}));
  // Published again, the platform recomputes the links that touch it: the same ones.
  publish(load_repository("platform"), "platform", "b", 200);
  EXPECT_EQ(m_test.column("SELECT match FROM links ORDER BY source_node"), from_payments);
}

}  // namespace
}  // namespace blastgraph::testing
