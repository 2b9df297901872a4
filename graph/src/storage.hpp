#pragma once
// Private: the Boost.Graph storage behind Graph. Only graph/src includes this header, so the
// public headers stay free of Boost.

#include <span>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "blastgraph/graph/graph.hpp"

namespace blastgraph::graph {

// Carried on every CSR edge so a traversal of the reverse graph can name the original edge.
struct EdgeProperty {
  EdgeIndex index = 0;
};

// 32-bit vertex and edge indices halve the adjacency arrays compared to size_t, which matters
// for a memory-bound traversal.
using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeProperty,
                                               boost::no_property, NodeIndex, EdgeIndex>;

struct Graph::Storage {
  std::vector<Node> nodes;  // ascending by id, so binary search serves id lookup
  std::vector<Edge> edges;  // ascending by (source, target, kind)
  // source -> target. Rows list targets ascending, and the CSR position of an edge equals
  // its EdgeIndex.
  Csr forward;
  // target -> source. Rows list sources ascending; EdgeProperty::index names the edge.
  Csr reverse;
};

// Freezes sorted, deduplicated nodes and edges into CSR storage.
// Precondition: the orders documented on Graph::Storage hold and every endpoint is in range.
[[nodiscard]] Graph::Storage make_storage(std::vector<Node> nodes, std::vector<Edge> edges);

// The neighbours of `node` in `csr`, ascending.
[[nodiscard]] inline std::span<const NodeIndex> neighbors(const Csr& csr, NodeIndex node) {
  const auto [first, last] = boost::adjacent_vertices(node, csr);
  return {first, last};
}

// The CSR position of the first edge of `node`'s row. Rows are contiguous, so the row ends at
// row_start(node + 1); row_start(node_count) is the edge count. Boost offers no accessor for
// the row offsets, but m_rowstart is a public member of its CSR graph.
[[nodiscard]] inline EdgeIndex row_start(const Csr& csr, NodeIndex node) {
  return csr.m_forward.m_rowstart[node];
}

// The edge stored at CSR `position`, which lies in the row of `node`.
[[nodiscard]] inline EdgeIndex edge_at(const Csr& csr, NodeIndex node, EdgeIndex position) {
  return csr[Csr::edge_descriptor(node, position)].index;
}

}  // namespace blastgraph::graph
