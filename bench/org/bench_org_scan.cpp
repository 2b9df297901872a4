// Scanning a generated organization (org_generator.hpp) end to end: discovery, parsing,
// linking, through load_workspace as the CLI calls it. Each size is written once to a
// temporary directory; each run checks the answer: every resource written is a resource node,
// and a sample call and permission boundary are edges.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <map>
#include <string>

#include "blastgraph/analyzer/workspace.hpp"
#include "org_generator.hpp"

namespace {

using blastgraph::bench::OrgCounts;
using blastgraph::bench::OrgSpec;

struct Generated {
  std::filesystem::path root;
  OrgCounts counts;
  std::size_t services = 0;
};

// Written once per size, removed at exit.
const Generated& generated(std::size_t resources) {
  static std::map<std::size_t, Generated> cache;
  static struct Cleanup {
    ~Cleanup() {
      std::error_code ec;
      for (const auto& [size, g] : cache) std::filesystem::remove_all(g.root, ec);
    }
  } cleanup;
  auto it = cache.find(resources);
  if (it != cache.end()) return it->second;
  OrgSpec spec;
  spec.services = blastgraph::bench::services_for(resources);
  spec.namespaces = std::max<std::size_t>(spec.services / 100, 1);
  Generated g;
  g.services = spec.services;
  g.root = std::filesystem::temp_directory_path() /
           ("blastgraph-org-" + std::to_string(resources) + "-" + std::to_string(::getpid()));
  g.counts = blastgraph::bench::write_org(g.root, spec);
  return cache.emplace(resources, std::move(g)).first->second;
}

std::size_t resource_nodes(const blastgraph::graph::Graph& graph) {
  std::size_t count = 0;
  for (blastgraph::graph::NodeIndex i = 0; i < graph.node_count(); ++i) {
    if (graph.node(i).role == blastgraph::graph::Role::resource) ++count;
  }
  return count;
}

bool has_edge(const blastgraph::graph::Graph& graph, const std::string& from,
              const std::string& to) {
  const auto source = graph.find(from);
  const auto target = graph.find(to);
  if (source == blastgraph::graph::k_no_node || target == blastgraph::graph::k_no_node)
    return false;
  for (auto e : graph.dependencies(source)) {
    if (graph.edge(e).target == target) return true;
  }
  return false;
}

void bm_scan_org(benchmark::State& state) {
  const auto& input = generated(static_cast<std::size_t>(state.range(0)));
  std::size_t nodes = 0;
  std::size_t edges = 0;
  for (auto _ : state) {
    auto workspace = blastgraph::analyzer::load_workspace(input.root);
    if (!workspace) {
      state.SkipWithError("the generated organization could not be loaded");
      break;
    }
    const auto& graph = workspace->graph;
    const auto svc0 = blastgraph::bench::service_name(0);
    const bool bounded = has_edge(graph, "terraform/platform:module." + svc0 + ".aws_iam_role.this",
                                  "terraform/platform:module." + svc0 + ".var.boundary_arn");
    if (resource_nodes(graph) != input.counts.resources() || !bounded) {
      state.SkipWithError("the graph does not hold what was generated");
      break;
    }
    nodes = graph.node_count();
    edges = graph.edge_count();
  }
  state.counters["resources"] = static_cast<double>(input.counts.resources());
  state.counters["nodes"] = static_cast<double>(nodes);
  state.counters["edges"] = static_cast<double>(edges);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(input.counts.bytes));
}

}  // namespace

BENCHMARK(bm_scan_org)
    ->Arg(1'000)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
