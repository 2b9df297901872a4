#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>

#include "blastgraph/graph/reach_counts.hpp"

namespace blastgraph::graph {
namespace {

constexpr std::uint32_t k_none = std::numeric_limits<std::uint32_t>::max();

// Adjacency lists as offsets into one array: row r is values[offsets[r] .. offsets[r + 1]).
struct Rows {
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> values;

  [[nodiscard]] std::span<const std::uint32_t> row(std::uint32_t r) const {
    return {values.data() + offsets[r], offsets[r + 1] - offsets[r]};
  }
};

// Rows from (row, value) pairs given as a function of an index, counted then placed.
template <typename Pairs>
Rows group(std::size_t rows, std::size_t pairs, Pairs pair_at) {
  Rows out;
  out.offsets.assign(rows + 1, 0);
  for (std::size_t i = 0; i < pairs; ++i) ++out.offsets[pair_at(i).first + 1];
  for (std::size_t r = 0; r < rows; ++r) out.offsets[r + 1] += out.offsets[r];
  out.values.resize(pairs);
  std::vector<std::uint32_t> next(out.offsets.begin(), out.offsets.end() - 1);
  for (std::size_t i = 0; i < pairs; ++i) {
    const auto [r, value] = pair_at(i);
    out.values[next[r]++] = value;
  }
  return out;
}

// One worker's marks, reset by moving to a new stamp instead of clearing.
struct Marks {
  Marks(std::size_t components, std::size_t items)
      : component_stamp(components, k_none), item_stamp(items, k_none) {}
  std::vector<std::uint32_t> component_stamp;
  std::vector<std::uint32_t> item_stamp;
  std::vector<std::uint32_t> stack;
};

}  // namespace

std::vector<std::uint32_t> count_reached_from(const Condensation& condensation,
                                              const ItemHolders& items,
                                              std::span<const NodeIndex> nodes) {
  // Which items each component's nodes hold, gathered once for every walk.
  const Rows held = group(condensation.component_count(), items.holders.size(), [&](std::size_t h) {
    const auto it =
        std::upper_bound(items.offsets.begin(), items.offsets.end(), static_cast<std::uint32_t>(h));
    const auto item = static_cast<std::uint32_t>(it - items.offsets.begin() - 1);
    return std::pair{condensation.component(items.holders[h]), item};
  });
  std::vector<std::uint32_t> counts(nodes.size(), 0);
  tbb::enumerable_thread_specific<Marks> marks(condensation.component_count(), items.item_count());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, nodes.size(), 1), [&](const auto& range) {
    Marks& mine = marks.local();
    for (std::size_t n = range.begin(); n != range.end(); ++n) {
      const auto stamp = static_cast<std::uint32_t>(n);
      const std::uint32_t start = condensation.component(nodes[n]);
      std::uint32_t count = 0;
      mine.stack.assign(1, start);
      mine.component_stamp[start] = stamp;
      while (!mine.stack.empty()) {
        const std::uint32_t component = mine.stack.back();
        mine.stack.pop_back();
        for (const std::uint32_t item : held.row(component)) {
          if (mine.item_stamp[item] == stamp) continue;
          mine.item_stamp[item] = stamp;
          ++count;
        }
        for (const std::uint32_t next : condensation.successors(component)) {
          if (mine.component_stamp[next] == stamp) continue;
          mine.component_stamp[next] = stamp;
          mine.stack.push_back(next);
        }
      }
      counts[n] = count;
    }
  });
  return counts;
}

}  // namespace blastgraph::graph
