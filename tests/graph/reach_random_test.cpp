// Reach on seeded random graphs: against Boost's serial BFS, and identical whatever the
// number of threads.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>
#include <boost/pending/queue.hpp>

#include "blastgraph/graph/reach.hpp"
#include "graph_test_support.hpp"

namespace blastgraph::graph {
namespace {

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// Distances from Boost's multi-source BFS over the edges as the traversal follows them.
std::vector<std::uint32_t> boost_distances(const Graph& graph,
                                           const std::vector<NodeIndex>& sources,
                                           Direction direction) {
  BoostGraph reference(graph.node_count());
  for (const Edge& edge : graph.edges()) {
    if (direction == Direction::dependents) {
      boost::add_edge(edge.target, edge.source, reference);
    } else {
      boost::add_edge(edge.source, edge.target, reference);
    }
  }
  std::vector<std::uint32_t> distance(graph.node_count(), k_unreached);
  for (const NodeIndex source : sources) {
    distance[source] = 0;
  }
  std::vector<boost::default_color_type> colors(graph.node_count());
  boost::queue<BoostGraph::vertex_descriptor> queue;
  boost::breadth_first_search(
      reference, sources.begin(), sources.end(), queue,
      boost::make_bfs_visitor(boost::record_distances(distance.data(), boost::on_tree_edge())),
      colors.data());
  return distance;
}

std::size_t largest_level(const Reach& reach) {
  std::vector<std::size_t> sizes;
  for (const NodeIndex node : reach.nodes) {
    const std::uint32_t level = reach.distance[node];
    sizes.resize(std::max<std::size_t>(sizes.size(), std::size_t{level} + 1));
    ++sizes[level];
  }
  return sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
}

struct RandomCase {
  std::size_t nodes;
  std::size_t edges_per_node;
  std::uint32_t seed;
};

class ReachRandom : public ::testing::TestWithParam<RandomCase> {};

TEST_P(ReachRandom, MatchesBoostBreadthFirstSearchInBothDirections) {
  const RandomCase param = GetParam();
  const Graph graph = testing::make_random_graph(param.nodes, param.edges_per_node, param.seed);
  const std::vector<NodeIndex> sources = {0, 17, static_cast<NodeIndex>(param.nodes / 2)};
  for (const Direction direction : {Direction::dependents, Direction::dependencies}) {
    const Reach result = reach(graph, sources, direction);
    testing::expect_consistent_reach(graph, direction, result,
                                     boost_distances(graph, sources, direction));
  }
}

// Sparse graphs give long, thin searches (serial levels); dense ones give wide levels that
// take the parallel and bitmap paths.
INSTANTIATE_TEST_SUITE_P(Sizes, ReachRandom,
                         ::testing::Values(RandomCase{200, 1, 1}, RandomCase{5'000, 1, 2},
                                           RandomCase{20'000, 2, 3}, RandomCase{30'000, 5, 4}),
                         [](const ::testing::TestParamInfo<RandomCase>& param_info) {
                           const RandomCase& param = param_info.param;
                           return "nodes" + std::to_string(param.nodes) + "_degree" +
                                  std::to_string(param.edges_per_node);
                         });

// Reaches `graph` from `sources` with one thread, checks that answer against Boost, then
// expects the very same Reach with 2 and 4 threads, a few times over.
void expect_same_reach_whatever_the_threads(const Graph& graph,
                                            const std::vector<NodeIndex>& sources,
                                            std::size_t min_level) {
  const auto reach_with = [&](std::size_t threads) {
    const tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    return reach(graph, sources);
  };
  const Reach serial = reach_with(1);
  testing::expect_consistent_reach(graph, Direction::dependents, serial,
                                   boost_distances(graph, sources, Direction::dependents));
  // The comparison means something only if some level was wide enough to be split up.
  ASSERT_GT(largest_level(serial), min_level);

  for (const std::size_t threads : {2U, 4U}) {
    for (int run = 0; run < 3; ++run) {
      const Reach parallel = reach_with(threads);
      EXPECT_EQ(parallel.nodes, serial.nodes) << threads << " threads";
      EXPECT_EQ(parallel.distance, serial.distance) << threads << " threads";
      EXPECT_EQ(parallel.toward_source, serial.toward_source) << threads << " threads";
      EXPECT_EQ(parallel.via_edge, serial.via_edge) << threads << " threads";
    }
  }
}

// Wide levels here are expanded bottom-up once the frontier holds most remaining edges.
TEST(ReachDeterminism, SameResultWhateverTheThreadCount) {
  const Graph graph = testing::make_random_graph(50'000, 4, 42);
  expect_same_reach_whatever_the_threads(graph, {3, 1'000, 25'000, 49'999}, 10'000);
}

// A dense component the search never enters keeps the unexplored edges far above the
// frontier's, so wide levels stay top-down: the atomic fetch-min is what decides parents.
TEST(ReachDeterminism, SameResultWhenWideLevelsStayTopDown) {
  GraphBuilder builder;
  testing::add_random_component(builder, "a", 20'000, 3, 5);
  testing::add_random_component(builder, "z", 10'000, 40, 6);
  const Graph graph = builder.build();
  const NodeIndex first = testing::index_of(graph, "a0000000");
  expect_same_reach_whatever_the_threads(graph, {first, first + 7'000, first + 14'000}, 4'000);
}

}  // namespace
}  // namespace blastgraph::graph
