#pragma once
// Small helpers shared by the graph tests: graphs written as id lists, a seeded random graph
// generator and a brute-force checker for Reach.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/graph/graph.hpp"
#include "blastgraph/graph/reach.hpp"

namespace blastgraph::graph::testing {

struct EdgeSpec {
  std::string source;  // depends on target
  std::string target;
  EdgeKind kind = EdgeKind::reference;
};

[[nodiscard]] Node make_node(std::string id, Role role = Role::resource);

// Adds the nodes in the given order, then the edges; every edge must be accepted.
[[nodiscard]] Graph make_graph(const std::vector<std::string>& ids,
                               const std::vector<EdgeSpec>& edges);

// The index of `id`; fails the current test when it is missing.
[[nodiscard]] NodeIndex index_of(const Graph& graph, std::string_view id);

[[nodiscard]] std::vector<std::string> ids_of(const Graph& graph,
                                              std::span<const NodeIndex> indices);

// Adds `node_count` nodes with ids `prefix` + a zero-padded number, each depending on
// `edges_per_node` random others of the same component (cycles allowed).
void add_random_component(GraphBuilder& builder, std::string_view prefix, std::size_t node_count,
                          std::size_t edges_per_node, std::uint32_t seed);

// One random component ("n0000000", ...). The same seed gives the same graph.
[[nodiscard]] Graph make_random_graph(std::size_t node_count, std::size_t edges_per_node,
                                      std::uint32_t seed);

// Checks every field of `reach` against brute force over the edge list: distances are those
// of `expected_distance`, parents are the smallest-index predecessors one level closer,
// via_edge the smallest edge between them, and nodes lists the reached set in
// (distance, index) order.
void expect_consistent_reach(const Graph& graph, Direction direction, const Reach& reach,
                             const std::vector<std::uint32_t>& expected_distance);

}  // namespace blastgraph::graph::testing
