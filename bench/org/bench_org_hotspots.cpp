// Ranking the hotspots of a generated organization (org_generator.hpp): exact counts through
// the condensation and estimates from bottom-k sketches. Each run checks its answer: the
// exact top entries against one reach from each. The estimate, when it recounted its leaders,
// must give the exact top 10 (same resources, order and counts); when they were too many to
// recount (thousands of resources of the generated organization reach all but a handful of
// its services, and no sketch tells 11,111 from 11,112), its first entry must be the exact
// first and each of its top 10 within the error bound of the exact 10th.

#include <benchmark/benchmark.h>

#include <array>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "blastgraph/analyzer/hotspots.hpp"
#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/graph/reach.hpp"
#include "blastgraph/graph/reach_counts.hpp"
#include "generated_org.hpp"

namespace {

namespace analyzer = blastgraph::analyzer;
namespace graph = blastgraph::graph;

constexpr std::size_t k_top = 10;
constexpr std::size_t k_sketch = 64;

// Loaded once per size.
const analyzer::Workspace* loaded(std::size_t resources) {
  static std::map<std::size_t, std::unique_ptr<analyzer::Workspace>> cache;
  auto it = cache.find(resources);
  if (it == cache.end()) {
    auto workspace = analyzer::load_workspace(blastgraph::bench::generated_org(resources).root);
    std::unique_ptr<analyzer::Workspace> kept;
    if (workspace) kept = std::make_unique<analyzer::Workspace>(std::move(*workspace));
    it = cache.emplace(resources, std::move(kept)).first;
  }
  return it->second.get();
}

// Whether a spot's counts are those one reach from the resource gives.
bool measured_right(const graph::Graph& g, const analyzer::Hotspot& spot) {
  const std::array source{g.find(spot.id)};
  const auto reach = graph::reach(g, source, graph::Direction::dependents);
  std::set<std::string_view> services;
  std::size_t resources = 0;
  for (const auto reached : reach.nodes) {
    const auto& node = g.node(reached);
    if (node.role != graph::Role::resource) continue;
    if (!node.service.empty()) services.insert(node.service);
    if (reached != source[0]) ++resources;
  }
  return spot.services_reached == services.size() && spot.resources_reached == resources &&
         spot.nodes_reached + 1 == reach.nodes.size();
}

void set_counters(benchmark::State& state, const graph::Graph& g) {
  state.counters["nodes"] = static_cast<double>(g.node_count());
  state.counters["edges"] = static_cast<double>(g.edge_count());
  state.counters["resources"] = static_cast<double>(blastgraph::bench::resource_nodes(g));
}

// Ranks the organization of state.range(0) resources in every iteration, with `sketch_size`
// (0: exact). nullptr, the benchmark skipped, when the organization cannot be loaded.
const graph::Graph* rank_each_iteration(benchmark::State& state, std::size_t sketch_size,
                                        analyzer::Hotspots& ranked) {
  const auto* workspace = loaded(static_cast<std::size_t>(state.range(0)));
  if (workspace == nullptr) {
    state.SkipWithError("the generated organization could not be loaded");
    return nullptr;
  }
  for (auto _ : state) {
    ranked = analyzer::rank_hotspots(workspace->graph, {k_top, sketch_size});
  }
  set_counters(state, workspace->graph);
  return &workspace->graph;
}

void bm_hotspots_exact(benchmark::State& state) {
  analyzer::Hotspots ranked;
  const auto* g = rank_each_iteration(state, 0, ranked);
  if (g == nullptr) return;
  for (const auto& spot : ranked.hotspots) {
    if (!measured_right(*g, spot)) {
      state.SkipWithError(("wrong counts for " + spot.id).c_str());
      return;
    }
  }
}

void bm_hotspots_estimate(benchmark::State& state) {
  analyzer::Hotspots ranked;
  const auto* g = rank_each_iteration(state, k_sketch, ranked);
  if (g == nullptr) return;
  const auto exact = analyzer::rank_hotspots(*g, {0, 0});
  if (ranked.leaders_recounted) {
    for (std::size_t i = 0; i < k_top && i < exact.hotspots.size(); ++i) {
      const auto& want = exact.hotspots[i];
      const auto* got = i < ranked.hotspots.size() ? &ranked.hotspots[i] : nullptr;
      if (got == nullptr || got->id != want.id || got->estimated ||
          got->services_reached != want.services_reached ||
          got->resources_reached != want.resources_reached ||
          got->nodes_reached != want.nodes_reached) {
        state.SkipWithError(
            ("the recounted top 10 differs at rank " + std::to_string(i + 1)).c_str());
        return;
      }
    }
    return;
  }
  if (ranked.hotspots.empty() || ranked.hotspots[0].id != exact.hotspots[0].id) {
    state.SkipWithError("the estimate ranks another resource first");
    return;
  }
  std::map<std::string, std::size_t> exact_services;
  for (const auto& spot : exact.hotspots) exact_services[spot.id] = spot.services_reached;
  const double tenth = static_cast<double>(exact.hotspots[k_top - 1].services_reached);
  const double bound = 3 * graph::sketch_relative_error(k_sketch);
  for (const auto& spot : ranked.hotspots) {
    if (static_cast<double>(exact_services[spot.id]) < tenth * (1 - bound)) {
      state.SkipWithError(("the estimate ranks " + spot.id + " far above its place").c_str());
      return;
    }
  }
  state.counters["leaders_recounted"] = 0;
}

}  // namespace

BENCHMARK(bm_hotspots_exact)
    ->Arg(1'000)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(bm_hotspots_estimate)
    ->Arg(1'000)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
