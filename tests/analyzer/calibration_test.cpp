// The calibration suite: changes to the bundled example that reviewers agree on, each with the
// tier it must get and the range its score must fall in (README "Calibration"). A change to
// the score's weights or curves that moves any of them fails here.
//
// The scenarios run on a copy of fixtures/acme without its deliberately broken files (the
// `broken/` folders and the Helm template): a change those files could touch is at least
// MEDIUM, which separate cases check. The example's own policy file applies.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/change_sources.hpp"
#include "blastgraph/analyzer/config.hpp"
#include "blastgraph/analyzer/score.hpp"

namespace blastgraph::testing {
namespace {

using analyzer::ChangeAction;
using analyzer::Tier;

struct Scenario {
  std::string name{};
  std::vector<std::string> changed{};  // node ids (for --changed) ...
  ChangeAction action = ChangeAction::update;
  std::string diff{};                  // ... or a unified diff against the tree
  Tier tier = Tier::low;
  int min_score = 0;
  int max_score = 100;
};

// Builds the healthy copy of the example once; every scenario scores against it.
class Calibration : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_tree = new TempTree();
    s_tree->copy_from(fixtures_dir() / "acme");
    for (const char* broken : {"terraform/broken", "kubernetes/broken", "kubernetes/helm",
                               "iam/broken"}) {
      std::filesystem::remove_all(s_tree->root() / broken);
    }
    auto config = analyzer::find_config(s_tree->root());
    ASSERT_TRUE(config.has_value());
    ASSERT_FALSE(config->has_errors());
    s_config = new analyzer::Config(config->config);
    s_workspace = new analyzer::Workspace(load(s_tree->root(), *s_config));
  }
  static void TearDownTestSuite() {
    delete s_workspace;
    delete s_config;
    delete s_tree;
  }

  static analyzer::ScoreReport score(const Scenario& scenario) {
    auto& workspace = *s_workspace;
    std::vector<analyzer::ChangeFindings> findings;
    if (!scenario.diff.empty()) {
      findings.push_back(analyzer::diff_changes(workspace, scenario.diff, "change.diff"));
    }
    auto selected = analyzer::select_changes(workspace.graph, scenario.changed, scenario.action);
    EXPECT_TRUE(selected.unmatched_patterns.empty()) << scenario.name;
    const auto changes = analyzer::merge_changes(workspace.graph, findings, std::move(selected));
    return analyzer::score_change(workspace, changes, s_config->score);
  }

  static void expect(const Scenario& scenario) {
    const auto report = score(scenario);
    EXPECT_EQ(report.tier, scenario.tier)
        << scenario.name << ": score " << report.score << ", floor " << report.floor.reason;
    EXPECT_GE(report.score, scenario.min_score) << scenario.name;
    EXPECT_LE(report.score, scenario.max_score) << scenario.name;
  }

  static inline TempTree* s_tree = nullptr;
  static inline analyzer::Config* s_config = nullptr;
  static inline analyzer::Workspace* s_workspace = nullptr;
};

TEST_F(Calibration, TheTreeIsHealthy) {
  EXPECT_EQ(s_workspace->coverage.files_unparsed, 0U);
  EXPECT_EQ(s_workspace->coverage.files_with_errors, 0U);
}

TEST_F(Calibration, ReadmeOnlyChangeIsZeroAndLow) {
  expect({.name = "README only",
          .diff = "diff --git a/terraform/README.md b/terraform/README.md\n"
                  "--- a/terraform/README.md\n+++ b/terraform/README.md\n"
                  "@@ -1,2 +1,3 @@\n # acme shop: example Terraform monorepo\n+A line of prose.\n \n",
          .tier = Tier::low,
          .max_score = 0});
}

TEST_F(Calibration, TestOnlyChangeIsZeroAndLow) {
  expect({.name = "tests only",
          .diff = "diff --git a/tests/smoke_test.sh b/tests/smoke_test.sh\nnew file mode 100755\n"
                  "--- /dev/null\n+++ b/tests/smoke_test.sh\n@@ -0,0 +1,2 @@\n"
                  "+#!/bin/sh\n+curl -fsS https://api.acme-shop.com/health\n",
          .tier = Tier::low,
          .max_score = 0});
}

TEST_F(Calibration, ImageBumpOfALeafServiceIsLow) {
  // frontend: only the Ingress routes to it; no service calls it.
  expect({.name = "frontend image bump",
          .diff = "diff --git a/kubernetes/shop/frontend.yaml b/kubernetes/shop/frontend.yaml\n"
                  "--- a/kubernetes/shop/frontend.yaml\n+++ b/kubernetes/shop/frontend.yaml\n"
                  "@@ -56 +56 @@\n"
                  "-          image: 482913765021.dkr.ecr.us-east-1.amazonaws.com/acme/frontend:2024.06.12-b7f03de\n"
                  "+          image: 482913765021.dkr.ecr.us-east-1.amazonaws.com/acme/frontend:2024.06.19-c1a2b3d\n",
          .tier = Tier::low,
          .min_score = 1,
          .max_score = 24});
}

TEST_F(Calibration, ConfigMapSharedByThreeServicesIsMedium) {
  // shop-config: checkout (envFrom), orders (valueFrom) and payments (volume).
  expect({.name = "shop-config edit",
          .diff = "diff --git a/kubernetes/shop/shared-config.yaml b/kubernetes/shop/shared-config.yaml\n"
                  "--- a/kubernetes/shop/shared-config.yaml\n+++ b/kubernetes/shop/shared-config.yaml\n"
                  "@@ -14 +14 @@\n"
                  "-  ORDER_HOLD_MINUTES: \"30\"\n"
                  "+  ORDER_HOLD_MINUTES: \"45\"\n",
          .tier = Tier::medium,
          .min_score = 25,
          .max_score = 49});
}

TEST_F(Calibration, OneServiceRolePolicyIsHigh) {
  expect({.name = "payments role policy",
          .changed = {"terraform/envs/prod:module.payments.aws_iam_role_policy.this"},
          .tier = Tier::high,
          .min_score = 40,
          .max_score = 74});
}

TEST_F(Calibration, SharedPermissionBoundaryIsCriticalAndAtLeastNinety) {
  expect({.name = "permission boundary",
          .changed = {"terraform/envs/prod:module.iam.aws_iam_policy.boundary"},
          .tier = Tier::critical,
          .min_score = 90});
}

TEST_F(Calibration, DeletingASubnetIsCritical) {
  expect({.name = "delete a subnet",
          .changed = {"terraform/envs/prod:module.network.aws_subnet.private"},
          .action = ChangeAction::destroy,
          .tier = Tier::critical,
          .min_score = 75});
}

TEST_F(Calibration, DeletingTheVpcIsCritical) {
  expect({.name = "delete the VPC",
          .changed = {"terraform/envs/prod:module.network.aws_vpc.this"},
          .action = ChangeAction::destroy,
          .tier = Tier::critical,
          .min_score = 75});
}

TEST_F(Calibration, ReplacingADatabaseIsCritical) {
  expect({.name = "replace the orders database",
          .changed = {"terraform/envs/prod:module.orders_db.aws_db_instance.this"},
          .action = ChangeAction::replace,
          .tier = Tier::critical});
}

TEST_F(Calibration, TheOrderingReviewersExpect) {
  // Beyond the bands: a broader change never scores below a narrower one of the same kind.
  const auto leaf = score({.changed = {"k8s:shop/Deployment/frontend"}});
  const auto shared = score({.changed = {"k8s:shop/ConfigMap/shop-config"}});
  const auto boundary = score({.changed = {"terraform/envs/prod:module.iam.aws_iam_policy.boundary"}});
  const auto vpc_update = score({.changed = {"terraform/envs/prod:module.network.aws_vpc.this"}});
  const auto vpc_delete = score({.changed = {"terraform/envs/prod:module.network.aws_vpc.this"},
                                 .action = ChangeAction::destroy});
  EXPECT_LT(leaf.score, shared.score);
  EXPECT_LT(shared.score, boundary.score);
  EXPECT_LT(vpc_update.score, vpc_delete.score);
}

TEST(CalibrationWithBrokenFiles, UnreadableFilesMakeAChangeTheyCouldTouchAtLeastMedium) {
  const auto workspace = load(fixtures_dir() / "acme");
  ASSERT_GT(workspace.coverage.files_unparsed + workspace.coverage.files_with_errors, 0U);
  std::vector<std::string> ids{"k8s:shop/Deployment/frontend"};
  const auto report = analyzer::score_change(
      workspace, analyzer::select_changes(workspace.graph, ids, ChangeAction::update));
  EXPECT_LT(report.score, 25);
  EXPECT_EQ(report.tier, Tier::medium);
  EXPECT_NE(report.floor.reason.find("could not be fully read"), std::string::npos);
  // The broken manifest holds objects of the frontend's namespace: that is why.
  EXPECT_NE(report.floor.reason.find("kubernetes/broken/bad-indent.yaml"), std::string::npos)
      << report.floor.reason;
}

TEST(CalibrationWithBrokenFiles, UnreadFilesElsewhereLeaveAChangeAtItsScoreTier) {
  // The broken files are Kubernetes manifests and policy files that nothing a log group
  // reaches lives beside: they are listed in the coverage, not a floor.
  const auto workspace = load(fixtures_dir() / "acme");
  std::vector<std::string> ids{"terraform/envs/prod:module.search.aws_cloudwatch_log_group.this"};
  const auto report = analyzer::score_change(
      workspace, analyzer::select_changes(workspace.graph, ids, ChangeAction::update));
  EXPECT_EQ(report.tier, Tier::low) << report.floor.reason;
  EXPECT_EQ(report.floor.reason, "");
  EXPECT_EQ(report.coverage.unread_files.size(), 4U);
}

}  // namespace
}  // namespace blastgraph::testing
