#include "graph_test_support.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <random>

#include <gtest/gtest.h>

namespace blastgraph::graph::testing {

Node make_node(std::string id, Role role) {
  Node node;
  node.id = std::move(id);
  node.role = role;
  return node;
}

Graph make_graph(const std::vector<std::string>& ids, const std::vector<EdgeSpec>& edges) {
  GraphBuilder builder;
  for (const std::string& id : ids) {
    EXPECT_TRUE(builder.add_node(make_node(id))) << id;
  }
  for (const EdgeSpec& edge : edges) {
    EXPECT_TRUE(builder.add_edge(edge.source, edge.target, edge.kind, {}))
        << edge.source << " -> " << edge.target;
  }
  return builder.build();
}

NodeIndex index_of(const Graph& graph, std::string_view id) {
  const NodeIndex index = graph.find(id);
  EXPECT_NE(index, k_no_node) << "no node " << id;
  return index;
}

std::vector<std::string> ids_of(const Graph& graph, std::span<const NodeIndex> indices) {
  std::vector<std::string> ids;
  for (const NodeIndex index : indices) {
    ids.push_back(graph.node(index).id);
  }
  return ids;
}

void add_random_component(GraphBuilder& builder, std::string_view prefix, std::size_t node_count,
                          std::size_t edges_per_node, std::uint32_t seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<std::size_t> pick(0, node_count - 1);
  const auto id_of = [prefix](std::size_t i) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%07zu", i);
    return std::string(prefix) + digits;
  };
  for (std::size_t i = 0; i < node_count; ++i) {
    static_cast<void>(builder.add_node(make_node(id_of(i))));
  }
  for (std::size_t i = 0; i < node_count; ++i) {
    for (std::size_t k = 0; k < edges_per_node; ++k) {
      // Self-loops are refused by the builder; the graph simply ends up a little sparser.
      static_cast<void>(builder.add_edge(id_of(i), id_of(pick(random)), EdgeKind::reference, {}));
    }
  }
}

Graph make_random_graph(std::size_t node_count, std::size_t edges_per_node, std::uint32_t seed) {
  GraphBuilder builder;
  add_random_component(builder, "n", node_count, edges_per_node, seed);
  return builder.build();
}

namespace {

constexpr EdgeIndex k_no_edge = std::numeric_limits<EdgeIndex>::max();

// For each node, the smallest-index node one level closer with an edge leading to it in the
// traversal direction, and the smallest such edge.
void smallest_parents(const Graph& graph, Direction direction,
                      const std::vector<std::uint32_t>& distance, std::vector<NodeIndex>& parent,
                      std::vector<EdgeIndex>& via) {
  parent.assign(graph.node_count(), k_no_node);
  via.assign(graph.node_count(), k_no_edge);
  for (std::size_t e = 0; e < graph.edge_count(); ++e) {
    const Edge& edge = graph.edges()[e];
    const bool backwards = direction == Direction::dependents;
    const NodeIndex from = backwards ? edge.target : edge.source;
    const NodeIndex to = backwards ? edge.source : edge.target;
    if (distance[from] == k_unreached || distance[to] != distance[from] + 1) {
      continue;
    }
    if (from < parent[to] || (from == parent[to] && e < via[to])) {
      parent[to] = from;
      via[to] = static_cast<EdgeIndex>(e);
    }
  }
}

}  // namespace

void expect_consistent_reach(const Graph& graph, Direction direction, const Reach& reach,
                             const std::vector<std::uint32_t>& expected_distance) {
  const std::size_t n = graph.node_count();
  ASSERT_EQ(reach.distance.size(), n);
  ASSERT_EQ(reach.toward_source.size(), n);
  ASSERT_EQ(reach.via_edge.size(), n);
  ASSERT_EQ(expected_distance.size(), n);
  EXPECT_EQ(reach.distance, expected_distance);

  std::vector<NodeIndex> parent;
  std::vector<EdgeIndex> via;
  smallest_parents(graph, direction, expected_distance, parent, via);
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < n && mismatches < 10; ++i) {
    if (reach.toward_source[i] != parent[i] || reach.via_edge[i] != via[i]) {
      ++mismatches;
      ADD_FAILURE() << "node " << i << ": parent " << reach.toward_source[i] << " via "
                    << reach.via_edge[i] << ", expected " << parent[i] << " via " << via[i];
    }
  }

  std::vector<NodeIndex> expected_nodes;
  for (std::size_t i = 0; i < n; ++i) {
    if (expected_distance[i] != k_unreached) {
      expected_nodes.push_back(static_cast<NodeIndex>(i));
    }
  }
  std::stable_sort(expected_nodes.begin(), expected_nodes.end(), [&](NodeIndex a, NodeIndex b) {
    return expected_distance[a] < expected_distance[b];
  });
  EXPECT_EQ(reach.nodes, expected_nodes);
}

}  // namespace blastgraph::graph::testing
