// Fail closed: every changed file is mapped to nodes or classified with its reason, and what
// cannot be assessed is never a silent 0.
#include <gtest/gtest.h>

#include "change/file_kinds.hpp"
#include "change_test_support.hpp"
#include "git_repo_support.hpp"

namespace blastgraph::testing {
namespace {

using analyzer::UnmappedKind;

std::string kind_of(const analyzer::Workspace& ws, std::string_view path) {
  return std::string(to_string(analyzer::file_kinds::classify(ws, path).kind));
}

TEST(FileKinds, EachKindByNameAndPlace) {
  analyzer::Workspace ws;
  ws.helm_charts = {"charts/shop"};
  ws.coverage.unread_files.push_back(
      {"k8s/broken.yaml", analyzer::ReadProblem::unparsed, {}, {}, {}});
  EXPECT_EQ(kind_of(ws, "README.md"), "documentation");
  EXPECT_EQ(kind_of(ws, "modules/vpc/CHANGELOG"), "documentation");
  EXPECT_EQ(kind_of(ws, "docs/img/flow.png"), "documentation");
  EXPECT_EQ(kind_of(ws, ".github/workflows/ci.yml"), "ci");
  EXPECT_EQ(kind_of(ws, ".pre-commit-config.yaml"), "ci");
  EXPECT_EQ(kind_of(ws, ".fluxschema.yml"), "ci");  // a tool's dotfile
  EXPECT_EQ(kind_of(ws, "examples/complete/versions.tf"), "not-deployed");
  EXPECT_EQ(kind_of(ws, "tests/vpc.tftest.hcl"), "not-deployed");
  EXPECT_EQ(kind_of(ws, "charts/shop/values.yaml"), "unassessable");
  EXPECT_EQ(kind_of(ws, "charts/shop/templates/deployment.yaml"), "unassessable");
  EXPECT_EQ(kind_of(ws, "k8s/broken.yaml"), "unassessable");
  EXPECT_EQ(kind_of(ws, "jsonnet/main.jsonnet"), "unassessable");
  EXPECT_EQ(kind_of(ws, "envs/prod/terraform.tfvars"), "unassessable");
  EXPECT_EQ(kind_of(ws, "envs/prod/.terraform.lock.hcl"), "unassessable");
  EXPECT_EQ(kind_of(ws, "deploy/settings.yaml"), "unassessable");  // no kind read: fail closed
  EXPECT_EQ(kind_of(ws, "src/cart/main.go"), "application");
  EXPECT_EQ(kind_of(ws, "src/cart/Dockerfile"), "application");
  EXPECT_EQ(kind_of(ws, "scripts/bootstrap.sh"), "tooling");
  EXPECT_EQ(kind_of(ws, "Makefile"), "tooling");
  EXPECT_EQ(kind_of(ws, "VERSION"), "other");
}

TEST(FileKinds, NotDeployedOnlyBelowExampleAndTestDirectories) {
  EXPECT_TRUE(analyzer::file_kinds::is_not_deployed("examples/simple/main.tf"));
  EXPECT_TRUE(analyzer::file_kinds::is_not_deployed("modules/x/test/fixture.yaml"));
  EXPECT_FALSE(analyzer::file_kinds::is_not_deployed("envs/prod/main.tf"));
  EXPECT_FALSE(analyzer::file_kinds::is_not_deployed("latest/main.tf"));  // "test" is a prefix only
  EXPECT_FALSE(analyzer::file_kinds::is_not_deployed("examples.tf"));
}

constexpr std::string_view k_bucket = R"(# The shop's assets.
resource "aws_s3_bucket" "assets" {
  bucket = "shop-assets"
}
)";

constexpr std::string_view k_versions = R"(terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.0" }
  }
}
)";

class FailClosed : public GitRepoTest {
 protected:
  void SetUp() override {
    GitRepoTest::SetUp();
    m_tree.write("main.tf", k_bucket);
    m_tree.write("versions.tf", k_versions);
    m_tree.write("README.md", "# shop\n");
    m_tree.write("charts/shop/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.0.0\n");
    m_tree.write("charts/shop/values.yaml", "# replicas\nreplicas: 2\n");
    m_tree.write("charts/shop/templates/deployment.yaml",
                 "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n");
    commit("base");
  }
};

TEST_F(FailClosed, AHelmValuesChangeIsNeverASilentZero) {
  m_tree.write("charts/shop/values.yaml", "# replicas\nreplicas: 3\n");
  const auto report = score();
  EXPECT_TRUE(report.changed.empty());
  EXPECT_GT(report.score, 0);
  EXPECT_EQ(report.tier, analyzer::Tier::medium);
  EXPECT_EQ(report.floor.reason, "could not assess: charts/shop/values.yaml");
  EXPECT_EQ(
      unmapped_lines(report.unmapped),
      std::vector<std::string>{"charts/shop/values.yaml unassessable: Helm chart charts/shop: "
                               "deploys what only `helm template` renders (values, templates)"});
}

TEST_F(FailClosed, ThePolicyDecidesTheFloorOfWhatCannotBeAssessed) {
  m_tree.write("charts/shop/templates/deployment.yaml", "kind: Deployment\n");
  analyzer::ScorePolicy policy;
  policy.floors.could_not_assess = analyzer::Tier::high;
  EXPECT_EQ(score(policy).tier, analyzer::Tier::high);
  policy.floors.could_not_assess = analyzer::Tier::low;
  const auto off = score(policy);
  EXPECT_EQ(off.tier, analyzer::Tier::low);
  EXPECT_GT(off.score, 0);  // still a change
}

TEST_F(FailClosed, DocsCiAndCommentsScoreZero) {
  m_tree.write("README.md", "# shop\n\nThe shop's infrastructure.\n");
  m_tree.write(".github/workflows/ci.yml", "on: push\n");
  m_tree.write("main.tf", "# The shop's public assets.\n" +
                              std::string(k_bucket.substr(k_bucket.find('\n') + 1)));
  m_tree.write("charts/shop/values.yaml", "# replicas per zone\nreplicas: 2\n");
  const auto report = score();
  EXPECT_TRUE(report.changed.empty());
  EXPECT_EQ(report.score, 0);
  EXPECT_EQ(report.tier, analyzer::Tier::low);
  EXPECT_EQ(
      unmapped_lines(report.unmapped),
      (std::vector<std::string>{".github/workflows/ci.yml ci: CI or repository configuration",
                                "README.md documentation: documentation",
                                "charts/shop/values.yaml no-effect: comments or formatting only",
                                "main.tf no-effect: comments or formatting only"}));
}

TEST_F(FailClosed, AProviderConstraintReachesEveryResourceOfThatProvider) {
  auto text = std::string(k_versions);
  text.replace(text.find(">= 5.0"), 6, ">= 6.0");
  m_tree.write("versions.tf", text);
  m_tree.write("examples/simple/versions.tf", text);
  const auto report = score();
  ASSERT_EQ(report.changed.size(), 1U);
  EXPECT_EQ(report.changed[0].id, ".:aws_s3_bucket.assets");
  EXPECT_EQ(report.changed[0].action, analyzer::ChangeAction::update);
  // With an example beside it, the unconfigured top directory is a published module.
  EXPECT_EQ(
      report.changed[0].detail,
      "Terraform settings changed: terraform (versions.tf); module code, scored as . calls it");
  EXPECT_EQ(report.tier, analyzer::Tier::high);
  EXPECT_EQ(report.floor.reason,
            "Terraform settings changed (provider, version, backend or state blocks): the "
            "resources they govern");
  EXPECT_EQ(unmapped_lines(report.unmapped),
            std::vector<std::string>{
                "examples/simple/versions.tf not-deployed: example or test: not deployed"});
}

TEST_F(FailClosed, AConstraintOfAnotherProviderReachesNothingAndIsUnassessable) {
  auto text = std::string(k_versions);
  text.replace(text.find("aws = {"), 0, "google = { source = \"hashicorp/google\" }\n    ");
  m_tree.write("versions.tf", text);
  const auto report = score();
  EXPECT_TRUE(report.changed.empty());
  EXPECT_EQ(report.tier, analyzer::Tier::medium);
  EXPECT_EQ(
      unmapped_lines(report.unmapped),
      std::vector<std::string>{"versions.tf unassessable: Terraform settings changed: terraform"});
}

TEST_F(FailClosed, ARequiredVersionReachesEveryResource) {
  m_tree.write("dns.tf", "resource \"google_dns_record_set\" \"www\" {\n  name = \"www\"\n}\n");
  commit("a second provider");
  auto text = std::string(k_versions);
  text.replace(text.find(">= 1.5"), 6, ">= 1.9");
  m_tree.write("versions.tf", text);
  const auto report = score();
  ASSERT_EQ(report.changed.size(), 2U);
  for (const auto& changed : report.changed) {
    EXPECT_EQ(changed.detail, "Terraform settings changed: terraform (versions.tf)") << changed.id;
  }
}

TEST_F(FailClosed, RemovingAMovedBlockIsAStateOperationOnItsResource) {
  m_tree.write("moves.tf",
               "moved {\n  from = aws_s3_bucket.old\n  to   = aws_s3_bucket.assets\n}\n");
  commit("a rename");
  remove("moves.tf");
  const auto report = score();
  ASSERT_EQ(report.changed.size(), 1U);
  EXPECT_EQ(report.changed[0].id, ".:aws_s3_bucket.assets");
  EXPECT_EQ(report.changed[0].detail, "Terraform settings changed: moved (moves.tf)");
  EXPECT_EQ(report.tier, analyzer::Tier::high);
}

TEST_F(FailClosed, ADescriptionHasNoEffectWhateverUsesTheVariable) {
  const std::string variable =
      "variable \"bucket\" {\n  description = \"Name of the bukcet\"\n  type = string\n"
      "  validation {\n    condition = length(var.bucket) > 3\n    error_message = \"too short\"\n"
      "  }\n}\n";
  m_tree.write("variables.tf", variable);
  m_tree.write("main.tf", "resource \"aws_s3_bucket\" \"assets\" {\n  bucket = var.bucket\n}\n");
  commit("a variable");
  auto edited = variable;
  edited.replace(edited.find("bukcet"), 6, "bucket");
  edited.replace(edited.find("too short"), 9, "at least 4 characters");
  m_tree.write("variables.tf", edited);
  const auto report = score();
  EXPECT_TRUE(report.changed.empty());
  EXPECT_EQ(report.score, 0);
  EXPECT_EQ(
      unmapped_lines(report.unmapped),
      std::vector<std::string>{"variables.tf no-effect: descriptions or validation messages only"});
  // The default is not documentation.
  edited.replace(edited.find("type = string"), 13, "type = string\n  default = \"x\"");
  m_tree.write("variables.tf", edited);
  EXPECT_EQ(score().changed.size(), 1U);
}

TEST(FailClosedDiff, CommentLinesAreNoChangeOnlyWhereHashIsAComment) {
  TempTree tree;
  tree.write("main.tf", k_bucket);
  auto ws = load(tree.root());
  const auto diff = std::string(
      "diff --git a/main.tf b/main.tf\n--- a/main.tf\n+++ b/main.tf\n@@ -1,1 +1,1 @@\n"
      "-# The shop's assets.\n+# The shop's public assets.\n"
      "diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n@@ -1,1 +1,1 @@\n"
      "-# shop\n+# the shop\n");
  const auto found = analyzer::diff_changes(ws, diff, "change.diff");
  EXPECT_TRUE(found.changes.empty());
  EXPECT_EQ(unmapped_lines(found.unmapped),
            (std::vector<std::string>{"main.tf:1-1 no-effect: comments or blank lines only",
                                      "README.md documentation: documentation"}));
}

TEST(FailClosedDiff, AnExamplesSettingsAreNotDeployed) {
  TempTree tree;
  tree.write("main.tf", k_bucket);
  tree.write("versions.tf", k_versions);
  tree.write("examples/simple/versions.tf", k_versions);
  auto ws = load(tree.root());
  std::string diff;
  for (const auto* path : {"examples/simple/versions.tf", "versions.tf"}) {
    diff +=
        std::string("diff --git a/") + path + " b/" + path + "\n--- a/" + path + "\n+++ b/" + path +
        "\n@@ -2,1 +2,1 @@\n-  required_version = \">= 1.5\"\n+  required_version = \">= 1.9\"\n";
  }
  const auto found = analyzer::diff_changes(ws, diff, "change.diff");
  EXPECT_EQ(unmapped_lines(found.unmapped),
            (std::vector<std::string>{
                "examples/simple/versions.tf not-deployed: example or test: not deployed",
                "versions.tf unassessable: no resource, value or module in this file: Terraform "
                "settings (--git BASE compares them)"}));
}

}  // namespace
}  // namespace blastgraph::testing
