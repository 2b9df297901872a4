// On a generated organization: the same bytes (graph, scan, hotspots, snapshot) whatever the
// thread count, and every resource written is in the graph with the links the generator wrote
// (calls, IRSA, boundaries).
#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include <unistd.h>
#include <filesystem>
#include <sstream>

#include "blastgraph/analyzer/hotspots.hpp"
#include "blastgraph/analyzer/report.hpp"
#include "blastgraph/analyzer/snapshot.hpp"
#include "blastgraph/graph/export.hpp"
#include "org_generator.hpp"

namespace blastgraph::bench {
namespace {

class GeneratedOrg : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_root = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                       ("blastgraph-org-test-" + std::to_string(::getpid())));
    OrgSpec spec;
    spec.services = 300;
    spec.namespaces = 7;
    spec.module_depth = 2;
    s_counts = write_org(*s_root, spec);
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    std::filesystem::remove_all(*s_root, ec);
    delete s_root;
  }

  static std::string render(std::size_t threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    auto workspace = analyzer::load_workspace(*s_root);
    EXPECT_TRUE(workspace.has_value());
    std::ostringstream out;
    graph::write_json(workspace->graph, out);
    analyzer::write_scan_json(analyzer::summarize(*workspace), *workspace, out);
    analyzer::write_hotspots_json(analyzer::rank_hotspots(workspace->graph, {0, 0}), out);
    analyzer::write_hotspots_json(analyzer::rank_hotspots(workspace->graph, {100, 16}), out);
    out << analyzer::encode_snapshot(*workspace, {});
    return out.str();
  }

  static std::filesystem::path* s_root;
  static OrgCounts s_counts;
};

std::filesystem::path* GeneratedOrg::s_root = nullptr;
OrgCounts GeneratedOrg::s_counts;

TEST_F(GeneratedOrg, SameBytesWithOneTwoAndFourThreads) {
  const auto one = render(1);
  EXPECT_GT(one.size(), 100'000U);
  EXPECT_EQ(render(2), one);
  EXPECT_EQ(render(4), one);
}

TEST_F(GeneratedOrg, HoldsWhatWasWritten) {
  const auto workspace = analyzer::load_workspace(*s_root);
  ASSERT_TRUE(workspace.has_value());
  const auto& graph = workspace->graph;
  std::size_t resources = 0;
  for (graph::NodeIndex i = 0; i < graph.node_count(); ++i) {
    if (graph.node(i).role == graph::Role::resource) ++resources;
  }
  EXPECT_EQ(resources, s_counts.resources());
  std::map<graph::EdgeKind, std::size_t> kinds;
  for (graph::EdgeIndex e = 0; e < graph.edge_count(); ++e) ++kinds[graph.edge(e).kind];
  EXPECT_EQ(kinds[graph::EdgeKind::runs_as], 300U);              // every ServiceAccount by IRSA
  EXPECT_EQ(kinds[graph::EdgeKind::permission_boundary], 300U);  // every role
  EXPECT_EQ(kinds[graph::EdgeKind::service_selector], 300U);
  // Two calls per service to services before it: one for the second, none for the first.
  EXPECT_EQ(kinds[graph::EdgeKind::service_call], 597U);
}

}  // namespace
}  // namespace blastgraph::bench
