#pragma once
// Work split into chunks fixed by its size alone, run in parallel: each chunk's results are
// gathered at its index, then merged in chunk order, so the outcome never depends on the
// thread count or on scheduling.

#include <algorithm>
#include <cstddef>
#include <vector>

#include <oneapi/tbb/parallel_for.h>

namespace blastgraph::analyzer {

inline constexpr std::size_t k_chunk_size = 256;

// The number of chunks for_each_chunk makes of `count` items.
[[nodiscard]] inline std::size_t chunk_count(std::size_t count) {
  return (count + k_chunk_size - 1) / k_chunk_size;
}

// Calls `run(chunk, begin, end)` for the chunks of k_chunk_size items of [0, count), in
// parallel; chunk is the index of [begin, end).
template <typename Run>
void for_each_chunk(std::size_t count, Run run) {
  tbb::parallel_for(std::size_t{0}, chunk_count(count), [&](std::size_t c) {
    run(c, c * k_chunk_size, std::min(count, (c + 1) * k_chunk_size));
  });
}

}  // namespace blastgraph::analyzer
