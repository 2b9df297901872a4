// GraphBuilder from add_node/add_edge through build(), the cost a scan pays once per graph.
// Items processed are input edges.

#include <algorithm>
#include <cstdint>
#include <map>

#include <benchmark/benchmark.h>

#include "graph_input.hpp"

namespace blastgraph::bench {
namespace {

struct BuildCase {
  GraphInput input;
  std::size_t distinct_edges = 0;  // what build() must keep after collapsing duplicates
};

const BuildCase& cached_case(std::size_t node_count) {
  static std::map<std::size_t, BuildCase> cache;
  auto [it, inserted] = cache.try_emplace(node_count);
  if (inserted) {
    it->second.input = make_input(node_count);
    auto pairs = it->second.input.edges;
    std::sort(pairs.begin(), pairs.end());
    it->second.distinct_edges =
        static_cast<std::size_t>(std::unique(pairs.begin(), pairs.end()) - pairs.begin());
  }
  return it->second;
}

void build_graph_benchmark(benchmark::State& state) {
  const auto node_count = static_cast<std::size_t>(state.range(0));
  const BuildCase& build_case = cached_case(node_count);
  for (auto _ : state) {
    graph::Graph graph = build_graph(build_case.input);
    state.PauseTiming();
    const bool right =
        graph.node_count() == node_count && graph.edge_count() == build_case.distinct_edges;
    graph = graph::Graph();  // freeing is not part of building
    state.ResumeTiming();
    if (!right) {
      state.SkipWithError("build() produced the wrong number of nodes or edges");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(build_case.input.edges.size()));
}

BENCHMARK(build_graph_benchmark)
    ->Name("build_graph")
    ->RangeMultiplier(10)
    ->Range(10'000, 1'000'000)
    ->ArgName("nodes")
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace blastgraph::bench
