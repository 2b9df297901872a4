// Output is byte-identical whatever the thread count, and one broken file leaves the rest of
// the graph intact.
#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include <sstream>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/report.hpp"
#include "blastgraph/graph/export.hpp"

namespace blastgraph::testing {
namespace {

std::string render_everything(const std::filesystem::path& root, std::size_t threads) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  auto ws = load(root);
  std::ostringstream out;
  graph::write_json(ws.graph, out);
  analyzer::write_scan_json(analyzer::summarize(ws), ws, out);
  std::vector<std::string> changed{"envs/prod:module.iam.aws_iam_policy.boundary",
                                   "envs/*:module.network.aws_subnet.*"};
  const auto changes = analyzer::select_changes(ws.graph, changed, analyzer::ChangeAction::update);
  analyzer::write_score_json(analyzer::score_change(ws, changes), ws, out);
  return out.str();
}

TEST(Determinism, SameBytesWithOneTwoAndFourThreads) {
  const auto root = fixtures_dir() / "acme" / "terraform";
  const auto one = render_everything(root, 1);
  EXPECT_GT(one.size(), 10'000U);
  EXPECT_EQ(render_everything(root, 2), one);
  EXPECT_EQ(render_everything(root, 4), one);
}

TEST(BrokenInput, OneBrokenFileLeavesTheRestOfTheGraphIntact) {
  const auto clean = load(fixtures_dir() / "acme" / "terraform");
  TempTree tree;
  tree.copy_from(fixtures_dir() / "acme" / "terraform");
  tree.write("envs/prod/broken.tf", "resource \"aws_sqs_queue\" \"extra\" {\n  name = \n}}}\n");
  tree.write("envs/prod/huge.tf", std::string(17U << 20U, '#'));
  const auto broken = load(tree.root());

  // Every node and edge of the clean graph is still there.
  for (const auto& node : clean.graph.nodes()) {
    EXPECT_NE(broken.graph.find(node.id), graph::k_no_node) << node.id;
  }
  const auto clean_edges = edge_set(clean.graph);
  const auto broken_edges = edge_set(broken.graph);
  for (const auto& edge : clean_edges) EXPECT_TRUE(broken_edges.contains(edge)) << edge;

  // And the problems are diagnostics with positions, counted in coverage.
  bool syntax = false;
  bool too_big = false;
  for (const auto& d : broken.diagnostics) {
    if (d.file == "envs/prod/broken.tf" && d.severity == Severity::error) {
      syntax = true;
      EXPECT_GE(d.position.line, 2U);
    }
    if (d.file == "envs/prod/huge.tf" && d.code == "file-unreadable") too_big = true;
  }
  EXPECT_TRUE(syntax);
  EXPECT_TRUE(too_big);
  EXPECT_EQ(broken.coverage.files_with_errors, 1U);
  EXPECT_EQ(broken.coverage.files_unparsed, 1U);

  // A change anywhere now gets at least MEDIUM: what was not read may matter.
  std::vector<std::string> changed{"envs/prod:module.search.aws_cloudwatch_log_group.this"};
  const auto changes = analyzer::select_changes(broken.graph, changed, analyzer::ChangeAction::update);
  EXPECT_EQ(analyzer::score_change(broken, changes).tier, analyzer::Tier::medium);
}

TEST(BrokenInput, SymlinkLoopsAreNotFollowed) {
  TempTree tree;
  tree.write("a/main.tf", "resource \"aws_sqs_queue\" \"q\" {}\n");
  std::filesystem::create_directory_symlink("..", tree.root() / "a" / "loop");
  const auto ws = load(tree.root());
  EXPECT_NE(ws.graph.find("a:aws_sqs_queue.q"), graph::k_no_node);
  EXPECT_EQ(ws.graph.node_count(), 1U);
}

}  // namespace
}  // namespace blastgraph::testing
