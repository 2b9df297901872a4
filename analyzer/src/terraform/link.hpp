#pragma once
// Turns expanded Terraform instances into graph nodes and edges.

#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/graph/graph.hpp"
#include "terraform/instances.hpp"

namespace blastgraph::analyzer::terraform_link {

struct LinkContext {
  graph::GraphBuilder& builder;
  std::vector<Diagnostic>& diagnostics;
  Coverage& coverage;
  std::string root_name;  // service of a "." root's resources: the scanned folder's name
};

// Adds a node for every addressable block of every instance, then every edge. Unresolvable
// references become `tf-unresolved-reference` warnings.
void link_terraform(const InstanceForest& forest, LinkContext& context);

}  // namespace blastgraph::analyzer::terraform_link
