#pragma once
// Blast-radius sizes for every node at once. One reach per node costs O(V * (V + E)); here the
// graph is condensed into its strongly connected components (whose members all reach the same
// things) and the counts flow through the component DAG, successors first:
//  - count_reached is exact: items are counted in blocks of bits, each block visiting only the
//    components that reach one of its items;
//  - estimate_reached keeps a bottom-k sketch per component (the k smallest item hashes), for
//    an estimate whose error is bounded by sketch_relative_error(k).
// Both give the same answer whatever the thread count.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "blastgraph/graph/graph.hpp"
#include "blastgraph/graph/reach.hpp"

namespace blastgraph::graph {

// What to count: item i is held by the nodes holders[offsets[i]] .. holders[offsets[i + 1] - 1],
// and a node reaches the item when it reaches one of its holders (itself included). An item
// can be a node (held by itself) or a group of nodes (a service, held by its resources).
struct ItemHolders {
  std::vector<std::uint32_t> offsets{0};
  std::vector<NodeIndex> holders;

  void add_item(std::span<const NodeIndex> nodes);
  [[nodiscard]] std::size_t item_count() const { return offsets.size() - 1; }
};

// The strongly connected components of a graph followed in one direction, and the DAG between
// them. Components are numbered so that every component a component reaches has a smaller
// number. Immutable once built; the graph must outlive it.
class Condensation {
 public:
  explicit Condensation(const Graph& graph, Direction direction = Direction::dependents);
  ~Condensation();
  Condensation(Condensation&&) noexcept;
  Condensation& operator=(Condensation&&) noexcept;

  [[nodiscard]] std::size_t node_count() const;
  [[nodiscard]] std::size_t component_count() const;
  // Precondition: node < node_count().
  [[nodiscard]] std::uint32_t component(NodeIndex node) const;
  // The components `component` has an edge to, ascending; all smaller than `component`.
  [[nodiscard]] std::span<const std::uint32_t> successors(std::uint32_t component) const;
  // The components with an edge to `component`, ascending; all larger than `component`.
  [[nodiscard]] std::span<const std::uint32_t> predecessors(std::uint32_t component) const;

  struct Dag;

 private:
  std::unique_ptr<Dag> m_dag;
};

// Per node: how many items it reaches. Exact. Time O(sum over blocks of the components reaching
// the block, times their degree and the block width); memory per worker O(components + the
// bits of one block).
[[nodiscard]] std::vector<std::uint32_t> count_reached(const Condensation& condensation,
                                                       const ItemHolders& items);

// For each of `nodes`: how many items it reaches, exactly, by one walk of the condensation
// per node (nodes of one component give the same count). For checking a few nodes, such as
// the leaders of an estimate: O(reached components + their items) per node.
[[nodiscard]] std::vector<std::uint32_t> count_reached_from(const Condensation& condensation,
                                                            const ItemHolders& items,
                                                            std::span<const NodeIndex> nodes);

// Per node: an estimate of how many items it reaches, from bottom-k sketches. Counts below k
// are exact; above, the relative standard error is at most sketch_relative_error(k).
// Precondition: k >= 3. Time O(E * k log k), memory O(components * k).
[[nodiscard]] std::vector<std::uint32_t> estimate_reached(const Condensation& condensation,
                                                          const ItemHolders& items, std::size_t k);

// 1 / sqrt(k - 2): the bound on the relative standard error of a bottom-k estimate.
[[nodiscard]] double sketch_relative_error(std::size_t k);

}  // namespace blastgraph::graph
