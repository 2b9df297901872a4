#pragma once
// A generated organization (org_generator.hpp) written once per size to a temporary
// directory for the benchmarks of this folder, and removed at exit.

#include <cstddef>
#include <filesystem>
#include <string>

#include "blastgraph/graph/graph.hpp"
#include "org_generator.hpp"

namespace blastgraph::bench {

struct GeneratedOrg {
  std::filesystem::path root;
  OrgCounts counts;
  std::size_t services = 0;
};

// The organization of about `resources` resources, one service in `admin_every` holding an
// administrator grant (0: none), every role trusting its account when `account_trusts`,
// written on first use.
const GeneratedOrg& generated_org(std::size_t resources, std::size_t admin_every = 0,
                                  bool account_trusts = false);

// Resource nodes of `graph`.
[[nodiscard]] std::size_t resource_nodes(const graph::Graph& graph);

// Whether `from` depends on `to` directly.
[[nodiscard]] bool has_edge(const graph::Graph& graph, const std::string& from,
                            const std::string& to);

}  // namespace blastgraph::bench
