// Golden outputs of the gate on the whole bundled example (fixtures/acme): every format for
// an edit of the shared permission boundary by an AI agent that a scope rule denies, and for
// an edit of a Kubernetes ConfigMap by a person. The expected files under
// fixtures/golden/outputs/ are read and reviewed by people; BLASTGRAPH_UPDATE_GOLDEN=1
// rewrites them.
#include <gtest/gtest.h>

#include <sstream>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/report.hpp"
#include "support/golden.hpp"

namespace blastgraph::testing {
namespace {

constexpr const char* k_boundary = "terraform/envs/prod:module.iam.aws_iam_policy.boundary";
constexpr const char* k_config_map = "k8s:kubernetes/shop:shop/ConfigMap/shop-config";

std::filesystem::path golden_dir() {
  return fixtures_dir() / "golden" / "outputs";
}

class OutputGolden : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { s_ws = new analyzer::Workspace(load(fixtures_dir() / "acme")); }
  static void TearDownTestSuite() { delete s_ws; }

  static analyzer::ScoreReport score(const std::string& id) {
    std::vector<std::string> ids{id};
    const auto changes = analyzer::select_changes(s_ws->graph, ids, analyzer::ChangeAction::update);
    EXPECT_TRUE(changes.unmatched_patterns.empty()) << id;
    return analyzer::score_change(*s_ws, changes);
  }

  // The boundary edited by an agent under a policy file that keeps agents away from IAM.
  static analyzer::ScoreReport denied_boundary() {
    auto report = score(k_boundary);
    report.change_source = "ai-agent";
    report.policy_version = "2026-11";
    report.verdict = analyzer::Verdict::deny;
    report.violations.push_back(
        analyzer::RuleViolation{"ai-agent-iam",
                                "ai-agent changes may not touch IAM resources",
                                {k_boundary},
                                ".blastgraph.yaml",
                                SourcePosition{14, 5}});
    return report;
  }

  static void expect_all_formats(const std::string& name, const analyzer::ScoreReport& report) {
    std::ostringstream text, json, markdown, github, summary, sarif, governance;
    analyzer::write_score_text(report, text);
    analyzer::write_score_json(report, *s_ws, json);
    analyzer::write_score_markdown(report, markdown);
    analyzer::write_score_github(report, github, summary);
    analyzer::write_score_sarif(report, sarif);
    analyzer::write_score_governance(report, governance);
    expect_golden(golden_dir(), name + ".txt", portable(text.str()));
    expect_golden(golden_dir(), name + ".json", portable(json.str()));
    expect_golden(golden_dir(), name + ".md", markdown.str());
    expect_golden(golden_dir(), name + ".github-output", github.str());
    expect_golden(golden_dir(), name + ".sarif", sarif.str());
    expect_golden(golden_dir(), name + ".governance", governance.str());
    EXPECT_EQ(summary.str(), markdown.str()) << "the step summary is the Markdown report";
  }

  static analyzer::Workspace* s_ws;
};

analyzer::Workspace* OutputGolden::s_ws = nullptr;

TEST_F(OutputGolden, DeniedBoundaryEveryFormat) {
  const auto report = denied_boundary();
  ASSERT_EQ(report.tier, analyzer::Tier::critical);
  expect_all_formats("boundary", report);
}

TEST_F(OutputGolden, ConfigMapEveryFormat) {
  const auto report = score(k_config_map);
  ASSERT_EQ(report.changed.size(), 1U);
  expect_all_formats("configmap", report);
}

TEST_F(OutputGolden, GovernanceBlockHasTheDocumentedFields) {
  std::ostringstream out;
  analyzer::write_score_governance(denied_boundary(), out);
  const auto block = out.str();
  std::vector<std::string> keys;
  std::istringstream lines(block);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("  ") || line.starts_with("[")) continue;
    keys.push_back(line.substr(0, line.find(':')));
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"change_source", "risk_tier", "blast_radius", "verdict",
                                            "policy_version", "violations", "changed_resources",
                                            "services_reached", "required_approvals"}));
  EXPECT_TRUE(block.starts_with("[AI-GOVERNANCE]\n"));
  EXPECT_TRUE(block.ends_with("[/AI-GOVERNANCE]\n"));
  EXPECT_NE(block.find("  - " + std::string(k_boundary) + " (update)\n"), std::string::npos);
  EXPECT_NE(block.find("required_approvals: CTO, security, change board\n"), std::string::npos);
  EXPECT_EQ(block.find("approver"), std::string::npos) << "left for the gate to fill";
}

}  // namespace
}  // namespace blastgraph::testing
