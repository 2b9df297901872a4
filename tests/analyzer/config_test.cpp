// The policy file: every key read, defaults, partial overrides, and each problem reported at
// its line:column with a config-* code while the valid entries still apply.
#include <gtest/gtest.h>

#include "blastgraph/analyzer/config.hpp"
#include "blastgraph/analyzer/rules.hpp"
#include "support/temp_tree.hpp"

namespace blastgraph::testing {
namespace {

using analyzer::Tier;
using graph::Criticality;

// "line:col [code]" per diagnostic.
std::vector<std::string> problems(const analyzer::LoadedConfig& loaded) {
  std::vector<std::string> out;
  for (const auto& d : loaded.diagnostics) {
    out.push_back(std::to_string(d.position.line) + ":" + std::to_string(d.position.column) + " [" +
                  d.code + "]");
  }
  return out;
}

constexpr std::string_view k_full = R"(version: "2026-11"
services:
  - service: checkout
    paths: ["apps/checkout/**", "terraform/modules/checkout/**"]
    ids: ["k8s:shop/*/checkout*"]
criticality:
  - types: ["aws_dynamodb_table"]
    ids: []
    class: database
score:
  weights: {services_reached: 30, resources_reached: 20, critical_reached: 15, action: 20, changed_class: 15}
  thresholds: {medium: 20, high: 40, critical: 60}
  floors: {iam: MEDIUM, network: LOW, account: CRITICAL, crypto: HIGH, auth: CRITICAL, database_replace: HIGH, shared_boundary: CRITICAL, unread_files: LOW, could_not_assess: HIGH}
approvals:
  LOW: []
  MEDIUM: ["automated checks"]
  HIGH: ["senior engineer"]
  CRITICAL: ["CTO", "security"]
scope:
  - name: ai-agent-infrastructure-core
    change_sources: [ai-agent]
    types: ["aws_iam_*", "aws_vpc", "Namespace"]
    ids: []
    message: "AI agents may not change IAM"
)";

TEST(Config, ReadsEveryKey) {
  const auto loaded = analyzer::parse_config(k_full, "policy.yaml");
  EXPECT_TRUE(loaded.diagnostics.empty()) << ::testing::PrintToString(problems(loaded));
  const auto& c = loaded.config;
  EXPECT_EQ(c.file, "policy.yaml");
  EXPECT_EQ(c.version, "2026-11");
  ASSERT_EQ(c.services.size(), 1U);
  EXPECT_EQ(c.services[0].service, "checkout");
  EXPECT_EQ(c.services[0].paths,
            (std::vector<std::string>{"apps/checkout/**", "terraform/modules/checkout/**"}));
  EXPECT_EQ(c.services[0].ids, std::vector<std::string>{"k8s:shop/*/checkout*"});
  EXPECT_EQ(c.services[0].position, (SourcePosition{3, 5}));
  ASSERT_EQ(c.criticality.size(), 1U);
  EXPECT_EQ(c.criticality[0].types, std::vector<std::string>{"aws_dynamodb_table"});
  EXPECT_EQ(c.criticality[0].criticality, Criticality::database);
  const auto& w = c.score.weights;
  EXPECT_EQ(std::vector<int>({w.services_reached, w.resources_reached, w.critical_reached, w.action,
                              w.changed_class}),
            std::vector<int>({30, 20, 15, 20, 15}));
  EXPECT_EQ(c.score.thresholds.medium, 20);
  EXPECT_EQ(c.score.thresholds.high, 40);
  EXPECT_EQ(c.score.thresholds.critical, 60);
  const auto& f = c.score.floors;
  EXPECT_EQ(f.iam, Tier::medium);
  EXPECT_EQ(f.network, Tier::low);
  EXPECT_EQ(f.crypto, Tier::high);
  EXPECT_EQ(f.database_replace, Tier::high);
  EXPECT_EQ(f.unread_files, Tier::low);
  EXPECT_EQ(f.could_not_assess, Tier::high);
  EXPECT_EQ(c.score.approvals[2], std::vector<std::string>{"senior engineer"});
  EXPECT_EQ(c.score.approvals[3], (std::vector<std::string>{"CTO", "security"}));
  ASSERT_EQ(c.scope.size(), 1U);
  EXPECT_EQ(c.scope[0].name, "ai-agent-infrastructure-core");
  EXPECT_EQ(c.scope[0].change_sources, std::vector<std::string>{"ai-agent"});
  EXPECT_EQ(c.scope[0].types, (std::vector<std::string>{"aws_iam_*", "aws_vpc", "Namespace"}));
  EXPECT_EQ(c.scope[0].message, "AI agents may not change IAM");
  EXPECT_EQ(c.scope[0].position, (SourcePosition{20, 5}));
}

TEST(Config, NoFileMeansTheDefaults) {
  TempTree tree;
  const auto found = analyzer::find_config(tree.root());
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(found->diagnostics.empty());
  const analyzer::ScorePolicy defaults;
  EXPECT_EQ(found->config.version, "default");
  EXPECT_TRUE(found->config.file.empty());
  EXPECT_TRUE(found->config.services.empty() && found->config.scope.empty());
  EXPECT_EQ(found->config.score.weights.total(), 100);
  EXPECT_EQ(found->config.score.approvals, defaults.approvals);
  // An empty file is the defaults too.
  EXPECT_TRUE(analyzer::parse_config("", "empty.yaml").diagnostics.empty());
}

TEST(Config, FindsTheFileAtTheRoot) {
  TempTree tree;
  tree.write(".blastgraph.yaml", "version: v7\n");
  const auto found = analyzer::find_config(tree.root());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->config.version, "v7");
  EXPECT_NE(found->config.file.find(".blastgraph.yaml"), std::string::npos);
  EXPECT_FALSE(analyzer::load_config(tree.root() / "missing.yaml").has_value());
}

TEST(Config, PartialMapsOverrideOnlyWhatTheyName) {
  const auto loaded = analyzer::parse_config(
      "score:\n  thresholds: {critical: 90}\n  floors: {iam: LOW}\napprovals:\n  HIGH: [lead]\n",
      "p.yaml");
  EXPECT_TRUE(loaded.diagnostics.empty()) << ::testing::PrintToString(problems(loaded));
  const auto& s = loaded.config.score;
  EXPECT_EQ(s.thresholds.medium, 25);
  EXPECT_EQ(s.thresholds.high, 50);
  EXPECT_EQ(s.thresholds.critical, 90);
  EXPECT_EQ(s.floors.iam, Tier::low);
  EXPECT_EQ(s.floors.network, Tier::high);
  EXPECT_EQ(s.weights.services_reached, 35);
  EXPECT_EQ(s.approvals[1], std::vector<std::string>{"automated checks"});
  EXPECT_EQ(s.approvals[2], std::vector<std::string>{"lead"});
  EXPECT_EQ(loaded.config.version, "default");
}

TEST(Config, UnknownKeysAreNamedWithASuggestion) {
  const auto loaded = analyzer::parse_config(
      "version: x\nservice:\n  - service: a\n    paths: [a/**]\nscore:\n  weigths: {action: 20}\n",
      "p.yaml");
  EXPECT_EQ(problems(loaded), (std::vector<std::string>{"2:1 [config-unknown-key]",
                                                        "6:3 [config-unknown-key]"}));
  EXPECT_NE(loaded.diagnostics[0].message.find("did you mean 'services'?"), std::string::npos)
      << loaded.diagnostics[0].message;
  EXPECT_NE(loaded.diagnostics[0].message.find("allowed: version, services"), std::string::npos);
  EXPECT_NE(loaded.diagnostics[1].message.find("did you mean 'weights'?"), std::string::npos);
  EXPECT_EQ(loaded.diagnostics[0].file, "p.yaml");
  EXPECT_EQ(loaded.diagnostics[0].severity, Severity::error);
  EXPECT_TRUE(loaded.has_errors());
  EXPECT_EQ(loaded.config.version, "x");  // the rest still applies
}

TEST(Config, ABadEntryIsDroppedAndItsNeighboursApply) {
  const auto loaded = analyzer::parse_config(R"(services:
  - service: good
    paths: ["apps/good/**"]
  - service: broken
    paths: ["apps/[broken/**"]
  - paths: ["apps/nameless/**"]
  - service: nothing
  - service: scalar
    paths: apps/scalar/**
  - service: also-good
    ids: ["k8s:*/Deployment/x"]
)",
                                             "p.yaml");
  EXPECT_EQ(problems(loaded), (std::vector<std::string>{"5:13 [config-glob]", "6:5 [config-rule]",
                                                        "7:5 [config-rule]", "9:12 [config-type]"}));
  ASSERT_EQ(loaded.config.services.size(), 2U);
  EXPECT_EQ(loaded.config.services[0].service, "good");
  EXPECT_EQ(loaded.config.services[1].service, "also-good");
  EXPECT_NE(loaded.diagnostics[0].message.find("unbalanced '['"), std::string::npos);
  EXPECT_NE(loaded.diagnostics[3].message.find("must be a list of strings, not a scalar"),
            std::string::npos);
}

TEST(Config, ThresholdsMustIncreaseWithinRange) {
  const auto unordered = analyzer::parse_config(
      "score:\n  thresholds: {medium: 50, high: 40, critical: 75}\n", "p.yaml");
  EXPECT_EQ(problems(unordered), std::vector<std::string>{"2:15 [config-thresholds]"});
  EXPECT_EQ(unordered.config.score.thresholds.medium, 25);  // dropped: the defaults stay
  const auto out_of_range =
      analyzer::parse_config("score:\n  thresholds:\n    medium: 0\n", "p.yaml");
  EXPECT_EQ(problems(out_of_range), std::vector<std::string>{"3:13 [config-thresholds]"});
  const auto too_high = analyzer::parse_config("score:\n  thresholds: {critical: 101}\n", "p.yaml");
  EXPECT_EQ(problems(too_high), std::vector<std::string>{"2:26 [config-thresholds]"});
  const auto not_a_number =
      analyzer::parse_config("score:\n  thresholds: {high: lots}\n", "p.yaml");
  EXPECT_EQ(problems(not_a_number), std::vector<std::string>{"2:22 [config-type]"});
}

TEST(Config, WeightsMustSumToOneHundredAndNotBeNegative) {
  const auto sum = analyzer::parse_config(
      "score:\n  weights: {services_reached: 50}\n  thresholds: {critical: 80}\n", "p.yaml");
  EXPECT_EQ(problems(sum), std::vector<std::string>{"2:12 [config-weights]"});
  EXPECT_NE(sum.diagnostics[0].message.find("sum to 100"), std::string::npos);
  EXPECT_NE(sum.diagnostics[0].message.find("115"), std::string::npos);
  EXPECT_EQ(sum.config.score.weights.services_reached, 35);
  EXPECT_EQ(sum.config.score.thresholds.critical, 80);  // the neighbour still applies
  const auto negative = analyzer::parse_config(
      "score:\n  weights:\n    services_reached: 50\n    resources_reached: -5\n"
      "    critical_reached: 20\n",
      "p.yaml");
  EXPECT_EQ(problems(negative), std::vector<std::string>{"4:24 [config-weights]"});
}

TEST(Config, TierAndClassNamesAreChecked) {
  const auto loaded = analyzer::parse_config(R"(score:
  floors: {iam: SEVERE, network: medium}
approvals:
  URGENT: [someone]
  critical: [board]
criticality:
  - types: [aws_x]
    class: nuclear
  - types: [aws_y]
    class: secrets
)",
                                             "p.yaml");
  EXPECT_EQ(problems(loaded), (std::vector<std::string>{"2:17 [config-tier]", "4:3 [config-tier]",
                                                        "8:12 [config-class]"}));
  EXPECT_EQ(loaded.config.score.floors.iam, Tier::high);  // unchanged
  EXPECT_EQ(loaded.config.score.floors.network, Tier::medium);
  EXPECT_EQ(loaded.config.score.approvals[3], std::vector<std::string>{"board"});
  ASSERT_EQ(loaded.config.criticality.size(), 1U);
  EXPECT_EQ(loaded.config.criticality[0].criticality, Criticality::secrets);
  EXPECT_NE(loaded.diagnostics[2].message.find("normal, compute"), std::string::npos);
}

TEST(Config, WrongTypesAreReported) {
  const auto loaded = analyzer::parse_config(
      "version: [1]\nservices: {service: a}\nscore: 7\napprovals:\n  LOW: none\n"
      "scope:\n  - name: r\n    types: [Role, [nested]]\n",
      "p.yaml");
  EXPECT_EQ(problems(loaded),
            (std::vector<std::string>{"1:10 [config-type]", "2:11 [config-type]",
                                      "3:8 [config-type]", "5:8 [config-type]",
                                      "8:19 [config-type]"}));
  EXPECT_TRUE(loaded.config.scope.empty());
}

TEST(Config, YamlSyntaxErrorsAreForwardedWithTheFileName) {
  const auto loaded = analyzer::parse_config("version: \"open\nservices: [\n", "broken.yaml");
  ASSERT_FALSE(loaded.diagnostics.empty());
  EXPECT_EQ(loaded.diagnostics[0].file, "broken.yaml");
  EXPECT_EQ(loaded.diagnostics[0].code, "config-yaml-syntax");
  EXPECT_GT(loaded.diagnostics[0].position.line, 0U);
  EXPECT_TRUE(loaded.has_errors());
}

TEST(Config, ScopeRulesWithoutSourcesBindEverySource) {
  const auto loaded =
      analyzer::parse_config("scope:\n  - name: freeze\n    ids: ['*']\n  - name: empty\n", "p.yaml");
  EXPECT_EQ(problems(loaded), std::vector<std::string>{"4:5 [config-rule]"});
  ASSERT_EQ(loaded.config.scope.size(), 1U);
  EXPECT_EQ(loaded.config.scope[0].change_sources, std::vector<std::string>{"*"});
}

TEST(PathGlob, StarStaysInADirectoryAndDoubleStarCrossesThem) {
  using analyzer::path_glob_match;
  EXPECT_TRUE(path_glob_match("apps/*.go", "apps/main.go"));
  EXPECT_FALSE(path_glob_match("apps/*.go", "apps/checkout/main.go"));
  EXPECT_TRUE(path_glob_match("apps/**", "apps/checkout/cmd/main.go"));
  EXPECT_TRUE(path_glob_match("apps/**/main.go", "apps/main.go"));
  EXPECT_TRUE(path_glob_match("apps/**/main.go", "apps/a/b/main.go"));
  EXPECT_TRUE(path_glob_match("**/README.md", "README.md"));
  EXPECT_TRUE(path_glob_match("apps/ch?ckout/[mn]ain.go", "apps/checkout/main.go"));
  EXPECT_FALSE(path_glob_match("apps/checkout/**", "apps/checkouts/main.go"));
  EXPECT_FALSE(path_glob_match("apps/**", "terraform/apps/x.tf"));
}

}  // namespace
}  // namespace blastgraph::testing
