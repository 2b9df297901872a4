#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>

#include "blastgraph/graph/reach_counts.hpp"

namespace blastgraph::graph {
namespace {

// NOTE: a block of 512 items keeps 64 bytes of bits per component it visits, so a block that
// every component of a million-node graph reaches still needs only 64 MB per worker.
constexpr std::size_t k_block_words = 8;
constexpr std::size_t k_block_items = k_block_words * 64;
constexpr std::uint32_t k_absent = std::numeric_limits<std::uint32_t>::max();

// The items in the order blocks take them: by their lowest holding component, so that a block
// gathers items that neighbouring components hold and the components reaching them overlap.
std::vector<std::uint32_t> order_items(const Condensation& condensation, const ItemHolders& items) {
  std::vector<std::uint32_t> lowest(items.item_count(), k_absent);
  for (std::uint32_t item = 0; item < items.item_count(); ++item) {
    for (std::uint32_t h = items.offsets[item]; h < items.offsets[item + 1]; ++h) {
      lowest[item] = std::min(lowest[item], condensation.component(items.holders[h]));
    }
  }
  std::vector<std::uint32_t> order(items.item_count());
  std::iota(order.begin(), order.end(), 0U);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return lowest[a] < lowest[b]; });
  return order;
}

// One worker's memory, reused from block to block.
struct BlockScratch {
  explicit BlockScratch(std::size_t components)
      : slot(components, k_absent), counts(components, 0) {}
  std::vector<std::uint32_t> slot;     // per component: its row in `bits`, or k_absent
  std::vector<std::uint32_t> visited;  // components reaching the block
  std::vector<std::uint64_t> bits;     // k_block_words per visited component
  std::vector<std::uint32_t> counts;   // per component: items counted by this worker

  void visit(std::uint32_t component) {
    if (slot[component] != k_absent) return;
    slot[component] = static_cast<std::uint32_t>(visited.size());
    visited.push_back(component);
  }
};

class BlockCounter {
 public:
  BlockCounter(const Condensation& condensation, const ItemHolders& items,
               std::span<const std::uint32_t> block)
      : m_condensation(condensation), m_items(items), m_block(block) {}

  void run(BlockScratch& scratch) const {
    collect_reaching(scratch);
    // Ascending component numbers put every component after the ones it reaches.
    std::sort(scratch.visited.begin(), scratch.visited.end());
    for (std::uint32_t row = 0; row < scratch.visited.size(); ++row) {
      scratch.slot[scratch.visited[row]] = row;
    }
    scratch.bits.assign(scratch.visited.size() * k_block_words, 0);
    set_own_bits(scratch);
    propagate(scratch);
    for (const std::uint32_t component : scratch.visited) scratch.slot[component] = k_absent;
    scratch.visited.clear();
  }

 private:
  std::uint32_t holder_component(std::uint32_t h) const {
    return m_condensation.component(m_items.holders[h]);
  }

  // The components that reach an item of the block: its holders' and their predecessors',
  // transitively. Every other component's bits for this block are zero.
  void collect_reaching(BlockScratch& scratch) const {
    for (const std::uint32_t item : m_block) {
      for (std::uint32_t h = m_items.offsets[item]; h < m_items.offsets[item + 1]; ++h) {
        scratch.visit(holder_component(h));
      }
    }
    for (std::size_t next = 0; next < scratch.visited.size(); ++next) {
      for (const std::uint32_t p : m_condensation.predecessors(scratch.visited[next])) {
        scratch.visit(p);
      }
    }
  }

  void set_own_bits(BlockScratch& scratch) const {
    for (std::size_t bit = 0; bit < m_block.size(); ++bit) {
      const std::uint32_t item = m_block[bit];
      for (std::uint32_t h = m_items.offsets[item]; h < m_items.offsets[item + 1]; ++h) {
        const std::size_t row = scratch.slot[holder_component(h)];
        scratch.bits[row * k_block_words + bit / 64] |= std::uint64_t{1} << (bit % 64);
      }
    }
  }

  void propagate(BlockScratch& scratch) const {
    for (std::size_t row = 0; row < scratch.visited.size(); ++row) {
      const std::uint32_t component = scratch.visited[row];
      std::uint64_t* mine = &scratch.bits[row * k_block_words];
      for (const std::uint32_t s : m_condensation.successors(component)) {
        const std::uint32_t other = scratch.slot[s];
        if (other == k_absent) continue;
        const std::uint64_t* theirs = &scratch.bits[std::size_t{other} * k_block_words];
        for (std::size_t w = 0; w < k_block_words; ++w) mine[w] |= theirs[w];
      }
      std::uint32_t count = 0;
      for (std::size_t w = 0; w < k_block_words; ++w) {
        count += static_cast<std::uint32_t>(std::popcount(mine[w]));
      }
      scratch.counts[component] += count;
    }
  }

  const Condensation& m_condensation;
  const ItemHolders& m_items;
  std::span<const std::uint32_t> m_block;
};

}  // namespace

std::vector<std::uint32_t> count_reached(const Condensation& condensation,
                                         const ItemHolders& items) {
  const std::size_t components = condensation.component_count();
  const std::vector<std::uint32_t> order = order_items(condensation, items);
  const std::size_t blocks = (order.size() + k_block_items - 1) / k_block_items;
  tbb::enumerable_thread_specific<BlockScratch> scratch(components);
  using Range = tbb::blocked_range<std::size_t>;
  tbb::parallel_for(Range(0, blocks, 1), [&](const Range& range) {
    BlockScratch& mine = scratch.local();
    for (std::size_t b = range.begin(); b != range.end(); ++b) {
      const std::size_t first = b * k_block_items;
      const std::size_t size = std::min(k_block_items, order.size() - first);
      BlockCounter(condensation, items, std::span(order).subspan(first, size)).run(mine);
    }
  });
  // Sums of integers: the same whichever worker counted which block.
  std::vector<std::uint32_t> per_component(components, 0);
  for (const BlockScratch& worker : scratch) {
    for (std::size_t c = 0; c < components; ++c) per_component[c] += worker.counts[c];
  }
  std::vector<std::uint32_t> per_node(condensation.node_count());
  for (NodeIndex node = 0; node < per_node.size(); ++node) {
    per_node[node] = per_component[condensation.component(node)];
  }
  return per_node;
}

}  // namespace blastgraph::graph
