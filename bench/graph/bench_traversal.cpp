// reach() on generated graphs up to 1M nodes / 5M edges. Items processed are edges examined,
// so items_per_second reads as edges per second.

#include <cstdint>
#include <optional>
#include <vector>

#include <benchmark/benchmark.h>
#include <oneapi/tbb/global_control.h>

#include "graph_input.hpp"

namespace blastgraph::bench {
namespace {

using graph::Direction;
using graph::NodeIndex;

constexpr NodeIndex k_source_count = 16;

// Dependents of the earliest nodes, which everything builds on, cover nearly the whole
// graph; dependencies of the latest nodes are the other extreme.
std::vector<NodeIndex> pick_sources(const graph::Graph& graph, Direction direction) {
  std::vector<NodeIndex> sources;
  const auto node_count = static_cast<NodeIndex>(graph.node_count());
  for (NodeIndex i = 0; i < k_source_count && i < node_count; ++i) {
    sources.push_back(direction == Direction::dependents ? i : node_count - 1 - i);
  }
  return sources;
}

// Full check of one result against the serial BFS: same reached set, levels in order.
bool agrees(const graph::Reach& result, const SerialAnswer& expected) {
  if (result.nodes.size() != expected.reached) {
    return false;
  }
  for (std::size_t i = 1; i < result.nodes.size(); ++i) {
    const std::uint32_t before = result.distance[result.nodes[i - 1]];
    const std::uint32_t after = result.distance[result.nodes[i]];
    if (before > after || (before == after && result.nodes[i - 1] >= result.nodes[i])) {
      return false;
    }
  }
  return true;
}

void run_reach(benchmark::State& state, Direction direction) {
  const auto node_count = static_cast<std::size_t>(state.range(0));
  const auto threads = static_cast<std::size_t>(state.range(1));
  const graph::Graph& graph = cached_graph(node_count);
  const std::vector<NodeIndex> sources = pick_sources(graph, direction);
  const SerialAnswer expected = serial_reach(graph, sources, direction);

  const tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  if (!agrees(graph::reach(graph, sources, direction), expected)) {
    state.SkipWithError("reach() disagrees with the serial BFS");
    return;
  }
  for (auto _ : state) {
    const graph::Reach result = graph::reach(graph, sources, direction);
    if (result.nodes.size() != expected.reached) {
      state.SkipWithError("reach() reached a different number of nodes");
      break;
    }
    benchmark::DoNotOptimize(result.nodes.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(expected.edges_examined));
  state.counters["reached"] = static_cast<double>(expected.reached);
  state.counters["edges"] = static_cast<double>(graph.edge_count());
}

// NOTE: wall-clock time, since CPU time would only count the calling thread's share.
BENCHMARK_CAPTURE(run_reach, dependents, Direction::dependents)
    ->ArgsProduct({{10'000, 100'000, 1'000'000}, {1, 2}})
    ->ArgNames({"nodes", "threads"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(run_reach, dependencies, Direction::dependencies)
    ->ArgsProduct({{1'000'000}, {1, 2}})
    ->ArgNames({"nodes", "threads"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace blastgraph::bench
