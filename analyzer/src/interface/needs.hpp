#pragma once
// What a repository needs from others: ARNs its Terraform writes as values, the resources its
// data sources look up, the states it reads, and the external ARN nodes its graph holds (a
// ServiceAccount's IRSA role, a grant on a named resource).

#include <map>
#include <string>
#include <vector>

#include "blastgraph/graph/graph.hpp"
#include "blastgraph/graph/interface.hpp"
#include "terraform/instances.hpp"

namespace blastgraph::analyzer::interface {

// Needs written in Terraform, in the forest's order. ARNs that name a resource of the tree
// are left out: the tree's own links cover them. `accounts`: LoadOptions::root_accounts.
[[nodiscard]] std::vector<graph::Need> collect_terraform_needs(
    const terraform_link::InstanceForest& forest,
    const std::map<std::string, std::string>& accounts);

// One need per edge to an `ext:arn:` node: the edge's source needs that ARN. Grants on
// wildcard patterns (`arn:aws:s3:::logs-*`) are patterns, not identities: left out.
[[nodiscard]] std::vector<graph::Need> collect_external_needs(const graph::Graph& graph);

}  // namespace blastgraph::analyzer::interface
