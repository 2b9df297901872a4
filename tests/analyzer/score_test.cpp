// Score and tier rules on small trees where every number can be worked out by hand.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/score.hpp"

namespace blastgraph::testing {
namespace {

using analyzer::ChangeAction;
using analyzer::Tier;

analyzer::ScoreReport score(const analyzer::Workspace& ws, std::vector<std::string> ids,
                            ChangeAction action = ChangeAction::update) {
  const auto changes = analyzer::select_changes(ws.graph, ids, action);
  return analyzer::score_change(ws, changes);
}

TEST(Score, NothingChangedIsZeroAndLow) {
  TempTree tree;
  tree.write("main.tf", "resource \"aws_sqs_queue\" \"q\" {}\n");
  const auto ws = load(tree.root());
  const auto report = score(ws, {});
  EXPECT_EQ(report.score, 0);
  EXPECT_EQ(report.tier, Tier::low);
  EXPECT_TRUE(report.approvals.empty());
  EXPECT_TRUE(report.services.empty());
}

TEST(Score, LoneResourceIsLowWithItsActionAndClassPoints) {
  TempTree tree;
  tree.write("main.tf", "resource \"aws_sqs_queue\" \"q\" {}\n");
  const auto ws = load(tree.root());
  const auto report = score(ws, {".:aws_sqs_queue.q"});
  // update (0.7 of 10) + storage class (1/3 of 15); nothing else reached.
  EXPECT_EQ(report.score, 12);
  EXPECT_EQ(report.tier, Tier::low);
  ASSERT_EQ(report.changed.size(), 1U);
  EXPECT_EQ(report.changed[0].file, "main.tf");
  EXPECT_EQ(report.changed[0].line, 1U);
}

TEST(Score, NetworkAndIamChangesAreAtLeastHigh) {
  TempTree tree;
  tree.write("main.tf", R"(
resource "aws_security_group" "sg" {}
resource "aws_iam_role_policy" "p" { policy = "{}" }
resource "aws_kms_key" "k" {}
)");
  const auto ws = load(tree.root());
  for (const auto* id : {".:aws_security_group.sg", ".:aws_iam_role_policy.p"}) {
    const auto report = score(ws, {id});
    EXPECT_LT(report.score, 50) << id;
    EXPECT_EQ(report.score_tier, Tier::low);
    EXPECT_EQ(report.tier, Tier::high) << id;
    EXPECT_EQ(report.approvals, (std::vector<std::string>{"senior engineer", "team lead"}));
  }
  EXPECT_EQ(score(ws, {".:aws_kms_key.k"}).tier, Tier::critical);
}

TEST(Score, ServicesReachedRaiseTheScoreAndGetOnePathEach) {
  TempTree tree;
  std::string text = "resource \"aws_sqs_queue\" \"shared\" {}\n";
  for (int i = 0; i < 6; ++i) {
    const auto n = std::to_string(i);
    text += "resource \"aws_lambda_function\" \"f" + n + "\" {\n  environment = aws_sqs_queue.shared.url\n"
            "  tags = { service = \"svc" + n + "\" }\n}\n";
  }
  tree.write("main.tf", text);
  const auto ws = load(tree.root());
  const auto report = score(ws, {".:aws_sqs_queue.shared"});
  ASSERT_EQ(report.services.size(), 7U);  // the root's own + six
  // Distance 0: the changed queue's own service, the scanned folder (an untagged root).
  EXPECT_EQ(report.services[0].service, tree.root().filename().string());
  EXPECT_EQ(report.services[1].path,
            (std::vector<std::string>{".:aws_lambda_function.f0", ".:aws_sqs_queue.shared"}));
  EXPECT_EQ(report.services[1].edges, std::vector<std::string>{"reference"});
  EXPECT_EQ(report.factors[0].name, "services_reached");
  EXPECT_EQ(report.factors[0].measure, 6.0);
  EXPECT_EQ(report.resources_reached, 6U);
  EXPECT_EQ(report.resources_by_type.at("aws_lambda_function"), 6U);

  // One fewer consumer: never a higher score.
  tree.write("main.tf", text.substr(0, text.rfind("resource")));
  const auto fewer = score(load(tree.root()), {".:aws_sqs_queue.shared"});
  EXPECT_LT(fewer.score, report.score);
}

}  // namespace
}  // namespace blastgraph::testing
