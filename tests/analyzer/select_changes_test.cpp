#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/change.hpp"

namespace blastgraph::testing {
namespace {

using analyzer::ChangeAction;

TEST(Glob, MatchesAcrossSeparators) {
  EXPECT_TRUE(analyzer::glob_match("envs/prod:*", "envs/prod:module.a.aws_x.y"));
  EXPECT_TRUE(analyzer::glob_match("*.aws_iam_role.*", "envs/prod:module.a.aws_iam_role.this"));
  EXPECT_TRUE(analyzer::glob_match("k8s:shop/Deployment/?art", "k8s:shop/Deployment/cart"));
  EXPECT_FALSE(analyzer::glob_match("envs/prod:*", "envs/staging:aws_x.y"));
  EXPECT_FALSE(analyzer::glob_match("aws_iam_role.*", "envs/prod:aws_iam_role.r"));
}

TEST(ChangeAction, NamesRoundTrip) {
  for (auto a : {ChangeAction::create, ChangeAction::update, ChangeAction::replace,
                 ChangeAction::destroy}) {
    EXPECT_EQ(analyzer::parse_change_action(analyzer::to_string(a)), a);
  }
  EXPECT_EQ(analyzer::to_string(ChangeAction::destroy), "delete");
  EXPECT_FALSE(analyzer::parse_change_action("remove").has_value());
}

class SelectChanges : public ::testing::Test {
 protected:
  void SetUp() override {
    m_tree.write("main.tf", R"(
variable "v" {}
resource "aws_sqs_queue" "a" { name = var.v }
resource "aws_sqs_queue" "b" {}
resource "aws_sns_topic" "t" {}
)");
    m_ws = load(m_tree.root());
  }
  TempTree m_tree;
  analyzer::Workspace m_ws;
};

TEST_F(SelectChanges, ExactIdsAndGlobsSelectResourcesOnce) {
  std::vector<std::string> patterns{".:aws_sqs_queue.*", ".:aws_sqs_queue.a", "nothing:*"};
  const auto changes = analyzer::select_changes(m_ws.graph, patterns, ChangeAction::update);
  ASSERT_EQ(changes.nodes.size(), 2U);
  EXPECT_EQ(m_ws.graph.node(changes.nodes[0].node).id, ".:aws_sqs_queue.a");
  EXPECT_EQ(m_ws.graph.node(changes.nodes[1].node).id, ".:aws_sqs_queue.b");
  EXPECT_EQ(changes.unmatched_patterns, std::vector<std::string>{"nothing:*"});
}

TEST_F(SelectChanges, GlobsSkipValuesButExactIdsSelectThem) {
  std::vector<std::string> glob{".:*"};
  const auto by_glob = analyzer::select_changes(m_ws.graph, glob, ChangeAction::update);
  EXPECT_EQ(by_glob.nodes.size(), 3U);  // the three resources, not var.v
  std::vector<std::string> exact{".:var.v"};
  const auto by_id = analyzer::select_changes(m_ws.graph, exact, ChangeAction::create);
  ASSERT_EQ(by_id.nodes.size(), 1U);
  EXPECT_EQ(by_id.nodes[0].action, ChangeAction::create);
}

TEST_F(SelectChanges, AGlobMatchingOnlyValuesNamesThemButSelectsNothing) {
  std::vector<std::string> patterns{".:var.*", "nothing:*", ".:aws_sns_topic.*"};
  const auto changes = analyzer::select_changes(m_ws.graph, patterns, ChangeAction::update);
  ASSERT_EQ(changes.nodes.size(), 1U);  // the topic
  EXPECT_EQ(changes.unmatched_patterns, (std::vector<std::string>{".:var.*", "nothing:*"}));
  const std::map<std::string, std::vector<std::string>> expected{{".:var.*", {".:var.v"}}};
  EXPECT_EQ(changes.unmatched_values, expected);
}

}  // namespace
}  // namespace blastgraph::testing
