#include "storage.hpp"

#include <oneapi/tbb/parallel_invoke.h>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <utility>

namespace blastgraph::graph {
namespace {

using EndpointPairs = std::vector<std::pair<NodeIndex, NodeIndex>>;

Csr make_forward(const std::vector<Edge>& edges, NodeIndex node_count) {
  EndpointPairs pairs;
  std::vector<EdgeProperty> properties;
  pairs.reserve(edges.size());
  properties.reserve(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    pairs.emplace_back(edges[i].source, edges[i].target);
    properties.push_back({static_cast<EdgeIndex>(i)});
  }
  return Csr(boost::edges_are_sorted, pairs.begin(), pairs.end(), properties.begin(), node_count,
             static_cast<EdgeIndex>(edges.size()));
}

// Radix digits of 11 bits: a pass scatters into 2048 output streams, few enough to stay
// cache-resident, and 1M nodes need two passes.
constexpr unsigned k_radix_bits = 11;
constexpr std::size_t k_radix_buckets = std::size_t{1} << k_radix_bits;

// Stable LSD radix sort of `records` by their high 32 bits. A plain counting sort by target
// scatters every edge to a random place in a large array, which made the reverse CSR the
// slowest step of build(); a radix pass keeps its writes cache-friendly.
void radix_sort_by_high_half(std::vector<std::uint64_t>& records, NodeIndex node_count) {
  std::vector<std::uint64_t> scratch(records.size());
  const auto key_bits = static_cast<unsigned>(std::bit_width(node_count));
  for (unsigned shift = 32; shift < 32 + key_bits; shift += k_radix_bits) {
    std::array<std::size_t, k_radix_buckets> start{};
    for (const std::uint64_t record : records) {
      ++start[(record >> shift) & (k_radix_buckets - 1)];
    }
    std::exclusive_scan(start.begin(), start.end(), start.begin(), std::size_t{0});
    for (const std::uint64_t record : records) {
      scratch[start[(record >> shift) & (k_radix_buckets - 1)]++] = record;
    }
    records.swap(scratch);
  }
}

// Stable in edge order, so (source, target, kind) becomes (target, source, kind): every
// reverse row lists its sources ascending and, for one source, its edges ascending.
Csr make_reverse(const std::vector<Edge>& edges, NodeIndex node_count) {
  std::vector<std::uint64_t> records(edges.size());  // target << 32 | edge index
  std::vector<NodeIndex> sources(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    records[i] = (std::uint64_t{edges[i].target} << 32) | i;
    sources[i] = edges[i].source;
  }
  radix_sort_by_high_half(records, node_count);
  EndpointPairs pairs(edges.size());
  std::vector<EdgeProperty> properties(edges.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto index = static_cast<EdgeIndex>(records[i] & 0xFFFF'FFFFU);
    pairs[i] = {static_cast<NodeIndex>(records[i] >> 32), sources[index]};
    properties[i] = {index};
  }
  return Csr(boost::edges_are_sorted, pairs.begin(), pairs.end(), properties.begin(), node_count,
             static_cast<EdgeIndex>(edges.size()));
}

}  // namespace

Graph::Storage make_storage(std::vector<Node> nodes, std::vector<Edge> edges) {
  const auto node_count = static_cast<NodeIndex>(nodes.size());
  Graph::Storage storage;
  // The two directions are independent: built side by side.
  tbb::parallel_invoke([&] { storage.forward = make_forward(edges, node_count); },
                       [&] { storage.reverse = make_reverse(edges, node_count); });
  storage.nodes = std::move(nodes);
  storage.edges = std::move(edges);
  return storage;
}

}  // namespace blastgraph::graph
