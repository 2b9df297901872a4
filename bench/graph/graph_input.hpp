#pragma once
// Generated inputs for the graph benchmarks, and a plain serial BFS to check answers with.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "blastgraph/graph/graph.hpp"
#include "blastgraph/graph/reach.hpp"

namespace blastgraph::bench {

inline constexpr std::size_t k_edges_per_node = 5;

// A random DAG shaped like infrastructure: node i depends on k_edges_per_node nodes drawn
// uniformly from [0, i), so early nodes are widely shared (VPCs, roles, keys) and a change to
// them reaches nearly everything. Fixed seed: the same size gives the same input.
struct GraphInput {
  std::size_t node_count = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;  // (dependent, dependency)
};

// Node i's id. Ids ascend with i, so node i gets index i. Written into `buffer` the way a
// parser builds an id from the text of a reference: fresh and in cache.
using IdBuffer = std::array<char, 48>;
[[nodiscard]] std::string_view format_id(std::uint32_t index, IdBuffer& buffer);

[[nodiscard]] GraphInput make_input(std::size_t node_count);

// Feeds `input` to a GraphBuilder and builds it.
[[nodiscard]] graph::Graph build_graph(const GraphInput& input);

// The built graph for `node_count`, made once and kept for the whole run.
[[nodiscard]] const graph::Graph& cached_graph(std::size_t node_count);

// The reference answer: how many nodes a straightforward queue-based BFS reaches, and how many
// edges it examines doing so (the work reach() reports as items processed).
struct SerialAnswer {
  std::size_t reached = 0;
  std::size_t edges_examined = 0;
};
[[nodiscard]] SerialAnswer serial_reach(const graph::Graph& graph,
                                        std::span<const graph::NodeIndex> sources,
                                        graph::Direction direction);

}  // namespace blastgraph::bench
