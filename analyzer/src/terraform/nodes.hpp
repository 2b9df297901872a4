#pragma once
// Pass 1 of linking: nodes.

#include <string>

#include "terraform/link.hpp"

namespace blastgraph::analyzer::terraform_link {

// The external node standing for a remote module source: "ext:module:<source>[@<version>]".
[[nodiscard]] std::string remote_module_id(const terraform::Block& call);

void add_instance_nodes(const Instance& instance, LinkContext& context);

}  // namespace blastgraph::analyzer::terraform_link
