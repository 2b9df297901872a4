#include <limits>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "blastgraph/graph/reach.hpp"
#include "graph_test_support.hpp"

namespace blastgraph::graph {
namespace {

using ::testing::ElementsAre;
using testing::index_of;
using testing::make_graph;

constexpr EdgeIndex k_no_edge = std::numeric_limits<EdgeIndex>::max();
constexpr std::uint32_t k_far = k_unreached;

// a -> b -> c -> d: a depends on b, which depends on c, ...
Graph make_chain() {
  return make_graph({"c", "a", "d", "b"}, {{"a", "b"}, {"b", "c"}, {"c", "d"}});
}

TEST(Reach, ChainOfDependents) {
  const Graph graph = make_chain();  // a=0 b=1 c=2 d=3; edges a->b=0 b->c=1 c->d=2
  const std::vector<NodeIndex> sources = {index_of(graph, "d")};
  const Reach result = reach(graph, sources);
  EXPECT_THAT(testing::ids_of(graph, result.nodes), ElementsAre("d", "c", "b", "a"));
  EXPECT_THAT(result.distance, ElementsAre(3U, 2U, 1U, 0U));
  EXPECT_THAT(result.toward_source, ElementsAre(1U, 2U, 3U, k_no_node));
  EXPECT_THAT(result.via_edge, ElementsAre(0U, 1U, 2U, k_no_edge));
  EXPECT_THAT(path_to_source(result, index_of(graph, "a")), ElementsAre(0U, 1U, 2U, 3U));
  EXPECT_THAT(path_to_source(result, index_of(graph, "d")), ElementsAre(3U));
  testing::expect_consistent_reach(graph, Direction::dependents, result, {3, 2, 1, 0});
}

TEST(Reach, NothingDependsOnTheTopOfAChain) {
  const Graph graph = make_chain();
  const std::vector<NodeIndex> sources = {index_of(graph, "a")};
  const Reach result = reach(graph, sources);
  EXPECT_THAT(result.nodes, ElementsAre(0U));
  EXPECT_THAT(result.distance, ElementsAre(0U, k_far, k_far, k_far));
  EXPECT_FALSE(result.reached(1));
  EXPECT_TRUE(path_to_source(result, 3).empty());
}

TEST(Reach, ChainOfDependencies) {
  const Graph graph = make_chain();
  const std::vector<NodeIndex> sources = {index_of(graph, "a")};
  const Reach result = reach(graph, sources, Direction::dependencies);
  EXPECT_THAT(testing::ids_of(graph, result.nodes), ElementsAre("a", "b", "c", "d"));
  EXPECT_THAT(result.toward_source, ElementsAre(k_no_node, 0U, 1U, 2U));
  EXPECT_THAT(result.via_edge, ElementsAre(k_no_edge, 0U, 1U, 2U));
  EXPECT_THAT(path_to_source(result, 3), ElementsAre(3U, 2U, 1U, 0U));
  testing::expect_consistent_reach(graph, Direction::dependencies, result, {0, 1, 2, 3});
}

TEST(Reach, DiamondTakesTheSmallestIndexParentAndItsSmallestEdge) {
  // base=0 left=1 right=2 top=3. top reaches base through both left and right.
  const Graph graph =
      make_graph({"top", "right", "left", "base"}, {{"top", "right"},
                                                    {"top", "left", EdgeKind::depends_on},
                                                    {"top", "left"},
                                                    {"right", "base"},
                                                    {"left", "base"}});
  // Edges: left->base=0 right->base=1 top->left(reference)=2 top->left(depends_on)=3
  // top->right=4.
  const std::vector<NodeIndex> sources = {index_of(graph, "base")};
  const Reach result = reach(graph, sources);
  EXPECT_THAT(result.nodes, ElementsAre(0U, 1U, 2U, 3U));
  EXPECT_EQ(result.toward_source[3], 1U);
  EXPECT_EQ(result.via_edge[3], 2U);
  EXPECT_EQ(graph.edge(2).kind, EdgeKind::reference);
  EXPECT_THAT(path_to_source(result, 3), ElementsAre(3U, 1U, 0U));
  testing::expect_consistent_reach(graph, Direction::dependents, result, {0, 1, 1, 2});
}

TEST(Reach, ParentIsOnAShortestPathEvenWhenALongerOneHasASmallerIndex) {
  // "a_long" has the smallest index but lies two hops from the source; "x" must hang off
  // "s_base" directly.
  const Graph graph =
      make_graph({"x", "s_base", "m_mid", "a_long"},
                 {{"x", "a_long"}, {"x", "s_base"}, {"a_long", "m_mid"}, {"m_mid", "s_base"}});
  const std::vector<NodeIndex> sources = {index_of(graph, "s_base")};
  const Reach result = reach(graph, sources);
  const NodeIndex x = index_of(graph, "x");
  EXPECT_EQ(result.distance[x], 1U);
  EXPECT_EQ(result.toward_source[x], index_of(graph, "s_base"));
  testing::expect_consistent_reach(graph, Direction::dependents, result, {2, 1, 0, 1});
}

TEST(Reach, CycleTerminatesAndVisitsEachNodeOnce) {
  const Graph graph = make_graph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}, {"c", "a"}});
  const std::vector<NodeIndex> sources = {0};
  const Reach result = reach(graph, sources);
  EXPECT_THAT(testing::ids_of(graph, result.nodes), ElementsAre("a", "c", "b"));
  EXPECT_THAT(result.toward_source, ElementsAre(k_no_node, 2U, 0U));
  EXPECT_THAT(path_to_source(result, 1), ElementsAre(1U, 2U, 0U));
  testing::expect_consistent_reach(graph, Direction::dependents, result, {0, 2, 1});
}

TEST(Reach, MultipleSourcesMeasureFromTheNearest) {
  const Graph graph =
      make_graph({"a", "b", "c", "d", "e"}, {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "e"}});
  const std::vector<NodeIndex> sources = {4, 1};
  const Reach result = reach(graph, sources);
  EXPECT_THAT(result.nodes, ElementsAre(1U, 4U, 0U, 3U, 2U));
  EXPECT_THAT(result.toward_source, ElementsAre(1U, k_no_node, 3U, 4U, k_no_node));
  EXPECT_THAT(path_to_source(result, 2), ElementsAre(2U, 3U, 4U));
  testing::expect_consistent_reach(graph, Direction::dependents, result, {1, 0, 2, 1, 0});
}

TEST(Reach, DisconnectedNodesStayUnreached) {
  const Graph graph = make_graph({"a", "b", "x", "y", "lone"}, {{"a", "b"}, {"x", "y"}});
  const std::vector<NodeIndex> sources = {index_of(graph, "b")};
  const Reach result = reach(graph, sources);
  EXPECT_THAT(testing::ids_of(graph, result.nodes), ElementsAre("b", "a"));
  for (const char* id : {"x", "y", "lone"}) {
    const NodeIndex node = index_of(graph, id);
    EXPECT_FALSE(result.reached(node)) << id;
    EXPECT_EQ(result.distance[node], k_unreached) << id;
    EXPECT_EQ(result.toward_source[node], k_no_node) << id;
    EXPECT_EQ(result.via_edge[node], k_no_edge) << id;
    EXPECT_TRUE(path_to_source(result, node).empty()) << id;
  }
  EXPECT_FALSE(result.reached(99));
  EXPECT_TRUE(path_to_source(result, 99).empty());
}

TEST(Reach, IgnoresUnknownSourcesAndDuplicates) {
  const Graph graph = make_chain();
  const std::vector<NodeIndex> sources = {99, k_no_node, 3, 3, 4};
  const Reach result = reach(graph, sources);
  EXPECT_THAT(result.nodes, ElementsAre(3U, 2U, 1U, 0U));
  testing::expect_consistent_reach(graph, Direction::dependents, result, {3, 2, 1, 0});
}

TEST(Reach, NoSourcesOrNoNodes) {
  const Graph graph = make_chain();
  const Reach none = reach(graph, {});
  EXPECT_TRUE(none.nodes.empty());
  EXPECT_THAT(none.distance, ElementsAre(k_far, k_far, k_far, k_far));

  const Graph empty;
  const std::vector<NodeIndex> sources = {0};
  const Reach nothing = reach(empty, sources);
  EXPECT_TRUE(nothing.nodes.empty());
  EXPECT_TRUE(nothing.distance.empty());
}

TEST(PathToSource, StopsOnAnInconsistentReach) {
  // A hand-made Reach whose parents loop must not hang the caller.
  Reach broken;
  broken.distance = {1, 1};
  broken.toward_source = {1, 0};
  broken.via_edge = {0, 0};
  EXPECT_EQ(path_to_source(broken, 0).size(), 2U);
}

}  // namespace
}  // namespace blastgraph::graph
