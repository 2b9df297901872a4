#pragma once
// Private: a set of node indices as one bit per node, shared by the threads of a search.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "blastgraph/graph/model.hpp"

namespace blastgraph::graph {

// NOTE: the search keeps level membership in bitmaps because a million nodes take 125 KiB,
// which stays in L2: testing a bit is far cheaper than loading a node's 8-byte key from
// megabytes of memory, and listing the set bits yields a level already in index order.
class NodeBitmap {
 public:
  static constexpr std::size_t k_word_bits = 64;

  explicit NodeBitmap(std::size_t node_count);

  void set(NodeIndex node) {
    m_words[node / k_word_bits].fetch_or(std::uint64_t{1} << (node % k_word_bits),
                                         std::memory_order_relaxed);
  }
  [[nodiscard]] bool test(NodeIndex node) const {
    return (m_words[node / k_word_bits].load(std::memory_order_relaxed) >> (node % k_word_bits)) &
           1U;
  }
  [[nodiscard]] std::uint64_t load_word(std::size_t word) const {
    return m_words[word].load(std::memory_order_relaxed);
  }
  // Overwrites the bits of nodes [64 * word, 64 * word + 64).
  void store_word(std::size_t word, std::uint64_t bits) {
    m_words[word].store(bits, std::memory_order_relaxed);
  }
  [[nodiscard]] std::size_t word_count() const { return m_words.size(); }

  // Sets the bits of `nodes`, in parallel.
  void set_all(std::span<const NodeIndex> nodes);
  // The same for ascending `nodes`, with one atomic operation per word instead of per node.
  void set_sorted(std::span<const NodeIndex> nodes);
  void clear();
  // Lists the set nodes ascending, in parallel, and clears them.
  [[nodiscard]] std::vector<NodeIndex> take_sorted();

 private:
  std::vector<std::atomic<std::uint64_t>> m_words;
};

}  // namespace blastgraph::graph
