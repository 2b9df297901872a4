// Blast-radius counts for every node: the condensation against one reach per node.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include "blastgraph/graph/reach_counts.hpp"
#include "graph_test_support.hpp"

namespace blastgraph::graph {
namespace {

std::string node_id(std::size_t i) {
  std::string id = std::to_string(i);
  return "n" + std::string(7 - id.size(), '0') + id;
}

// Mostly a DAG (node i depends on lower-numbered nodes) with a few edges upwards that close
// cycles, so that the condensation has both single nodes and larger components.
Graph make_layered_graph(std::size_t node_count, std::uint32_t seed) {
  std::mt19937 random(seed);
  GraphBuilder builder;
  for (std::size_t i = 0; i < node_count; ++i) builder.add_node(testing::make_node(node_id(i)));
  for (std::size_t i = 1; i < node_count; ++i) {
    const std::size_t fan_out = random() % 4;
    for (std::size_t e = 0; e < fan_out; ++e) {
      builder.add_edge(node_id(i), node_id(random() % i), EdgeKind::reference, {});
    }
    if (random() % 50 == 0) {
      const std::size_t up = std::min(node_count - 1, i + 1 + random() % 20);
      builder.add_edge(node_id(i), node_id(up), EdgeKind::reference, {});
    }
  }
  return builder.build();
}

ItemHolders every_node(const Graph& graph) {
  ItemHolders items;
  for (NodeIndex node = 0; node < graph.node_count(); ++node) {
    items.add_item(std::array{node});
  }
  return items;
}

// Random groups of nodes, some empty and some overlapping, as services are.
ItemHolders random_groups(const Graph& graph, std::size_t groups, std::uint32_t seed) {
  std::mt19937 random(seed);
  ItemHolders items;
  for (std::size_t g = 0; g < groups; ++g) {
    std::vector<NodeIndex> members;
    const std::size_t size = random() % 6;
    for (std::size_t m = 0; m < size; ++m) {
      members.push_back(static_cast<NodeIndex>(random() % graph.node_count()));
    }
    items.add_item(members);
  }
  return items;
}

// One reach per node, counting the items whose holders it reaches.
std::vector<std::uint32_t> brute_force(const Graph& graph, const ItemHolders& items,
                                       Direction direction) {
  std::vector<std::uint32_t> counts(graph.node_count());
  for (NodeIndex node = 0; node < graph.node_count(); ++node) {
    const Reach result = reach(graph, std::array{node}, direction);
    for (std::size_t item = 0; item < items.item_count(); ++item) {
      for (std::uint32_t h = items.offsets[item]; h < items.offsets[item + 1]; ++h) {
        if (result.reached(items.holders[h])) {
          ++counts[node];
          break;
        }
      }
    }
  }
  return counts;
}

TEST(CondensationTest, NumbersComponentsAfterEverythingTheyReach) {
  // a <- b <- c <- d, and c <-> e: a change to a reaches b, c, d and e.
  const Graph graph = testing::make_graph(
      {"a", "b", "c", "d", "e"}, {{"b", "a"}, {"c", "b"}, {"d", "c"}, {"e", "c"}, {"c", "e"}});
  const Condensation condensation(graph);
  EXPECT_EQ(condensation.component_count(), 4U);
  const auto component = [&](std::string_view id) {
    return condensation.component(testing::index_of(graph, id));
  };
  EXPECT_EQ(component("c"), component("e"));
  EXPECT_LT(component("d"), component("c"));
  EXPECT_LT(component("c"), component("b"));
  EXPECT_LT(component("b"), component("a"));
  for (std::uint32_t c = 0; c < condensation.component_count(); ++c) {
    for (const std::uint32_t s : condensation.successors(c)) EXPECT_LT(s, c);
    for (const std::uint32_t p : condensation.predecessors(c)) EXPECT_GT(p, c);
  }
  const auto counts = count_reached(condensation, every_node(graph));
  EXPECT_EQ(counts[testing::index_of(graph, "a")], 5U);
  EXPECT_EQ(counts[testing::index_of(graph, "c")], 3U);  // c, d, e
  EXPECT_EQ(counts[testing::index_of(graph, "e")], 3U);
  EXPECT_EQ(counts[testing::index_of(graph, "d")], 1U);
}

TEST(CondensationTest, EmptyGraphHasNothingToCount) {
  const Graph graph;
  const Condensation condensation(graph);
  EXPECT_EQ(condensation.component_count(), 0U);
  EXPECT_TRUE(count_reached(condensation, ItemHolders{}).empty());
  EXPECT_TRUE(estimate_reached(condensation, ItemHolders{}, 16).empty());
}

struct CountCase {
  std::size_t nodes;
  std::uint32_t seed;
};

class CountReachedRandom : public ::testing::TestWithParam<CountCase> {};

// Sizes above 512 items spread the counting over several blocks.
TEST_P(CountReachedRandom, EqualsOneReachPerNodeInBothDirections) {
  const Graph graph = make_layered_graph(GetParam().nodes, GetParam().seed);
  for (const Direction direction : {Direction::dependents, Direction::dependencies}) {
    const Condensation condensation(graph, direction);
    const ItemHolders nodes = every_node(graph);
    EXPECT_EQ(count_reached(condensation, nodes), brute_force(graph, nodes, direction));
    const ItemHolders groups = random_groups(graph, GetParam().nodes / 3, GetParam().seed);
    EXPECT_EQ(count_reached(condensation, groups), brute_force(graph, groups, direction));
  }
}

// Walking from chosen nodes gives what counting every node gives, in any order, repeats
// included, for nodes and for groups held by several nodes.
TEST_P(CountReachedRandom, CountingFromChosenNodesEqualsCountingAll) {
  const Graph graph = make_layered_graph(GetParam().nodes, GetParam().seed);
  const Condensation condensation(graph);
  std::vector<NodeIndex> chosen;
  for (NodeIndex node = 0; node < graph.node_count(); node += 3) chosen.push_back(node);
  chosen.push_back(0);
  std::reverse(chosen.begin(), chosen.end());
  for (const ItemHolders& items :
       {every_node(graph), random_groups(graph, GetParam().nodes / 3, GetParam().seed)}) {
    const auto all = count_reached(condensation, items);
    const auto from = count_reached_from(condensation, items, chosen);
    ASSERT_EQ(from.size(), chosen.size());
    for (std::size_t i = 0; i < chosen.size(); ++i) EXPECT_EQ(from[i], all[chosen[i]]) << i;
  }
}

TEST_P(CountReachedRandom, IsTheSameWhateverTheThreadCount) {
  const Graph graph = make_layered_graph(GetParam().nodes, GetParam().seed);
  const Condensation condensation(graph);
  const ItemHolders nodes = every_node(graph);
  std::vector<std::uint32_t> serial;
  {
    const tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
    serial = count_reached(condensation, nodes);
  }
  const tbb::global_control four(tbb::global_control::max_allowed_parallelism, 4);
  EXPECT_EQ(count_reached(condensation, nodes), serial);
}

TEST_P(CountReachedRandom, EstimateIsExactBelowKAndWithinItsBoundAbove) {
  const Graph graph = make_layered_graph(GetParam().nodes, GetParam().seed);
  const Condensation condensation(graph);
  const ItemHolders nodes = every_node(graph);
  const auto exact = count_reached(condensation, nodes);
  constexpr std::size_t k = 64;
  const auto estimate = estimate_reached(condensation, nodes, k);
  // Six standard errors: the hash is fixed, so this is a deterministic check, not a gamble.
  const double bound = 6 * sketch_relative_error(k);
  std::size_t above_k = 0;
  for (NodeIndex node = 0; node < graph.node_count(); ++node) {
    if (exact[node] < k) {
      EXPECT_EQ(estimate[node], exact[node]) << node;
      continue;
    }
    ++above_k;
    const double truth = exact[node];
    EXPECT_LE(std::abs(static_cast<double>(estimate[node]) - truth), bound * truth) << node;
  }
  if (GetParam().nodes > 1000) {
    EXPECT_GT(above_k, 0U);
  }
}

INSTANTIATE_TEST_SUITE_P(Sizes, CountReachedRandom,
                         ::testing::Values(CountCase{1, 1}, CountCase{40, 2}, CountCase{700, 3},
                                           CountCase{2500, 4}));

TEST(SketchRelativeErrorTest, ShrinksWithTheSquareRootOfK) {
  EXPECT_DOUBLE_EQ(sketch_relative_error(66), 0.125);
  EXPECT_DOUBLE_EQ(sketch_relative_error(258), 0.0625);
}

}  // namespace
}  // namespace blastgraph::graph
