#include "node_bitmap.hpp"

#include <algorithm>
#include <bit>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

namespace blastgraph::graph {
namespace {

using Range = tbb::blocked_range<std::size_t>;

constexpr std::size_t k_set_grain = std::size_t{1} << 14;
constexpr std::size_t k_words_per_block = 1024;

}  // namespace

NodeBitmap::NodeBitmap(std::size_t node_count)
    : m_words((node_count + k_word_bits - 1) / k_word_bits) {
  clear();
}

void NodeBitmap::set_all(std::span<const NodeIndex> nodes) {
  tbb::parallel_for(Range(0, nodes.size(), k_set_grain), [&](const Range& range) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      set(nodes[i]);
    }
  });
}

void NodeBitmap::set_sorted(std::span<const NodeIndex> nodes) {
  tbb::parallel_for(Range(0, nodes.size(), k_set_grain), [&](const Range& range) {
    // Words at the ends of a range may be shared with a neighbouring task, hence fetch_or.
    std::size_t word = nodes[range.begin()] / k_word_bits;
    std::uint64_t bits = 0;
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      if (nodes[i] / k_word_bits != word) {
        m_words[word].fetch_or(bits, std::memory_order_relaxed);
        word = nodes[i] / k_word_bits;
        bits = 0;
      }
      bits |= std::uint64_t{1} << (nodes[i] % k_word_bits);
    }
    m_words[word].fetch_or(bits, std::memory_order_relaxed);
  });
}

void NodeBitmap::clear() {
  for (auto& word : m_words) {
    word.store(0, std::memory_order_relaxed);
  }
}

// Each block of words is counted, then written at its prefix offset, so blocks proceed in
// parallel and the output still comes out in index order.
std::vector<NodeIndex> NodeBitmap::take_sorted() {
  const std::size_t blocks = (m_words.size() + k_words_per_block - 1) / k_words_per_block;
  const auto block_words = [this](std::size_t block) {
    const std::size_t first = block * k_words_per_block;
    return Range(first, std::min(first + k_words_per_block, m_words.size()));
  };
  std::vector<std::size_t> offsets(blocks + 1, 0);
  tbb::parallel_for(Range(0, blocks), [&](const Range& range) {
    for (std::size_t block = range.begin(); block != range.end(); ++block) {
      const Range words = block_words(block);
      std::size_t count = 0;
      for (std::size_t w = words.begin(); w != words.end(); ++w) {
        count +=
            static_cast<std::size_t>(std::popcount(m_words[w].load(std::memory_order_relaxed)));
      }
      offsets[block + 1] = count;
    }
  });
  for (std::size_t block = 0; block < blocks; ++block) {
    offsets[block + 1] += offsets[block];
  }
  std::vector<NodeIndex> nodes(offsets.back());
  tbb::parallel_for(Range(0, blocks), [&](const Range& range) {
    for (std::size_t block = range.begin(); block != range.end(); ++block) {
      const Range words = block_words(block);
      std::size_t out = offsets[block];
      for (std::size_t w = words.begin(); w != words.end(); ++w) {
        for (std::uint64_t bits = m_words[w].exchange(0, std::memory_order_relaxed); bits != 0;
             bits &= bits - 1) {
          nodes[out++] = static_cast<NodeIndex>(w * k_word_bits +
                                                static_cast<std::size_t>(std::countr_zero(bits)));
        }
      }
    }
  });
  return nodes;
}

}  // namespace blastgraph::graph
