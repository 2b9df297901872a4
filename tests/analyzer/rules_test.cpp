// The policy file's service and criticality rules, applied while a workspace loads, and its
// score policy (weights, thresholds, floors, approvals) applied by score_change.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/config.hpp"
#include "blastgraph/analyzer/score.hpp"

namespace blastgraph::testing {
namespace {

using analyzer::Tier;

constexpr std::string_view k_terraform = R"(resource "aws_sqs_queue" "orders" {
  name = "orders"
  tags = { service = "orders" }
}

resource "aws_dynamodb_table" "carts" {
  name = "carts"
}

resource "aws_iam_role" "worker" {
  name = "worker"
  tags = { service = "orders" }
}
)";

constexpr std::string_view k_deployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: "nginx:1.27"
)";

class Rules : public ::testing::Test {
 protected:
  void SetUp() override {
    m_tree.write("infra/main.tf", k_terraform);
    m_tree.write("k8s/web.yaml", k_deployment);
  }
  analyzer::Workspace load_with(std::string_view policy) {
    const auto loaded = analyzer::parse_config(policy, "policy.yaml");
    EXPECT_FALSE(loaded.has_errors()) << loaded.diagnostics.front().message;
    return load(m_tree.root(), loaded.config);
  }
  static const graph::Node& node(const analyzer::Workspace& ws, std::string_view id) {
    const auto index = ws.graph.find(id);
    EXPECT_NE(index, graph::k_no_node) << id;
    return ws.graph.node(index);
  }
  TempTree m_tree;
};

TEST_F(Rules, WithoutRulesLabelsAndTagsDecide) {
  const auto ws = load_with("");
  EXPECT_EQ(node(ws, "infra:aws_sqs_queue.orders").service, "orders");
  EXPECT_EQ(node(ws, "k8s:shop/Deployment/web").service, "web");
  EXPECT_EQ(node(ws, "infra:aws_sqs_queue.orders").criticality, graph::Criticality::storage);
}

TEST_F(Rules, ServiceRulesWinOverLabelsAndTagsFirstMatchFirst) {
  const auto ws = load_with(R"(services:
  - service: storefront
    paths: ["k8s/**"]
  - service: queues
    ids: ["*:aws_sqs_queue.*"]
  - service: never
    paths: ["k8s/web.yaml"]
)");
  EXPECT_EQ(node(ws, "k8s:shop/Deployment/web").service, "storefront");
  EXPECT_EQ(node(ws, "infra:aws_sqs_queue.orders").service, "queues");
  EXPECT_EQ(node(ws, "infra:aws_iam_role.worker").service, "orders");  // no rule: its tag
}

TEST_F(Rules, CriticalityRulesReplaceTheBuiltInClass) {
  const auto ws = load_with(R"(criticality:
  - types: ["aws_sqs_*"]
    class: database
  - ids: ["k8s:shop/Deployment/*"]
    class: secrets
  - types: ["aws_sqs_queue"]
    class: normal
)");
  EXPECT_EQ(node(ws, "infra:aws_sqs_queue.orders").criticality, graph::Criticality::database);
  EXPECT_EQ(node(ws, "k8s:shop/Deployment/web").criticality, graph::Criticality::secrets);
  EXPECT_EQ(node(ws, "infra:aws_dynamodb_table.carts").criticality, graph::Criticality::database);
}

// ---- score policy -------------------------------------------------------------------------

analyzer::ScoreReport score(const analyzer::Workspace& ws, const std::string& id,
                            const analyzer::ScorePolicy& policy,
                            analyzer::ChangeAction action = analyzer::ChangeAction::update) {
  std::vector<std::string> ids{id};
  return analyzer::score_change(ws, analyzer::select_changes(ws.graph, ids, action), policy);
}

int points(const analyzer::ScoreReport& report, std::string_view factor) {
  for (const auto& f : report.factors) {
    if (f.name == factor) return f.points;
  }
  ADD_FAILURE() << "no factor " << factor;
  return -1;
}

TEST_F(Rules, DefaultPolicyFloorsAnIamChangeAtHigh) {
  const auto ws = load_with("");
  const auto report = score(ws, "infra:aws_iam_role.worker", {});
  EXPECT_EQ(report.score_tier, Tier::low);
  EXPECT_EQ(report.tier, Tier::high);
  EXPECT_EQ(report.floor.reason, "IAM resource changed");
  EXPECT_EQ(report.approvals, (std::vector<std::string>{"senior engineer", "team lead"}));
}

TEST_F(Rules, AFloorSetToLowIsNoFloor) {
  const auto ws = load_with("");
  const auto policy = analyzer::parse_config("score:\n  floors: {iam: LOW}\n", "p.yaml").config.score;
  const auto report = score(ws, "infra:aws_iam_role.worker", policy);
  EXPECT_EQ(report.floor.tier, Tier::low);
  EXPECT_TRUE(report.floor.reason.empty());
  EXPECT_EQ(report.tier, report.score_tier);
  EXPECT_EQ(report.tier, Tier::low);
  EXPECT_TRUE(report.approvals.empty());
  // Raised instead, the floor follows the policy.
  const auto raised =
      analyzer::parse_config("score:\n  floors: {iam: CRITICAL}\n", "p.yaml").config.score;
  EXPECT_EQ(score(ws, "infra:aws_iam_role.worker", raised).tier, Tier::critical);
}

TEST_F(Rules, DatabaseReplaceFloorIsConfigurable) {
  const auto ws = load_with("");
  const auto id = "infra:aws_dynamodb_table.carts";
  EXPECT_EQ(score(ws, id, {}, analyzer::ChangeAction::replace).tier, Tier::critical);
  const auto policy =
      analyzer::parse_config("score:\n  floors: {database_replace: MEDIUM}\n", "p.yaml").config.score;
  const auto report = score(ws, id, policy, analyzer::ChangeAction::replace);
  EXPECT_EQ(report.floor.tier, Tier::medium);
  EXPECT_EQ(report.floor.reason, "database replace");
}

TEST_F(Rules, MovedThresholdsChangeTheTier) {
  const auto ws = load_with("");
  const auto baseline = score(ws, "infra:aws_sqs_queue.orders", {});
  ASSERT_GT(baseline.score, 0);
  ASSERT_LT(baseline.score, 25);
  EXPECT_EQ(baseline.score_tier, Tier::low);
  analyzer::ScorePolicy policy;
  policy.thresholds = {1, 2, baseline.score};
  const auto moved = score(ws, "infra:aws_sqs_queue.orders", policy);
  EXPECT_EQ(moved.score, baseline.score);
  EXPECT_EQ(moved.score_tier, Tier::critical);
  EXPECT_EQ(moved.approvals, (std::vector<std::string>{"CTO", "security", "change board"}));
  policy.thresholds = {baseline.score, 60, 90};
  EXPECT_EQ(score(ws, "infra:aws_sqs_queue.orders", policy).tier, Tier::medium);
}

TEST_F(Rules, WeightsAreTheFactorsMaxima) {
  const auto ws = load_with("");
  const auto id = "infra:aws_iam_role.worker";
  const auto baseline = score(ws, id, {});
  EXPECT_EQ(points(baseline, "action"), 7);          // update: 0.7 of 10
  EXPECT_EQ(points(baseline, "changed_class"), 12);  // iam: 0.8 of 15
  const auto policy = analyzer::parse_config(
      "score:\n  weights: {services_reached: 20, resources_reached: 10, critical_reached: 10, "
      "action: 30, changed_class: 30}\n", "p.yaml");
  ASSERT_FALSE(policy.has_errors());
  const auto report = score(ws, id, policy.config.score);
  EXPECT_EQ(points(report, "action"), 21);          // 0.7 * 30
  EXPECT_EQ(points(report, "changed_class"), 24);   // 0.8 * 30
  for (const auto& factor : report.factors) {
    if (factor.name == "action") {
      EXPECT_EQ(factor.max_points, 30);
    }
    if (factor.name == "services_reached") {
      EXPECT_EQ(factor.max_points, 20);
    }
  }
  int sum = 0;
  for (const auto& factor : report.factors) sum += factor.points;
  EXPECT_EQ(report.score, sum);
  EXPECT_NE(report.score, baseline.score);
  // A factor weighed 0 adds nothing.
  const auto zero = analyzer::parse_config(
      "score:\n  weights: {services_reached: 40, resources_reached: 15, critical_reached: 15, "
      "action: 30, changed_class: 0}\n", "p.yaml");
  ASSERT_FALSE(zero.has_errors());
  EXPECT_EQ(points(score(ws, id, zero.config.score), "changed_class"), 0);
}

TEST_F(Rules, ApprovalsFollowThePolicy) {
  const auto ws = load_with("");
  const auto policy =
      analyzer::parse_config("approvals:\n  HIGH: [platform on-call]\n", "p.yaml").config.score;
  EXPECT_EQ(score(ws, "infra:aws_iam_role.worker", policy).approvals,
            std::vector<std::string>{"platform on-call"});
}

}  // namespace
}  // namespace blastgraph::testing
