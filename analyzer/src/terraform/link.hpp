#pragma once
// Turns expanded Terraform instances into graph nodes and edges.

#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/graph/graph.hpp"
#include "identity/cloud_identities.hpp"
#include "terraform/instances.hpp"

namespace blastgraph::analyzer::terraform_link {

struct LinkContext {
  graph::GraphBuilder& builder;
  std::vector<Diagnostic>& diagnostics;
  Coverage& coverage;
  std::string root_name;  // service of a "." root's resources: the scanned folder's name
  CloudIdentities& identities;  // filled by add_terraform_nodes
  std::vector<PolicyRisk>& risks;  // of inline policy documents, filled by add_terraform_nodes
};

// Adds a node for every addressable block of every instance.
void add_terraform_nodes(const InstanceForest& forest, LinkContext& context);

// Adds every edge. Precondition: the nodes of every domain were added (edges need both ends).
// Unresolvable references become `tf-unresolved-reference` warnings.
void add_terraform_edges(const InstanceForest& forest, LinkContext& context);

}  // namespace blastgraph::analyzer::terraform_link
