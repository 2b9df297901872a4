// Scanning a generated organization (org_generator.hpp) end to end: discovery, parsing,
// linking, through load_workspace as the CLI calls it. Each size is written once to a
// temporary directory; each run checks the answer: every resource written is a resource node,
// and a sample call and permission boundary are edges.

#include <benchmark/benchmark.h>

#include <string>

#include "blastgraph/analyzer/workspace.hpp"
#include "generated_org.hpp"

namespace {

using blastgraph::bench::generated_org;
using blastgraph::bench::has_edge;
using blastgraph::bench::resource_nodes;

void bm_scan_org(benchmark::State& state) {
  const auto& input = generated_org(static_cast<std::size_t>(state.range(0)));
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

// One service in ten holds `Action: *` on `Resource: *`: each such statement is checked
// against the tree's resources only until it is known to be too broad for edges, so this
// costs about what the plain organization does. Answer: one note per administrator grant,
// and no acts_on edge from an administrator role.
void bm_scan_org_admins(benchmark::State& state) {
  constexpr std::size_t k_admin_every = 10;
  const auto& input = generated_org(static_cast<std::size_t>(state.range(0)), k_admin_every);
  for (auto _ : state) {
    auto workspace = blastgraph::analyzer::load_workspace(input.root);
    if (!workspace) {
      state.SkipWithError("the generated organization could not be loaded");
      break;
    }
    std::size_t broad = 0;
    for (const auto& d : workspace->diagnostics) broad += d.code == "iam-broad-grant" ? 1U : 0U;
    const auto svc0 = blastgraph::bench::service_name(0);
    const auto role = "terraform/platform:module." + svc0 + ".aws_iam_role.this";
    const auto other_bucket =
        "terraform/platform:module." + blastgraph::bench::service_name(55) + ".aws_s3_bucket.this";
    const auto expected = (input.services + k_admin_every - 1) / k_admin_every;
    if (broad != expected || has_edge(workspace->graph, role, other_bucket)) {
      state.SkipWithError("administrator grants were not capped");
      break;
    }
  }
  state.counters["resources"] = static_cast<double>(input.counts.resources());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(input.counts.bytes));
}

// Every role also trusts its whole account (`arn:aws:iam::ACCOUNT:root`). Such a trust admits
// any principal of the root that may assume roles, which only principals with an
// sts:AssumeRole grant can: none here. Answer: one assume_role edge from the account's
// external node to each role, and no other.
void bm_scan_org_account_trusts(benchmark::State& state) {
  const auto& input = generated_org(static_cast<std::size_t>(state.range(0)), 0, true);
  for (auto _ : state) {
    auto workspace = blastgraph::analyzer::load_workspace(input.root);
    if (!workspace) {
      state.SkipWithError("the generated organization could not be loaded");
      break;
    }
    std::size_t assume = 0;
    for (const auto& edge : workspace->graph.edges()) {
      assume += edge.kind == blastgraph::graph::EdgeKind::assume_role ? 1U : 0U;
    }
    if (assume != input.services) {
      state.SkipWithError("account-wide trusts were not linked as expected");
      break;
    }
  }
  state.counters["resources"] = static_cast<double>(input.counts.resources());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(input.counts.bytes));
}

}  // namespace

BENCHMARK(bm_scan_org_account_trusts)
    ->Arg(1'000)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(bm_scan_org_admins)
    ->Arg(1'000)
    ->Arg(10'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(bm_scan_org)
    ->Arg(1'000)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
