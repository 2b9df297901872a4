#pragma once
// Private: append-only storage for the builder.

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace blastgraph::graph {

// Elements live in fixed-size chunks, so growing never moves them. For millions of edges that
// each carry strings, the moves a std::vector makes while doubling cost more than the appends
// themselves; here each element is written once. Pointers to elements stay valid.
template <typename T, std::size_t ChunkSize = std::size_t{1} << 14>
class ChunkedVector {
 public:
  void push_back(T value) {
    if (m_size % ChunkSize == 0) {
      m_chunks.push_back(std::make_unique<T[]>(ChunkSize));
    }
    m_chunks.back()[m_size % ChunkSize] = std::move(value);
    ++m_size;
  }

  [[nodiscard]] T& operator[](std::size_t index) {
    return m_chunks[index / ChunkSize][index % ChunkSize];
  }
  [[nodiscard]] const T& operator[](std::size_t index) const {
    return m_chunks[index / ChunkSize][index % ChunkSize];
  }

  [[nodiscard]] std::size_t size() const { return m_size; }

 private:
  std::vector<std::unique_ptr<T[]>> m_chunks;
  std::size_t m_size = 0;
};

}  // namespace blastgraph::graph
