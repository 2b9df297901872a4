#include "terraform/link.hpp"

#include "terraform/edges.hpp"
#include "terraform/nodes.hpp"

namespace blastgraph::analyzer::terraform_link {

void link_terraform(const InstanceForest& forest, LinkContext& context) {
  // Two passes: an edge needs both of its nodes, and references point forwards and
  // backwards across files and instances.
  for (const auto& instance : forest.instances) add_instance_nodes(instance, context);
  for (const auto& instance : forest.instances) link_instance_edges(instance, context);
}

}  // namespace blastgraph::analyzer::terraform_link
