#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_sort.h>

#include "blastgraph/graph/graph.hpp"
#include "chunked_vector.hpp"
#include "id_index.hpp"
#include "storage.hpp"

namespace blastgraph::graph {
namespace {

// Endpoints are builder slots (insertion order) until build() maps them to ranks.
struct PendingEdge {
  NodeIndex source = 0;
  NodeIndex target = 0;
  EdgeKind kind = EdgeKind::reference;
  Evidence evidence;
};

// What build() sorts: the final (source, target, kind) plus the pending edge it came from.
// The pending index makes every key distinct, so an unstable parallel sort is deterministic.
struct EdgeKey {
  std::uint64_t endpoints = 0;  // source << 32 | target
  std::uint32_t kind = 0;
  std::uint32_t pending = 0;

  [[nodiscard]] bool same_edge(const EdgeKey& other) const {
    return endpoints == other.endpoints && kind == other.kind;
  }
  friend bool operator<(const EdgeKey& a, const EdgeKey& b) {
    if (a.endpoints != b.endpoints) return a.endpoints < b.endpoints;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.pending < b.pending;
  }
};

}  // namespace

struct GraphBuilder::State {
  ChunkedVector<Node> nodes;  // by slot (insertion order)
  // Holds its own copy of each id, so a node edited through find_node cannot corrupt it
  // (lookups keep using the id the node was added under; editing ids is not supported).
  IdIndex index;
  ChunkedVector<PendingEdge> edges;
  std::unordered_map<std::string, std::vector<std::string>> aliases;
  // Parsers add a resource's edges together, so the same source (and often target) comes
  // back call after call; checking these first skips most table probes.
  NodeIndex recent_source = k_no_node;
  NodeIndex recent_target = k_no_node;

  [[nodiscard]] NodeIndex resolve(std::string_view id, NodeIndex& recent) {
    if (!index.holds(recent, id)) {
      recent = index.find(id);
    }
    return recent;
  }
};

namespace {

using Range = tbb::blocked_range<std::size_t>;
constexpr std::size_t k_grain = std::size_t{1} << 12;

// rank[slot] = the node's position in id order.
std::vector<NodeIndex> rank_by_id(const ChunkedVector<Node>& nodes) {
  std::vector<NodeIndex> order(nodes.size());
  std::iota(order.begin(), order.end(), NodeIndex{0});
  tbb::parallel_sort(order.begin(), order.end(), [&nodes](NodeIndex a, NodeIndex b) {
    const int by_id = nodes[a].id.compare(nodes[b].id);
    return by_id != 0 ? by_id < 0 : a < b;
  });
  std::vector<NodeIndex> rank(nodes.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    rank[order[i]] = static_cast<NodeIndex>(i);
  }
  return rank;
}

std::vector<Node> sort_nodes(ChunkedVector<Node>& nodes, const std::vector<NodeIndex>& rank) {
  std::vector<Node> sorted(nodes.size());
  tbb::parallel_for(Range(0, nodes.size(), k_grain), [&](const Range& range) {
    for (std::size_t slot = range.begin(); slot != range.end(); ++slot) {
      sorted[rank[slot]] = std::move(nodes[slot]);
    }
  });
  return sorted;
}

std::vector<EdgeKey> sorted_edge_keys(const ChunkedVector<PendingEdge>& pending,
                                      const std::vector<NodeIndex>& rank) {
  std::vector<EdgeKey> keys(pending.size());
  tbb::parallel_for(Range(0, pending.size(), k_grain), [&](const Range& range) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      const PendingEdge& edge = pending[i];
      keys[i] = {(std::uint64_t{rank[edge.source]} << 32) | rank[edge.target],
                 static_cast<std::uint32_t>(edge.kind), static_cast<std::uint32_t>(i)};
    }
  });
  tbb::parallel_sort(keys.begin(), keys.end());
  return keys;
}

// Collapses each run of equal (source, target, kind) into one edge with the run's smallest
// evidence, so the result does not depend on the order the duplicates were added in.
std::vector<Edge> collapse_edges(ChunkedVector<PendingEdge>& pending,
                                 const std::vector<EdgeKey>& keys) {
  std::vector<Edge> edges;
  edges.reserve(keys.size());
  for (std::size_t first = 0; first < keys.size();) {
    std::size_t best = first;
    std::size_t last = first + 1;
    for (; last < keys.size() && keys[last].same_edge(keys[first]); ++last) {
      if (pending[keys[last].pending].evidence < pending[keys[best].pending].evidence) {
        best = last;
      }
    }
    const EdgeKey& key = keys[best];
    edges.push_back({static_cast<NodeIndex>(key.endpoints >> 32),
                     static_cast<NodeIndex>(key.endpoints & 0xFFFF'FFFFU),
                     static_cast<EdgeKind>(key.kind), std::move(pending[key.pending].evidence)});
    first = last;
  }
  return edges;
}

}  // namespace

GraphBuilder::GraphBuilder() : m_state(std::make_unique<State>()) {}
GraphBuilder::~GraphBuilder() = default;
GraphBuilder::GraphBuilder(GraphBuilder&&) noexcept = default;
GraphBuilder& GraphBuilder::operator=(GraphBuilder&&) noexcept = default;

bool GraphBuilder::add_node(Node node) {
  // k_no_node must stay unused as an index.
  if (m_state->nodes.size() >= k_no_node) {
    throw std::length_error("blastgraph: too many graph nodes");
  }
  if (!m_state->index.insert(node.id).second) {
    return false;
  }
  m_state->nodes.push_back(std::move(node));
  return true;
}

bool GraphBuilder::has_node(std::string_view id) const {
  return m_state->index.find(id) != k_no_node;
}

bool GraphBuilder::add_external(std::string id, std::string type) {
  if (has_node(id)) return false;
  Node node;
  node.id = std::move(id);
  node.domain = Domain::external;
  node.type = std::move(type);
  node.role = Role::external;
  return add_node(std::move(node));
}

void GraphBuilder::add_alias(std::string alias, std::string_view id) {
  m_state->aliases[std::move(alias)].emplace_back(id);
}

std::vector<std::string> GraphBuilder::ids_named(std::string_view name) const {
  if (has_node(name)) return {std::string(name)};
  const auto it = m_state->aliases.find(std::string(name));
  return it == m_state->aliases.end() ? std::vector<std::string>{} : it->second;
}

Node* GraphBuilder::find_node(std::string_view id) {
  const NodeIndex slot = m_state->index.find(id);
  return slot == k_no_node ? nullptr : &m_state->nodes[slot];
}

void GraphBuilder::for_each_node(const std::function<void(Node&)>& visit) {
  for (std::size_t slot = 0; slot < m_state->nodes.size(); ++slot) visit(m_state->nodes[slot]);
}

bool GraphBuilder::add_edge(std::string_view source_id, std::string_view target_id, EdgeKind kind,
                            Evidence evidence) {
  const NodeIndex source = m_state->resolve(source_id, m_state->recent_source);
  const NodeIndex target = m_state->resolve(target_id, m_state->recent_target);
  if (source == k_no_node || target == k_no_node || source == target) {
    return false;
  }
  // Edge indices are 32-bit and the maximum is reserved as "unset" in Reach::via_edge.
  if (m_state->edges.size() >= std::numeric_limits<EdgeIndex>::max()) {
    throw std::length_error("blastgraph: too many graph edges");
  }
  m_state->edges.push_back({source, target, kind, std::move(evidence)});
  return true;
}

std::size_t GraphBuilder::node_count() const {
  return m_state->nodes.size();
}

Graph GraphBuilder::build() {
  State state = std::move(*m_state);
  *m_state = State{};
  state.index = {};  // not needed past this point; frees memory before the sorts
  const std::vector<NodeIndex> rank = rank_by_id(state.nodes);
  const std::vector<EdgeKey> keys = sorted_edge_keys(state.edges, rank);
  std::vector<Edge> edges = collapse_edges(state.edges, keys);
  Graph graph;
  *graph.m_storage = make_storage(sort_nodes(state.nodes, rank), std::move(edges));
  return graph;
}

}  // namespace blastgraph::graph
