// Terraform and Kubernetes as one graph (fixtures/acme): IAM reaches workloads through the
// roles they run as.
#include <gtest/gtest.h>

#include <algorithm>

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
    const auto account = std::string("k8s:shop/ServiceAccount/") + service;
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
  for (const auto* workload : {"k8s:shop/Deployment/checkout", "k8s:shop/Deployment/payments",
                               "k8s:shop/Deployment/search-v1", "k8s:shop/Deployment/search-v2"}) {
    EXPECT_TRUE(reached.contains(workload)) << workload;
  }
  // Through the account: boundary -> role -> account -> deployment.
  EXPECT_TRUE(reached.contains("k8s:shop/ServiceAccount/checkout"));
  EXPECT_TRUE(reached.contains("k8s:shop/Service/checkout"));
  // Platform workloads run as no bounded role.
  EXPECT_FALSE(reached.contains("k8s:platform/StatefulSet/mongodb"));
}

TEST_F(ExampleAcme, ARoleChangeReachesItsWorkloadAndThatWorkloadsCallers) {
  const auto reached = reached_ids(s_ws->graph, {"terraform/envs/prod:module.search.aws_iam_role.this"});
  EXPECT_TRUE(reached.contains("k8s:shop/Deployment/search-v1"));
  EXPECT_TRUE(reached.contains("k8s:shop/Deployment/frontend"));  // calls search
  EXPECT_FALSE(reached.contains("k8s:shop/Deployment/checkout"));
}

}  // namespace
}  // namespace blastgraph::testing
