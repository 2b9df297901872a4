// Unified diffs: parsing git's output, mapping hunks to nodes, and scoring what they touch.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/change_sources.hpp"
#include "change/unified_diff.hpp"
#include "change_test_support.hpp"

namespace blastgraph::testing {
namespace {

using analyzer::ChangeSource;

TEST(UnifiedDiff, ReadsGitHeadersRenamesNewDeletedAndBinaryFiles) {
  const auto parsed = analyzer::diffs::parse_unified_diff(
      fixture_text("diffs/acme-mixed.diff"), "acme-mixed.diff");
  EXPECT_TRUE(parsed.diagnostics.empty());
  ASSERT_EQ(parsed.files.size(), 8U);
  const auto& png = parsed.files[1];
  EXPECT_TRUE(png.binary);
  const auto& created = parsed.files[3];
  EXPECT_TRUE(created.added);
  EXPECT_EQ(created.new_path, "kubernetes/shop/notifications.yaml");
  ASSERT_EQ(created.hunks.size(), 1U);
  EXPECT_EQ(created.hunks[0].added.size(), 120U);
  EXPECT_EQ(created.hunks[0].added.front(), 1U);
  const auto& moved = parsed.files[4];
  EXPECT_TRUE(moved.renamed);
  EXPECT_EQ(moved.old_path, "kubernetes/shop/search-old.yaml");
  EXPECT_EQ(moved.new_path, "kubernetes/shop/search.yaml");
  EXPECT_TRUE(moved.hunks.empty());
  const auto& deleted = parsed.files[5];
  EXPECT_TRUE(deleted.deleted);
  EXPECT_EQ(deleted.old_path, "terraform/envs/prod/bastion.tf");
  ASSERT_EQ(deleted.hunks.size(), 1U);
  EXPECT_EQ(deleted.hunks[0].deleted_before.size(), 4U);
  const auto& edge = parsed.files[6];
  EXPECT_EQ(edge.old_path, "terraform/envs/prod/lb.tf");
  EXPECT_EQ(edge.new_path, "terraform/envs/prod/edge.tf");
  ASSERT_EQ(edge.hunks.size(), 1U);
  EXPECT_EQ(edge.hunks[0].added, std::vector<std::uint32_t>{94});
  EXPECT_EQ(edge.hunks[0].deleted_before, std::vector<std::uint32_t>{94});
}

TEST(UnifiedDiff, ZeroCountHunksAndNoNewlineMarkers) {
  const auto parsed = analyzer::diffs::parse_unified_diff(
      "--- a/x.tf\n+++ b/x.tf\n@@ -3,2 +2,0 @@\n-a\n-b\n@@ -9,0 +8,2 @@\n+c\n+d\n"
      "\\ No newline at end of file\n",
      "plain.diff");
  EXPECT_TRUE(parsed.diagnostics.empty());
  ASSERT_EQ(parsed.files.size(), 1U);
  ASSERT_EQ(parsed.files[0].hunks.size(), 2U);
  // Removed after new line 2: both deletions sit before new line 3.
  EXPECT_EQ(parsed.files[0].hunks[0].deleted_before, (std::vector<std::uint32_t>{3, 3}));
  EXPECT_EQ(parsed.files[0].hunks[1].added, (std::vector<std::uint32_t>{8, 9}));
}

TEST(UnifiedDiff, MalformedHunksBecomeDiagnosticsAndTheRestIsRead) {
  const auto parsed = analyzer::diffs::parse_unified_diff(fixture_text("diffs/malformed.diff"),
                                                         "malformed.diff");
  EXPECT_EQ(diagnostic_lines(parsed.diagnostics),
            (std::vector<std::string>{"5:1 error [diff-syntax]", "37:1 warning [diff-truncated]"}));
  ASSERT_EQ(parsed.files.size(), 3U);
  EXPECT_TRUE(parsed.files[0].hunks.empty());
  EXPECT_EQ(parsed.files[1].hunks.size(), 2U);
  EXPECT_EQ(parsed.files[2].hunks[0].added, std::vector<std::uint32_t>{27});
  EXPECT_EQ(format_diagnostic(parsed.diagnostics[0]),
            "malformed.diff:5:1: error: malformed hunk header; expected @@ -a,b +c,d @@ "
            "[diff-syntax]");
}

TEST(UnifiedDiff, TextThatIsNoDiffIsReported) {
  const auto parsed = analyzer::diffs::parse_unified_diff("hello\nworld\n", "x.diff");
  EXPECT_EQ(diagnostic_lines(parsed.diagnostics), std::vector<std::string>{"1:1 error [diff-syntax]"});
  EXPECT_TRUE(analyzer::diffs::parse_unified_diff("", "empty.diff").diagnostics.empty());
}

class AcmeDiff : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { s_ws = new analyzer::Workspace(load(fixtures_dir() / "acme")); }
  static void TearDownTestSuite() {
    delete s_ws;
    s_ws = nullptr;
  }
  static analyzer::Workspace* s_ws;
};
analyzer::Workspace* AcmeDiff::s_ws = nullptr;

TEST_F(AcmeDiff, HunksMapToTheNodesTheyTouch) {
  const auto found =
      analyzer::diff_changes(*s_ws, fixture_text("diffs/acme-mixed.diff"), "acme-mixed.diff");
  EXPECT_TRUE(found.diagnostics.empty());
  const auto actions = actions_by_id(found);
  // A changed line in a module is a change of every instance of that block.
  EXPECT_EQ(actions.at("terraform/envs/prod:module.iam.aws_iam_policy.boundary"), "update");
  EXPECT_EQ(actions.at("terraform/envs/staging:module.iam.aws_iam_policy.boundary"), "update");
  // The renamed file's hunk maps on its new path.
  EXPECT_EQ(actions.at("terraform/envs/prod:aws_lb.public"), "update");
  // Every node of the new file is created, and only those are.
  std::size_t created = 0;
  for (const auto& node : s_ws->graph.nodes()) {
    if (node.span.file != "kubernetes/shop/notifications.yaml") continue;
    if (node.role == graph::Role::external) continue;
    EXPECT_EQ(actions.at(node.id), "create") << node.id;
    ++created;
  }
  EXPECT_GT(created, 2U);
  EXPECT_EQ(actions.size(), 3 + created);
  EXPECT_EQ(unmapped_lines(found.unmapped),
            (std::vector<std::string>{
                "app/pay.py application: application code",
                "docs/diagram.png documentation: documentation (binary file)",
                "docs/runbook.md documentation: documentation",
                "kubernetes/shop/search.yaml no-effect: renamed from kubernetes/shop/search-old.yaml "
                "with no content change",
                "terraform/envs/prod/bastion.tf unassessable: file deleted: its nodes are not in "
                "the working-tree graph (--git BASE scores them)",
                // Only a comment changed between two blocks.
                "terraform/modules/iam/main.tf:16-22 no-effect: comments or blank lines only",
            }));
}

TEST_F(AcmeDiff, ReportListsSourcesAndUnmappedEntries) {
  analyzer::Workspace ws = load(fixtures_dir() / "acme");
  auto found = analyzer::diff_changes(ws, fixture_text("diffs/acme-mixed.diff"), "acme-mixed.diff");
  const auto report = score_findings(ws, {std::move(found)});
  EXPECT_EQ(report.unmapped.size(), 6U);
  EXPECT_EQ(report.tier, analyzer::Tier::critical);  // the permission boundary of every service
  for (const auto& changed : report.changed) {
    EXPECT_EQ(changed.sources, std::vector<std::string>{"diff"}) << changed.id;
  }
}

TEST_F(AcmeDiff, PathPrefixSelectsTheScannedSubtree) {
  const std::string diff =
      "diff --git a/infra/terraform/modules/iam/main.tf b/infra/terraform/modules/iam/main.tf\n"
      "--- a/infra/terraform/modules/iam/main.tf\n+++ b/infra/terraform/modules/iam/main.tf\n"
      "@@ -84,1 +84,1 @@\n-  description = \"old\"\n+  description = \"new\"\n"
      "diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n@@ -1 +1 @@\n-a\n+b\n";
  const auto found = analyzer::diff_changes(*s_ws, diff, "x.diff", {"infra/"});
  EXPECT_EQ(actions_by_id(found).count("terraform/envs/prod:module.iam.aws_iam_policy.boundary"), 1U);
  EXPECT_EQ(unmapped_lines(found.unmapped),
            std::vector<std::string>{"README.md other: outside the scanned tree"});
  // A diff none of whose paths lie below the prefix was made inside the scanned tree.
  const auto relative = analyzer::diff_changes(*s_ws, fixture_text("diffs/acme-mixed.diff"),
                                               "acme-mixed.diff", {"fixtures/acme/"});
  EXPECT_EQ(relative.changes.size(),
            analyzer::diff_changes(*s_ws, fixture_text("diffs/acme-mixed.diff"), "m.diff").changes.size());
  EXPECT_EQ(diagnostic_lines(relative.diagnostics), std::vector<std::string>{"0:0 note [diff-relative]"});
}

TEST_F(AcmeDiff, DeletedLinesCountOnlyInsideOneNode) {
  // Line 84 (description) removed: its neighbours 83 and 84 of the new file are both inside
  // aws_iam_policy.boundary. A removal between blocks touches nothing.
  const std::string inside =
      "--- a/terraform/modules/iam/main.tf\n+++ b/terraform/modules/iam/main.tf\n"
      "@@ -84,1 +83,0 @@\n-  description = \"x\"\n";
  EXPECT_EQ(actions_by_id(analyzer::diff_changes(*s_ws, inside, "d.diff"))
                .at("terraform/envs/prod:module.iam.aws_iam_policy.boundary"),
            "update");
  const std::string between =
      "--- a/terraform/modules/iam/main.tf\n+++ b/terraform/modules/iam/main.tf\n"
      "@@ -91,3 +90,0 @@\n-resource \"x\" \"y\" {\n-}\n-\n";
  const auto found = analyzer::diff_changes(*s_ws, between, "d.diff");
  EXPECT_TRUE(found.changes.empty());
  ASSERT_EQ(found.unmapped.size(), 1U);
  EXPECT_EQ(found.unmapped[0].first_line, 90U);
}

TEST_F(AcmeDiff, MalformedDiffStillScoresWhatItCouldRead) {
  analyzer::Workspace ws = load(fixtures_dir() / "acme");
  auto found = analyzer::diff_changes(ws, fixture_text("diffs/malformed.diff"), "malformed.diff");
  const auto actions = actions_by_id(found);
  EXPECT_EQ(actions.count("terraform/envs/prod:module.iam.aws_iam_policy.boundary"), 1U);
  EXPECT_EQ(actions.count("terraform/envs/prod:module.checkout.aws_iam_role.this"), 1U);
  const auto before = ws.diagnostics.size();
  const auto report = score_findings(ws, {std::move(found)});
  EXPECT_EQ(ws.diagnostics.size(), before + 2);  // the diff's problems join the run's
  EXPECT_GT(report.score, 0);
}

TEST_F(AcmeDiff, DiffTouchingNoInfrastructureScoresZero) {
  analyzer::Workspace ws = load(fixtures_dir() / "acme");
  auto found = analyzer::diff_changes(ws, fixture_text("diffs/no-infrastructure.diff"), "n.diff");
  EXPECT_TRUE(found.changes.empty());
  EXPECT_EQ(found.unmapped.size(), 3U);
  const auto report = score_findings(ws, {std::move(found)});
  EXPECT_EQ(report.score, 0);
  EXPECT_EQ(report.tier, analyzer::Tier::low);
  EXPECT_TRUE(report.changed.empty());
  EXPECT_EQ(report.unmapped.size(), 3U);
}

TEST(MergeChanges, KeepsTheMostDestructiveActionAndEverySource) {
  TempTree tree;
  tree.write("main.tf", "resource \"aws_sqs_queue\" \"q\" {}\n");
  auto ws = load(tree.root());
  analyzer::ChangeFindings diff;
  diff.changes.push_back({".:aws_sqs_queue.q", analyzer::ChangeAction::update, ChangeSource::diff, {}, {}});
  analyzer::ChangeFindings plan;
  plan.changes.push_back({".:aws_sqs_queue.q", analyzer::ChangeAction::replace, ChangeSource::plan,
                          "replace: replace_because_tainted", "p.json"});
  plan.changes.push_back({".:aws_sqs_queue.gone", analyzer::ChangeAction::destroy, ChangeSource::plan,
                          {}, "p.json"});
  std::vector<analyzer::ChangeFindings> all{diff, plan};
  std::vector<std::string> ids{".:aws_sqs_queue.q"};
  const auto merged = analyzer::merge_changes(
      ws.graph, all, analyzer::select_changes(ws.graph, ids, analyzer::ChangeAction::create));
  ASSERT_EQ(merged.nodes.size(), 1U);
  EXPECT_EQ(merged.nodes[0].action, analyzer::ChangeAction::replace);
  EXPECT_EQ(merged.nodes[0].sources,
            (std::vector<ChangeSource>{ChangeSource::changed, ChangeSource::diff, ChangeSource::plan}));
  EXPECT_EQ(merged.nodes[0].detail, "replace: replace_because_tainted");
  EXPECT_EQ(unmapped_lines(merged.unmapped),
            std::vector<std::string>{".:aws_sqs_queue.gone unassessable: no node with this id"});
}

}  // namespace
}  // namespace blastgraph::testing
