#pragma once
// Multi-source reachability: everything that reaches a change set (its blast radius), with one
// shortest path back to the change for every reached node. Level-synchronous BFS whose
// frontier is expanded in parallel; the result does not depend on the thread count.

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "blastgraph/graph/graph.hpp"

namespace blastgraph::graph {

enum class Direction {
  dependents,    // follow edges backwards: who is reached by a change to the sources
  dependencies,  // follow edges forwards: what the sources depend on
};

inline constexpr std::uint32_t k_unreached = std::numeric_limits<std::uint32_t>::max();

struct Reach {
  // Reached nodes, sources included, ascending by (distance, index).
  std::vector<NodeIndex> nodes;
  // Per node index: hops from the nearest source (0 for sources), or k_unreached.
  std::vector<std::uint32_t> distance;
  // Per node index: the next node on a shortest path back to a source (the smallest such
  // index); k_no_node for sources and unreached nodes.
  std::vector<NodeIndex> toward_source;
  // Per node index: the edge taken to reach it (the smallest such index); unset (max) for
  // sources and unreached nodes.
  std::vector<EdgeIndex> via_edge;

  [[nodiscard]] bool reached(NodeIndex index) const {
    return index < distance.size() && distance[index] != k_unreached;
  }
};

// Sources out of range are ignored; duplicates are harmless.
[[nodiscard]] Reach reach(const Graph& graph, std::span<const NodeIndex> sources,
                          Direction direction = Direction::dependents);

// The path from `node` back to its source: [node, ..., source]. Empty when not reached.
[[nodiscard]] std::vector<NodeIndex> path_to_source(const Reach& reach, NodeIndex node);

}  // namespace blastgraph::graph
