#pragma once
// An immutable dependency graph, built once with GraphBuilder and then only read (safe to
// share between threads). Node indices are assigned in ascending id order, so the same input
// gives the same indices whatever order it was added in.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/graph/model.hpp"

namespace blastgraph::graph {

struct GraphParts;

class Graph {
 public:
  Graph();
  ~Graph();
  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  [[nodiscard]] std::size_t node_count() const;
  [[nodiscard]] std::size_t edge_count() const;

  // Precondition: index < node_count() / edge_count().
  [[nodiscard]] const Node& node(NodeIndex index) const;
  [[nodiscard]] const Edge& edge(EdgeIndex index) const;

  // All nodes in index (= id) order; all edges sorted by (source, target, kind).
  [[nodiscard]] std::span<const Node> nodes() const;
  [[nodiscard]] std::span<const Edge> edges() const;

  // The node with this id, or k_no_node.
  [[nodiscard]] NodeIndex find(std::string_view id) const;

  // Edges whose target is `index` (who depends on it), ascending by source.
  [[nodiscard]] std::vector<EdgeIndex> dependents(NodeIndex index) const;
  // Edges whose source is `index` (what it depends on), ascending by target.
  [[nodiscard]] std::vector<EdgeIndex> dependencies(NodeIndex index) const;

  struct Storage;  // Boost.Graph CSR storage; defined in the implementation
  [[nodiscard]] const Storage& storage() const { return *m_storage; }

 private:
  friend class GraphBuilder;
  friend std::optional<Graph> assemble_graph(std::vector<Node> nodes, std::vector<Edge> edges);
  friend GraphParts take_apart(Graph graph);
  std::unique_ptr<Storage> m_storage;
};

// Collects nodes and edges in any order; build() sorts and freezes them.
class GraphBuilder {
 public:
  GraphBuilder();
  ~GraphBuilder();
  GraphBuilder(GraphBuilder&&) noexcept;
  GraphBuilder& operator=(GraphBuilder&&) noexcept;

  // Adds a node. When a node with the same id exists, the first one added is kept and false
  // is returned.
  bool add_node(Node node);
  [[nodiscard]] bool has_node(std::string_view id) const;
  // Adds an `external` node (domain external, role external: referenced, not defined here)
  // unless a node with this id exists. Returns true when it was added.
  bool add_external(std::string id, std::string type);
  // The node added under `id`, or nullptr. Valid until the next add_node.
  [[nodiscard]] Node* find_node(std::string_view id);
  // Another name for the node `id`, for lookups by ids_named (a Kubernetes object's id
  // without its application scope). A name may stand for several nodes.
  void add_alias(std::string alias, std::string_view id);
  // The node whose id is `name`, or else every node `name` is an alias of, in the order the
  // aliases were added; empty when there is none.
  [[nodiscard]] std::vector<std::string> ids_named(std::string_view name) const;
  // Calls `visit` on every node added so far, in the order they were added, for edits made
  // once all nodes are in (a policy file's service and criticality rules). The id must not
  // be changed: lookups keep using the id a node was added under.
  void for_each_node(const std::function<void(Node&)>& visit);

  // Adds `source -> target` (source depends on target). Returns false, adding nothing, when
  // either id is unknown or source == target. Parallel edges of one kind collapse into one
  // whose evidence is the smallest.
  bool add_edge(std::string_view source_id, std::string_view target_id, EdgeKind kind,
                Evidence evidence);

  [[nodiscard]] std::size_t node_count() const;

  // Freezes the graph. The builder is empty afterwards.
  [[nodiscard]] Graph build();

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

// A graph from nodes and edges already in Graph's order, as nodes() and edges() give them:
// nodes strictly ascending by id, edges strictly ascending by (source, target, kind) with
// endpoints in range and source != target. Skips the builder's sorting and id lookups (for
// reading back what was written). nullopt when any of that does not hold.
[[nodiscard]] std::optional<Graph> assemble_graph(std::vector<Node> nodes, std::vector<Edge> edges);

// A graph's nodes and edges in its order, as nodes() and edges() give them.
struct GraphParts {
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

// The nodes and edges of `graph`, moved out of it rather than copied (for assembling a larger
// graph from it); its adjacency is freed.
[[nodiscard]] GraphParts take_apart(Graph graph);

}  // namespace blastgraph::graph
