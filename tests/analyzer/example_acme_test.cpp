// Terraform and Kubernetes as one graph (fixtures/acme): IAM reaches workloads through the
// roles they run as.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/score.hpp"

namespace blastgraph::testing {
namespace {

class ExampleAcme : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { s_ws = new analyzer::Workspace(load(fixtures_dir() / "acme")); }
  static void TearDownTestSuite() { delete s_ws; }
  static analyzer::Workspace* s_ws;
};

analyzer::Workspace* ExampleAcme::s_ws = nullptr;

TEST_F(ExampleAcme, ServiceAccountsRunAsTheTerraformRolesTheirAnnotationsName) {
  const auto& g = s_ws->graph;
  for (const auto* service : {"checkout", "payments", "orders", "catalog", "inventory", "shipping",
                              "notifications", "search", "frontend"}) {
    const auto account = std::string("k8s:kubernetes/shop:shop/ServiceAccount/") + service;
    const auto role = std::string("terraform/envs/prod:module.") + service + ".aws_iam_role.this";
    EXPECT_EQ(edge_kind(g, account, role), "runs_as") << service;
    // Not the staging role of the same service.
    EXPECT_EQ(edge_kind(g, account, std::string("terraform/envs/staging:module.") + service +
                                        ".aws_iam_role.this"), "");
  }
}

TEST_F(ExampleAcme, BoundaryReachesTheWorkloadsThatRunAsTheRolesItBounds) {
  std::vector<std::string> ids{"terraform/envs/prod:module.iam.aws_iam_policy.boundary"};
  const auto changes = analyzer::select_changes(s_ws->graph, ids, analyzer::ChangeAction::update);
  const auto report = analyzer::score_change(*s_ws, changes);
  EXPECT_EQ(report.tier, analyzer::Tier::critical);
  const auto reached = reached_ids(s_ws->graph, ids);
  for (const auto* workload : {"k8s:kubernetes/shop:shop/Deployment/checkout", "k8s:kubernetes/shop:shop/Deployment/payments",
                               "k8s:kubernetes/shop:shop/Deployment/search-v1", "k8s:kubernetes/shop:shop/Deployment/search-v2"}) {
    EXPECT_TRUE(reached.contains(workload)) << workload;
  }
  // Through the account: boundary -> role -> account -> deployment.
  EXPECT_TRUE(reached.contains("k8s:kubernetes/shop:shop/ServiceAccount/checkout"));
  EXPECT_TRUE(reached.contains("k8s:kubernetes/shop:shop/Service/checkout"));
  // Platform workloads run as no bounded role.
  EXPECT_FALSE(reached.contains("k8s:kubernetes:platform/StatefulSet/mongodb"));
}

TEST_F(ExampleAcme, ARoleChangeReachesItsWorkloadAndThatWorkloadsCallers) {
  const auto reached = reached_ids(s_ws->graph, {"terraform/envs/prod:module.search.aws_iam_role.this"});
  EXPECT_TRUE(reached.contains("k8s:kubernetes/shop:shop/Deployment/search-v1"));
  EXPECT_TRUE(reached.contains("k8s:kubernetes/shop:shop/Deployment/frontend"));  // calls search
  EXPECT_FALSE(reached.contains("k8s:kubernetes/shop:shop/Deployment/checkout"));
}

}  // namespace
}  // namespace blastgraph::testing

namespace blastgraph::testing {
namespace {

TEST(ExampleAcmeIam, EveryPolicyFileIsANodeAndBrokenOnesAreReported) {
  const auto ws = load(fixtures_dir() / "acme");
  const auto& g = ws.graph;
  const std::vector<std::pair<std::string, std::string>> files{
      {"iam:iam/policies/break-glass.json", "iam_identity_policy"},
      {"iam:iam/policies/ci-artifacts.json", "iam_identity_policy"},
      {"iam:iam/policies/artifacts-bucket-policy.json", "iam_resource_policy"},
      {"iam:iam/policies/support-trust.json", "iam_trust_policy"},
      {"iam:iam/snapshots/boundary-v3.json", "iam_identity_policy"},
      {"iam:iam/snapshots/authorization-details.json", "iam_account_snapshot"},
      {"iam:iam/broken/missing-effect.json", "iam_identity_policy"},  // one good statement
  };
  for (const auto& [id, type] : files) {
    const auto index = g.find(id);
    ASSERT_NE(index, graph::k_no_node) << id;
    EXPECT_EQ(g.node(index).type, type) << id;
    EXPECT_EQ(g.node(index).domain, graph::Domain::iam);
  }
  // Nothing readable, but still a node: a change to it must not vanish from the radius.
  const auto truncated = g.find("iam:iam/broken/truncated.json");
  ASSERT_NE(truncated, graph::k_no_node);
  EXPECT_EQ(g.node(truncated).type, "iam_identity_policy");
  std::set<std::string> broken;
  for (const auto& d : ws.diagnostics) {
    if (!d.file.starts_with("iam/broken/")) continue;
    broken.insert(d.file + ":" + std::to_string(d.position.line) + ":" +
                  std::to_string(d.position.column) + " " + d.code);
  }
  EXPECT_EQ(broken, (std::set<std::string>{"iam/broken/missing-effect.json:4:5 iam-missing-effect",
                                           "iam/broken/truncated.json:7:1 iam-json"}));
  // Non-policy JSON elsewhere in the tree is not ours to judge.
  for (const auto& d : ws.diagnostics) EXPECT_NE(d.code, "iam-not-a-policy") << format_diagnostic(d);
}

TEST(ExampleAcmeIam, APolicyFileReachesTheTerraformPolicyBuiltFromItAndItsRoles) {
  const auto ws = load(fixtures_dir() / "acme");
  EXPECT_EQ(edge_kind(ws.graph, "terraform/envs/prod:module.iam.aws_iam_policy.break_glass",
                      "iam:iam/policies/break-glass.json"),
            "reference");
  const auto reached = reached_ids(ws.graph, {"iam:iam/policies/break-glass.json"});
  EXPECT_TRUE(reached.contains("terraform/envs/prod:module.iam.aws_iam_role.deployer"));
  EXPECT_TRUE(reached.contains("terraform/envs/staging:module.iam.aws_iam_role.deployer"));
  EXPECT_FALSE(reached.contains("terraform/envs/prod:module.checkout.aws_iam_role.this"));
}

}  // namespace
}  // namespace blastgraph::testing

namespace blastgraph::testing {
namespace {

TEST(PolicyRisks, StandaloneAndInlinePoliciesSurfaceTheirRiskFactorsWhenChanged) {
  TempTree tree;
  tree.write("policies/admin.json",
             R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})");
  tree.write("main.tf", R"(
resource "aws_iam_policy" "escalate" {
  name   = "escalate"
  policy = <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Attach", "Effect": "Allow", "Action": "iam:AttachRolePolicy", "Resource": "*"}
  ]
}
JSON
}
resource "aws_iam_policy" "broken" {
  policy = <<JSON
{"Version": "2012-10-17", "Statement": [{"Action": "s3:GetObject", "Resource": "*"}]}
JSON
}
resource "aws_iam_policy" "admin" { policy = file("policies/admin.json") }
)");
  const auto ws = load(tree.root());
  std::map<std::string, std::vector<analyzer::PolicyRisk>> by_node;
  for (const auto& risk : ws.policy_risks) by_node[risk.node].push_back(risk);
  // The broken document raises none; the policy built with file() carries its file's risks.
  ASSERT_EQ(by_node.size(), 3U);
  const auto& built = by_node[".:aws_iam_policy.admin"];
  EXPECT_EQ(built.size(), by_node["iam:policies/admin.json"].size());
  EXPECT_TRUE(std::any_of(built.begin(), built.end(), [](const auto& r) {
    return r.kind == "full-admin" && r.file == "policies/admin.json";
  }));
  const auto& escalate = by_node[".:aws_iam_policy.escalate"];
  ASSERT_EQ(escalate.size(), 1U);
  EXPECT_EQ(escalate[0].kind, "privilege-escalation");
  EXPECT_EQ(escalate[0].file, "main.tf");
  EXPECT_EQ(escalate[0].position.line, 8U);  // the statement, inside the heredoc
  const auto& admin = by_node["iam:policies/admin.json"];
  EXPECT_TRUE(std::any_of(admin.begin(), admin.end(),
                          [](const auto& r) { return r.kind == "full-admin"; }));
  // The inline document's own problems are diagnostics at their place in the .tf file.
  bool missing_effect = false;
  for (const auto& d : ws.diagnostics) {
    missing_effect |= d.code == "iam-missing-effect" && d.file == "main.tf" && d.position.line == 15;
  }
  EXPECT_TRUE(missing_effect);

  std::vector<std::string> ids{".:aws_iam_policy.escalate"};
  const auto report = analyzer::score_change(
      ws, analyzer::select_changes(ws.graph, ids, analyzer::ChangeAction::update));
  ASSERT_EQ(report.risks.size(), 1U);
  EXPECT_EQ(report.risks[0].kind, "privilege-escalation");
  std::vector<std::string> none{".:aws_iam_policy.broken"};
  EXPECT_TRUE(analyzer::score_change(
                  ws, analyzer::select_changes(ws.graph, none, analyzer::ChangeAction::update))
                  .risks.empty());
}

}  // namespace
}  // namespace blastgraph::testing
