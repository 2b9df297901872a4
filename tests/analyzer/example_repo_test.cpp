// The bundled example (fixtures/terraform, stories in its README): what changes reach.
#include <gtest/gtest.h>

#include <algorithm>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/score.hpp"

namespace blastgraph::testing {
namespace {

const std::vector<std::string> k_prod_services{"checkout", "payments",      "orders",
                                               "catalog",  "inventory",     "shipping",
                                               "notifications", "search",   "frontend"};

class ExampleRepo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_workspace = new analyzer::Workspace(load(fixtures_dir() / "acme" / "terraform"));
  }
  static void TearDownTestSuite() { delete s_workspace; }

  static analyzer::ScoreReport score(const std::string& id,
                                     analyzer::ChangeAction action = analyzer::ChangeAction::update) {
    std::vector<std::string> patterns{id};
    const auto changes = analyzer::select_changes(s_workspace->graph, patterns, action);
    EXPECT_TRUE(changes.unmatched_patterns.empty()) << id;
    return analyzer::score_change(*s_workspace, changes);
  }

  static std::vector<std::string> services(const analyzer::ScoreReport& report) {
    std::vector<std::string> out;
    for (const auto& s : report.services) out.push_back(s.service);
    std::sort(out.begin(), out.end());
    return out;
  }

  static analyzer::Workspace* s_workspace;
};

analyzer::Workspace* ExampleRepo::s_workspace = nullptr;

TEST_F(ExampleRepo, FindsBothRootsAndParsesCleanly) {
  EXPECT_EQ(s_workspace->terraform_roots, (std::vector<std::string>{"envs/prod", "envs/staging"}));
  for (const auto& d : s_workspace->diagnostics) {
    EXPECT_NE(d.severity, Severity::error) << format_diagnostic(d);
  }
  EXPECT_EQ(s_workspace->coverage.files_with_errors, 0U);
  EXPECT_EQ(s_workspace->coverage.unresolved_references, 0U);  // lifecycle names are not refs
  EXPECT_EQ(s_workspace->coverage.external_modules, 1U);
}

TEST_F(ExampleRepo, EveryProdServiceHasItsOwnTaggedInstance) {
  const auto& g = s_workspace->graph;
  for (const auto& service : k_prod_services) {
    const auto role = g.find("envs/prod:module." + service + ".aws_iam_role.this");
    ASSERT_NE(role, graph::k_no_node) << service;
    EXPECT_EQ(g.node(role).service, service);
    EXPECT_EQ(g.node(role).criticality, graph::Criticality::iam);
    EXPECT_EQ(g.node(role).span.file, "modules/service/iam.tf");
  }
  EXPECT_EQ(g.node(g.find("envs/prod:aws_lb.public")).service, "edge");
  EXPECT_EQ(g.node(g.find("envs/prod:module.orders_db.aws_db_instance.this")).service, "orders");
  EXPECT_EQ(g.node(g.find("envs/prod:module.network.aws_vpc.this")).service, "network");
}

TEST_F(ExampleRepo, BoundaryReachesEveryServiceRoleWithAPathAndIsCritical) {
  const auto report = score("envs/prod:module.iam.aws_iam_policy.boundary");
  const auto reached = services(report);
  for (const auto& service : k_prod_services) {
    EXPECT_TRUE(std::binary_search(reached.begin(), reached.end(), service)) << service;
  }
  EXPECT_TRUE(std::binary_search(reached.begin(), reached.end(), "cluster"));
  for (const auto& impact : report.services) {
    ASSERT_FALSE(impact.path.empty());
    EXPECT_EQ(impact.path.back(), "envs/prod:module.iam.aws_iam_policy.boundary");
    EXPECT_EQ(impact.edges.size() + 1, impact.path.size());
    EXPECT_EQ(impact.distance + 1, impact.path.size());
  }
  // The checkout role is reached through its boundary, four hops away.
  auto checkout = std::find_if(report.services.begin(), report.services.end(),
                               [](const auto& s) { return s.service == "checkout"; });
  ASSERT_NE(checkout, report.services.end());
  EXPECT_EQ(checkout->path.front(), "envs/prod:module.checkout.aws_iam_role.this");
  EXPECT_EQ(checkout->edges.front(), "permission_boundary");
  EXPECT_EQ(report.tier, analyzer::Tier::critical);
  EXPECT_NE(report.floor.reason.find("permission boundary shared by"), std::string::npos);
  // Staging has its own boundary: untouched.
  for (const auto& impact : report.services) {
    for (const auto& id : impact.path) EXPECT_FALSE(id.starts_with("envs/staging:")) << id;
  }
}

TEST_F(ExampleRepo, PaymentsQueueReachesPaymentsAndItsOneSenderOnly) {
  const auto report = score("envs/prod:module.payments.aws_sqs_queue.this");
  EXPECT_EQ(services(report), (std::vector<std::string>{"checkout", "payments"}));
  const auto reached = reached_ids(s_workspace->graph, {"envs/prod:module.payments.aws_sqs_queue.this"});
  EXPECT_TRUE(reached.contains("envs/prod:module.checkout.aws_iam_role_policy.this"));
  EXPECT_TRUE(reached.contains("envs/prod:module.payments.aws_ssm_parameter.config"));
  // An inline policy changes its role's permissions: both roles are reached through theirs.
  EXPECT_EQ(edge_kind(s_workspace->graph, "envs/prod:module.checkout.aws_iam_role.this",
                      "envs/prod:module.checkout.aws_iam_role_policy.this"),
            "policy_attachment");
  EXPECT_TRUE(reached.contains("envs/prod:module.checkout.aws_iam_role.this"));
  EXPECT_FALSE(reached.contains("envs/prod:module.orders.aws_iam_role.this"));
  EXPECT_FALSE(reached.contains("envs/prod:module.payments.aws_sqs_queue.dlq"));
}

TEST_F(ExampleRepo, LogGroupIsALeaf) {
  const auto id = "envs/prod:module.search.aws_cloudwatch_log_group.this";
  const auto reached = reached_ids(s_workspace->graph, {id});
  EXPECT_EQ(reached, (std::set<std::string>{id, "envs/prod:module.search.output.log_group_name"}));
  const auto report = score(id);
  EXPECT_EQ(services(report), std::vector<std::string>{"search"});
  EXPECT_EQ(report.resources_reached, 0U);
  EXPECT_EQ(report.tier, analyzer::Tier::low);
  EXPECT_GT(report.score, 0);
}

TEST_F(ExampleRepo, VpcReachesNearlyAllOfProd) {
  const auto report = score("envs/prod:module.network.aws_vpc.this", analyzer::ChangeAction::destroy);
  const auto reached = services(report);
  for (const auto& service : k_prod_services) {
    EXPECT_TRUE(std::binary_search(reached.begin(), reached.end(), service)) << service;
  }
  EXPECT_TRUE(std::binary_search(reached.begin(), reached.end(), "edge"));
  EXPECT_EQ(report.tier, analyzer::Tier::critical);
  EXPECT_GE(report.score, 75);
}

TEST_F(ExampleRepo, ScoreIsTheSumOfItsFactors) {
  for (const auto* id : {"envs/prod:module.iam.aws_iam_policy.boundary",
                         "envs/prod:module.payments.aws_sqs_queue.this"}) {
    const auto report = score(id);
    int sum = 0;
    for (const auto& f : report.factors) sum += f.points;
    EXPECT_EQ(sum, report.score) << id;
  }
}

TEST_F(ExampleRepo, MoreDestructiveActionsNeverLowerTheScore) {
  int previous = 0;
  for (auto action : {analyzer::ChangeAction::create, analyzer::ChangeAction::update,
                      analyzer::ChangeAction::replace, analyzer::ChangeAction::destroy}) {
    const auto report = score("envs/prod:module.orders_db.aws_db_instance.this", action);
    EXPECT_GE(report.score, previous);
    previous = report.score;
    EXPECT_EQ(report.tier >= analyzer::Tier::critical,
              action >= analyzer::ChangeAction::replace);  // replacing a database is CRITICAL
  }
}

}  // namespace
}  // namespace blastgraph::testing
