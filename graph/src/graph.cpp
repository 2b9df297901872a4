#include "blastgraph/graph/graph.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

#include <boost/range/iterator_range.hpp>

#include "storage.hpp"

namespace blastgraph::graph {

Graph::Graph() : m_storage(std::make_unique<Storage>()) {}
Graph::~Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;

std::size_t Graph::node_count() const {
  return m_storage->nodes.size();
}

std::size_t Graph::edge_count() const {
  return m_storage->edges.size();
}

const Node& Graph::node(NodeIndex index) const {
  return m_storage->nodes[index];
}

const Edge& Graph::edge(EdgeIndex index) const {
  return m_storage->edges[index];
}

std::span<const Node> Graph::nodes() const {
  return m_storage->nodes;
}

std::span<const Edge> Graph::edges() const {
  return m_storage->edges;
}

NodeIndex Graph::find(std::string_view id) const {
  const auto& nodes = m_storage->nodes;
  const auto it = std::lower_bound(
      nodes.begin(), nodes.end(), id,
      [](const Node& node, std::string_view key) { return std::string_view{node.id} < key; });
  if (it == nodes.end() || it->id != id) {
    return k_no_node;
  }
  return static_cast<NodeIndex>(it - nodes.begin());
}

// Out-of-range indices get no edges rather than a read past the row offsets.
std::vector<EdgeIndex> Graph::dependents(NodeIndex index) const {
  if (index >= node_count()) {
    return {};
  }
  // Reverse rows list sources ascending, so the edge indices come out in that order too.
  const Csr& reverse = m_storage->reverse;
  std::vector<EdgeIndex> result;
  for (const auto edge : boost::make_iterator_range(boost::out_edges(index, reverse))) {
    result.push_back(reverse[edge].index);
  }
  return result;
}

std::vector<EdgeIndex> Graph::dependencies(NodeIndex index) const {
  if (index >= node_count()) {
    return {};
  }
  // Forward CSR positions are edge indices.
  const Csr& forward = m_storage->forward;
  const EdgeIndex first = row_start(forward, index);
  const EdgeIndex last = row_start(forward, index + 1);
  std::vector<EdgeIndex> result(last - first);
  std::iota(result.begin(), result.end(), first);
  return result;
}

std::optional<Graph> assemble_graph(std::vector<Node> nodes, std::vector<Edge> edges) {
  for (std::size_t i = 1; i < nodes.size(); ++i) {
    if (!(nodes[i - 1].id < nodes[i].id)) return std::nullopt;
  }
  const auto in_order = [](const Edge& a, const Edge& b) {
    return std::tie(a.source, a.target, a.kind) < std::tie(b.source, b.target, b.kind);
  };
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& edge = edges[i];
    if (edge.source >= nodes.size() || edge.target >= nodes.size() || edge.source == edge.target) {
      return std::nullopt;
    }
    if (i > 0 && !in_order(edges[i - 1], edge)) return std::nullopt;
  }
  Graph graph;
  *graph.m_storage = make_storage(std::move(nodes), std::move(edges));
  return graph;
}

GraphParts take_apart(Graph graph) {
  return {std::move(graph.m_storage->nodes), std::move(graph.m_storage->edges)};
}

}  // namespace blastgraph::graph
