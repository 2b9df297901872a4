#pragma once
// Private: the level-synchronous breadth-first search behind reach().

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include "node_bitmap.hpp"
#include "storage.hpp"

namespace blastgraph::graph {

// NOTE: a node's search state is one 64-bit key, distance << 32 | parent, lowered with an
// atomic fetch-min. All candidates offered during one level share the same distance, so the
// key left after the level names the smallest-index parent whatever the thread count or the
// schedule; this is what makes Reach deterministic.
using SearchKey = std::uint64_t;
// Decodes to (k_unreached, k_no_node), the state of a node nobody reached.
inline constexpr SearchKey k_unset_key = std::numeric_limits<SearchKey>::max();
inline constexpr EdgeIndex k_no_edge = std::numeric_limits<EdgeIndex>::max();

[[nodiscard]] constexpr SearchKey make_key(std::uint32_t distance, NodeIndex parent) {
  return (SearchKey{distance} << 32) | parent;
}
[[nodiscard]] constexpr std::uint32_t key_distance(SearchKey key) {
  return static_cast<std::uint32_t>(key >> 32);
}
[[nodiscard]] constexpr NodeIndex key_parent(SearchKey key) {
  return static_cast<NodeIndex>(key & 0xFFFF'FFFFU);
}

// Walks `steps` level by level; the caller drives the loop and keeps the levels.
//
// A level is expanded top-down (each frontier node offers itself to its neighbours through
// the fetch-min) or, once the frontier's edges are a large share of those left to explore,
// bottom-up (each unreached node looks for a frontier node among its predecessors, in
// ascending order, and stops at the first). Wide levels are where nearly all the time goes,
// and there a top-down offer costs a cache miss per edge while bottom-up reads the graph in
// order and tests a bitmap that fits in cache. Both leave the same keys: the smallest-index
// parent one level closer, so the choice never shows in the result.
class LevelSearch {
 public:
  // `steps` holds the edges the search follows; `reverse_steps` the same edges reversed.
  LevelSearch(const Csr& steps, const Csr& reverse_steps, std::size_t node_count);

  // Marks the in-range sources as level 0 and returns them ascending, without duplicates.
  [[nodiscard]] std::vector<NodeIndex> seed(std::span<const NodeIndex> sources);

  // Expands `frontier`, the level last returned (at `distance`), and returns the nodes first
  // reached from it, ascending.
  [[nodiscard]] std::vector<NodeIndex> expand(std::span<const NodeIndex> frontier,
                                              std::uint32_t distance);

  [[nodiscard]] SearchKey key(NodeIndex node) const {
    return m_keys[node].load(std::memory_order_relaxed);
  }

  // Per node, the edge a bottom-up level reached it by, or k_no_edge: those levels find it
  // anyway, top-down ones leave it to the caller. Leaves the search without them.
  [[nodiscard]] std::vector<EdgeIndex> take_via_edges() { return std::move(m_via); }

 private:
  [[nodiscard]] std::vector<NodeIndex> expand_top_down(std::span<const NodeIndex> frontier,
                                                       std::uint32_t next_distance);
  [[nodiscard]] std::vector<NodeIndex> expand_bottom_up(std::span<const NodeIndex> frontier,
                                                        std::uint32_t next_distance);
  // Lowers the key of `node` to `candidate`; true when this call is the one that reached it.
  bool relax(NodeIndex node, SearchKey candidate);
  void offer_neighbors(NodeIndex node, SearchKey candidate, std::vector<NodeIndex>& found);
  void find_parents(std::size_t word, std::uint32_t next_distance);
  [[nodiscard]] std::vector<NodeIndex> order_level(std::vector<NodeIndex> found);
  [[nodiscard]] bool prefer_bottom_up(std::size_t frontier_size) const;
  // Books a new level: its edges become the frontier's and stop counting as unexplored.
  void account_level(std::span<const NodeIndex> level);

  const Csr& m_steps;
  const Csr& m_reverse_steps;
  std::vector<std::atomic<SearchKey>> m_keys;
  NodeBitmap m_next;      // the level being built, when listing it beats sorting it
  NodeBitmap m_frontier;  // the frontier, during a bottom-up level
  NodeBitmap m_visited;   // every level so far
  std::vector<EdgeIndex> m_via;
  std::size_t m_frontier_edges = 0;    // edges out of the frontier
  std::size_t m_unexplored_edges = 0;  // edges out of nodes not reached yet
  bool m_bottom_up = false;
};

}  // namespace blastgraph::graph
