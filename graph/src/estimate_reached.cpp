#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "blastgraph/graph/reach_counts.hpp"

namespace blastgraph::graph {
namespace {

// splitmix64's finaliser: a fixed bijection, so that equal reach sets give equal sketches (and
// equal estimates) on every run and machine.
std::uint64_t hash_item(std::uint64_t item) {
  std::uint64_t z = item + 0x9E37'79B9'7F4A'7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58'476D'1CE4'E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D0'49BB'1331'11EBULL;
  return z ^ (z >> 31);
}

// Per component: the hashes of the items its own nodes hold.
struct OwnHashes {
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint64_t> hashes;
};

OwnHashes own_hashes(const Condensation& condensation, const ItemHolders& items) {
  OwnHashes own;
  own.offsets.assign(condensation.component_count() + 1, 0);
  for (const NodeIndex holder : items.holders) ++own.offsets[condensation.component(holder) + 1];
  for (std::size_t c = 0; c + 1 < own.offsets.size(); ++c) own.offsets[c + 1] += own.offsets[c];
  own.hashes.resize(items.holders.size());
  std::vector<std::uint32_t> next(own.offsets.begin(), own.offsets.end() - 1);
  for (std::uint32_t item = 0; item < items.item_count(); ++item) {
    const std::uint64_t hash = hash_item(item);
    for (std::uint32_t h = items.offsets[item]; h < items.offsets[item + 1]; ++h) {
      own.hashes[next[condensation.component(items.holders[h])]++] = hash;
    }
  }
  return own;
}

// Sketches of all components, stored one after another in component order.
// NOTE: most components reach what one of their successors reaches plus items whose hashes
// are too large to enter the sketch, so their sketch is that successor's; such a component
// points at the stored sketch instead of copying it, which keeps a million-node graph's
// sketches in tens of megabytes instead of k words per component.
class Sketches {
 public:
  explicit Sketches(std::size_t components) : m_first(components, 0), m_size(components, 0) {}

  [[nodiscard]] std::span<const std::uint64_t> of(std::uint32_t component) const {
    return std::span(m_pool).subspan(m_first[component], m_size[component]);
  }
  // Stores `sketch` as the sketch of `component`, or points at `same`'s when they are equal.
  void store(std::uint32_t component, std::span<const std::uint64_t> sketch,
             std::span<const std::uint32_t> candidates) {
    for (const std::uint32_t other : candidates) {
      const auto theirs = of(other);
      if (std::equal(theirs.begin(), theirs.end(), sketch.begin(), sketch.end())) {
        m_first[component] = m_first[other];
        m_size[component] = m_size[other];
        return;
      }
    }
    m_first[component] = m_pool.size();
    m_size[component] = static_cast<std::uint32_t>(sketch.size());
    m_pool.insert(m_pool.end(), sketch.begin(), sketch.end());
  }

 private:
  std::vector<std::uint64_t> m_pool;
  std::vector<std::size_t> m_first;
  std::vector<std::uint32_t> m_size;
};

// The estimate of a set's size from its bottom-k sketch: exact below k; otherwise (k - 1)
// divided by the k-th smallest hash as a fraction of the hash range.
std::uint32_t estimate(std::span<const std::uint64_t> sketch, std::size_t k) {
  if (sketch.size() < k) return static_cast<std::uint32_t>(sketch.size());
  const double kth = (static_cast<double>(sketch.back()) + 1.0) / 18446744073709551616.0;
  const double value = static_cast<double>(k - 1) / kth;
  return static_cast<std::uint32_t>(std::min(std::round(value), 4294967295.0));
}

// The k smallest distinct values of two ascending lists, ascending, into `out`.
void merge_smallest(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b,
                    std::size_t k, std::vector<std::uint64_t>& out) {
  out.clear();
  std::size_t i = 0;
  std::size_t j = 0;
  while (out.size() < k && (i < a.size() || j < b.size())) {
    std::uint64_t next = 0;
    if (j == b.size() || (i < a.size() && a[i] < b[j])) {
      next = a[i++];
    } else {
      if (i < a.size() && a[i] == b[j]) ++i;
      next = b[j++];
    }
    out.push_back(next);
  }
}

}  // namespace

std::vector<std::uint32_t> estimate_reached(const Condensation& condensation,
                                            const ItemHolders& items, std::size_t k) {
  const std::size_t components = condensation.component_count();
  const OwnHashes own = own_hashes(condensation, items);
  Sketches sketches(components);
  std::vector<std::uint32_t> per_component(components);
  std::vector<std::uint64_t> sketch;
  std::vector<std::uint64_t> merged;
  // Ascending component numbers put every component after the ones it reaches.
  for (std::uint32_t c = 0; c < components; ++c) {
    sketch.assign(own.hashes.begin() + own.offsets[c], own.hashes.begin() + own.offsets[c + 1]);
    std::sort(sketch.begin(), sketch.end());
    sketch.erase(std::unique(sketch.begin(), sketch.end()), sketch.end());
    if (sketch.size() > k) sketch.resize(k);
    // Each successor's sketch is ascending already: a linear merge keeps the k smallest.
    for (const std::uint32_t s : condensation.successors(c)) {
      merge_smallest(sketch, sketches.of(s), k, merged);
      sketch.swap(merged);
    }
    sketches.store(c, sketch, condensation.successors(c));
    per_component[c] = estimate(sketch, k);
  }
  std::vector<std::uint32_t> per_node(condensation.node_count());
  for (NodeIndex node = 0; node < per_node.size(); ++node) {
    per_node[node] = per_component[condensation.component(node)];
  }
  return per_node;
}

double sketch_relative_error(std::size_t k) {
  return k > 2 ? 1.0 / std::sqrt(static_cast<double>(k - 2)) : 1.0;
}

}  // namespace blastgraph::graph
