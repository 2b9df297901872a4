#include "terraform/link.hpp"

#include "terraform/edges.hpp"
#include "terraform/nodes.hpp"

namespace blastgraph::analyzer::terraform_link {

// NOTE: two passes (nodes of every domain, then edges), because an edge needs both of its
// nodes and references point forwards and backwards across files, instances and domains.
void add_terraform_nodes(const InstanceForest& forest, LinkContext& context) {
  for (const auto& instance : forest.instances) add_instance_nodes(instance, context);
}

void add_terraform_edges(const InstanceForest& forest, LinkContext& context) {
  for (const auto& instance : forest.instances) link_instance_edges(instance, context);
}

}  // namespace blastgraph::analyzer::terraform_link
