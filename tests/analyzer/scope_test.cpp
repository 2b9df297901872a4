// Scope rules and the gate's verdict: what each change source may not touch.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/config.hpp"
#include "blastgraph/analyzer/score.hpp"

namespace blastgraph::testing {
namespace {

constexpr std::string_view k_terraform = R"(resource "aws_iam_role" "app" {
  name = "app"
}

resource "aws_iam_role_policy" "app" {
  role   = aws_iam_role.app.id
  policy = "{}"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
)";

constexpr std::string_view k_policy = R"(version: "2026-11"
scope:
  - name: ai-agent-iam
    change_sources: [ai-agent]
    types: ["aws_iam_*"]
    message: "AI agents may not change IAM"
  - name: freeze-queues
    change_sources: ["*"]
    ids: ["*:aws_sqs_queue.jobs"]
  - name: bots-nothing
    change_sources: [renovate, ai-agent]
    ids: ["nothing:*"]
)";

class Scope : public ::testing::Test {
 protected:
  void SetUp() override {
    m_tree.write("main.tf", k_terraform);
    m_ws = load(m_tree.root());
    const auto loaded = analyzer::parse_config(k_policy, "gate.yaml");
    ASSERT_FALSE(loaded.has_errors());
    m_config = loaded.config;
  }
  analyzer::ChangeSet changes(std::vector<std::string> ids) const {
    return analyzer::select_changes(m_ws.graph, ids, analyzer::ChangeAction::update);
  }
  analyzer::ScoreReport gate(const std::vector<std::string>& ids, std::string_view source) const {
    const auto changed = changes(ids);
    auto report = analyzer::score_change(m_ws, changed, m_config.score);
    analyzer::apply_gate(m_config, m_ws.graph, changed, source, report);
    return report;
  }
  TempTree m_tree;
  analyzer::Workspace m_ws;
  analyzer::Config m_config;
};

TEST_F(Scope, AnAiAgentTouchingIamIsDeniedNamingTheRuleAndTheResources) {
  const auto report = gate({".:aws_iam_role.app", ".:aws_iam_role_policy.app"}, "ai-agent");
  EXPECT_EQ(report.verdict, analyzer::Verdict::deny);
  EXPECT_EQ(report.change_source, "ai-agent");
  EXPECT_EQ(report.policy_version, "2026-11");
  ASSERT_EQ(report.violations.size(), 1U);
  const auto& violation = report.violations[0];
  EXPECT_EQ(violation.rule, "ai-agent-iam");
  EXPECT_EQ(violation.message, "AI agents may not change IAM");
  EXPECT_EQ(violation.resources,
            (std::vector<std::string>{".:aws_iam_role.app", ".:aws_iam_role_policy.app"}));
  EXPECT_EQ(violation.file, "gate.yaml");
  EXPECT_EQ(violation.position, (SourcePosition{3, 5}));
  EXPECT_EQ(analyzer::to_string(report.verdict), "deny");
}

TEST_F(Scope, TheSameChangeByAHumanIsAllowed) {
  const auto report = gate({".:aws_iam_role.app"}, "human");
  EXPECT_EQ(report.verdict, analyzer::Verdict::allow);
  EXPECT_TRUE(report.violations.empty());
  EXPECT_EQ(report.change_source, "human");
  // The score and tier do not depend on who made the change.
  EXPECT_EQ(report.tier, gate({".:aws_iam_role.app"}, "ai-agent").tier);
}

TEST_F(Scope, AStarRuleBindsEverySource) {
  for (const auto* source : {"human", "ai-agent", "release-bot"}) {
    const auto report = gate({".:aws_sqs_queue.jobs"}, source);
    EXPECT_EQ(report.verdict, analyzer::Verdict::deny) << source;
    ASSERT_EQ(report.violations.size(), 1U) << source;
    EXPECT_EQ(report.violations[0].rule, "freeze-queues");
  }
}

TEST_F(Scope, ViolationsComeInRuleOrder) {
  const auto violations = analyzer::check_scope(
      m_config, m_ws.graph, changes({".:aws_sqs_queue.jobs", ".:aws_iam_role.app"}), "ai-agent");
  ASSERT_EQ(violations.size(), 2U);
  EXPECT_EQ(violations[0].rule, "ai-agent-iam");
  EXPECT_EQ(violations[0].resources, std::vector<std::string>{".:aws_iam_role.app"});
  EXPECT_EQ(violations[1].rule, "freeze-queues");
}

TEST_F(Scope, NoPolicyAllowsEverything) {
  const auto changed = changes({".:aws_iam_role.app"});
  auto report = analyzer::score_change(m_ws, changed);
  analyzer::apply_gate(analyzer::Config{}, m_ws.graph, changed, "ai-agent", report);
  EXPECT_EQ(report.verdict, analyzer::Verdict::allow);
  EXPECT_EQ(report.policy_version, "default");
}

TEST(ScopeExample, AcmeForbidsAnAiAgentTheBoundary) {
  const auto found = analyzer::find_config(fixtures_dir() / "acme");
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(found->diagnostics.empty());
  const auto ws = load(fixtures_dir() / "acme");
  std::vector<std::string> ids{"terraform/envs/prod:module.iam.aws_iam_policy.boundary"};
  const auto changed = analyzer::select_changes(ws.graph, ids, analyzer::ChangeAction::update);
  const auto violations = analyzer::check_scope(found->config, ws.graph, changed, "ai-agent");
  ASSERT_EQ(violations.size(), 1U);
  EXPECT_EQ(violations[0].rule, "ai-agent-infrastructure-core");
  EXPECT_EQ(violations[0].resources, ids);
  EXPECT_TRUE(analyzer::check_scope(found->config, ws.graph, changed, "human").empty());
}

}  // namespace
}  // namespace blastgraph::testing
