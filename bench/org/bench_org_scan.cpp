// Scanning a generated organization (org_generator.hpp) end to end: discovery, parsing,
// linking, through load_workspace as the CLI calls it. Each size is written once to a
// temporary directory; every run checks its answer (each benchmark says which).

#include <benchmark/benchmark.h>

#include <string>

#include "blastgraph/analyzer/workspace.hpp"
#include "generated_org.hpp"

namespace {

using blastgraph::bench::generated_org;
using blastgraph::bench::has_edge;
using blastgraph::bench::resource_nodes;

// Scans `input` in every iteration and checks each graph with `holds`, which returns what is
// wrong ("" when nothing is); reports throughput and the last graph's size.
template <typename Holds>
void scan_each_iteration(benchmark::State& state, const blastgraph::bench::GeneratedOrg& input,
                         Holds holds) {
  std::size_t nodes = 0;
  std::size_t edges = 0;
  for (auto _ : state) {
    auto workspace = blastgraph::analyzer::load_workspace(input.root);
    if (!workspace) {
      state.SkipWithError("the generated organization could not be loaded");
      break;
    }
    if (const std::string wrong = holds(*workspace); !wrong.empty()) {
      state.SkipWithError(wrong.c_str());
      break;
    }
    nodes = workspace->graph.node_count();
    edges = workspace->graph.edge_count();
  }
  state.counters["resources"] = static_cast<double>(input.counts.resources());
  state.counters["nodes"] = static_cast<double>(nodes);
  state.counters["edges"] = static_cast<double>(edges);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(input.counts.bytes));
}

std::string role_of(std::size_t service) {
  return "terraform/platform:module." + blastgraph::bench::service_name(service) +
         ".aws_iam_role.this";
}

// Answer: every resource written is a resource node, and the first role has its boundary.
void bm_scan_org(benchmark::State& state) {
  const auto& input = generated_org(static_cast<std::size_t>(state.range(0)));
  scan_each_iteration(state, input, [&](const blastgraph::analyzer::Workspace& workspace) {
    const auto& graph = workspace.graph;
    const auto boundary =
        "terraform/platform:module." + blastgraph::bench::service_name(0) + ".var.boundary_arn";
    const bool holds =
        resource_nodes(graph) == input.counts.resources() && has_edge(graph, role_of(0), boundary);
    return holds ? std::string() : "the graph does not hold what was generated";
  });
}

// One service in ten holds `Action: *` on `Resource: *`: each such statement is checked
// against the tree's resources only until it is known to be too broad for edges, so this
// costs about what the plain organization does. Answer: one note per administrator grant,
// and no acts_on edge from an administrator role.
void bm_scan_org_admins(benchmark::State& state) {
  constexpr std::size_t k_admin_every = 10;
  const auto& input = generated_org(static_cast<std::size_t>(state.range(0)), k_admin_every);
  scan_each_iteration(state, input, [&](const blastgraph::analyzer::Workspace& workspace) {
    std::size_t broad = 0;
    for (const auto& d : workspace.diagnostics) broad += d.code == "iam-broad-grant" ? 1U : 0U;
    const auto other_bucket =
        "terraform/platform:module." + blastgraph::bench::service_name(55) + ".aws_s3_bucket.this";
    const auto expected = (input.services + k_admin_every - 1) / k_admin_every;
    const bool holds = broad == expected && !has_edge(workspace.graph, role_of(0), other_bucket);
    return holds ? std::string() : "administrator grants were not capped";
  });
}

// Every role also trusts its whole account (`arn:aws:iam::ACCOUNT:root`). Such a trust admits
// any principal of the root that may assume roles, which only principals with an
// sts:AssumeRole grant can: none here. Answer: one assume_role edge from the account's
// external node to each role, and no other.
void bm_scan_org_account_trusts(benchmark::State& state) {
  const auto& input = generated_org(static_cast<std::size_t>(state.range(0)), 0, true);
  scan_each_iteration(state, input, [&](const blastgraph::analyzer::Workspace& workspace) {
    std::size_t assume = 0;
    for (const auto& edge : workspace.graph.edges()) {
      assume += edge.kind == blastgraph::graph::EdgeKind::assume_role ? 1U : 0U;
    }
    return assume == input.services ? std::string()
                                    : "account-wide trusts were not linked as expected";
  });
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
