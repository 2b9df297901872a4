#include "blastgraph/graph/reach.hpp"

#include <algorithm>
#include <utility>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include "level_search.hpp"
#include "storage.hpp"

namespace blastgraph::graph {
namespace {

using Range = tbb::blocked_range<std::size_t>;

constexpr std::size_t k_assemble_grain = std::size_t{1} << 13;

// The smallest index among the edges source -> target. Forward rows list targets ascending
// and CSR positions are edge indices, so the first match is the answer.
EdgeIndex first_edge(const Csr& forward, NodeIndex source, NodeIndex target) {
  const auto row = neighbors(forward, source);
  const auto it = std::lower_bound(row.begin(), row.end(), target);
  return row_start(forward, source) + static_cast<EdgeIndex>(it - row.begin());
}

// `order` lists the reached nodes level by level, each level ascending.
Reach assemble(const Graph::Storage& storage, LevelSearch& search, std::vector<NodeIndex> order,
               Direction direction) {
  const std::size_t node_count = storage.nodes.size();
  Reach result;
  result.distance = std::vector<std::uint32_t>(node_count);
  result.toward_source = std::vector<NodeIndex>(node_count);
  result.via_edge = search.take_via_edges();
  tbb::parallel_for(Range(0, node_count, k_assemble_grain), [&](const Range& range) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      const auto node = static_cast<NodeIndex>(i);
      const SearchKey key = search.key(node);
      const NodeIndex parent = key_parent(key);
      result.distance[i] = key_distance(key);
      result.toward_source[i] = parent;
      if (parent == k_no_node || result.via_edge[i] != k_no_edge) {
        continue;
      }
      if (direction == Direction::dependents) {
        result.via_edge[i] = first_edge(storage.forward, node, parent);
      } else {
        result.via_edge[i] = first_edge(storage.forward, parent, node);
      }
    }
  });
  result.nodes = std::move(order);
  return result;
}

}  // namespace

Reach reach(const Graph& graph, std::span<const NodeIndex> sources, Direction direction) {
  const Graph::Storage& storage = graph.storage();
  const bool backwards = direction == Direction::dependents;
  LevelSearch search(backwards ? storage.reverse : storage.forward,
                     backwards ? storage.forward : storage.reverse, graph.node_count());
  std::vector<NodeIndex> order = search.seed(sources);
  // Address space only: pages are touched as levels arrive, and growth never copies.
  order.reserve(graph.node_count());
  std::uint32_t distance = 0;
  for (std::size_t level_begin = 0; level_begin < order.size(); ++distance) {
    const std::size_t level_end = order.size();
    std::vector<NodeIndex> next = search.expand(
        std::span<const NodeIndex>(order).subspan(level_begin, level_end - level_begin), distance);
    order.insert(order.end(), next.begin(), next.end());
    level_begin = level_end;
  }
  return assemble(storage, search, std::move(order), direction);
}

std::vector<NodeIndex> path_to_source(const Reach& reach, NodeIndex node) {
  std::vector<NodeIndex> path;
  if (!reach.reached(node)) {
    return path;
  }
  // Bounded by the distance so that a hand-made, inconsistent Reach cannot loop forever.
  const std::uint32_t hops = reach.distance[node];
  path.reserve(std::size_t{hops} + 1);
  for (NodeIndex at = node; at != k_no_node && path.size() <= hops;) {
    path.push_back(at);
    at = at < reach.toward_source.size() ? reach.toward_source[at] : k_no_node;
  }
  return path;
}

}  // namespace blastgraph::graph
