#pragma once
// Pass 2 of linking: edges.

#include "terraform/link.hpp"

namespace blastgraph::analyzer::terraform_link {

// Precondition: the nodes of every instance were added (add_instance_nodes).
void link_instance_edges(const Instance& instance, LinkContext& context);

}  // namespace blastgraph::analyzer::terraform_link
