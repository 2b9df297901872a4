#pragma once
// Which argument changes make Terraform replace a resource rather than update it in place:
// a table generated from the providers' schema sources (tools/force_new/generate.py; README
// "Actions as Terraform plans them").

#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/parsers/terraform.hpp"

namespace blastgraph::analyzer::replacement {

// True when changing `path` ("name", "ebs_block_device.device_name") of a resource of `type`
// forces its replacement.
[[nodiscard]] bool forces_replacement(std::string_view type, std::string_view path);

// The argument paths that differ between two versions of a block: top-level arguments, and
// nested blocks paired in order by type ("type.argument"); an added or removed nested block
// changes each of its arguments. Ascending, each once.
[[nodiscard]] std::vector<std::string> changed_paths(const terraform::Block& base,
                                                     const terraform::Block& head);

// The changed paths that say where a resource sits on the network or who may reach it
// (security groups, subnets, VPC, public addresses, CIDR blocks, ingress and egress rules),
// for any resource type: a launch template's security groups are a network change even
// though the template is compute.
[[nodiscard]] std::vector<std::string> network_paths(const terraform::Block& base,
                                                     const terraform::Block& head);

// The changed paths of `head` that force the replacement of a resource of its type.
[[nodiscard]] std::vector<std::string> replacing_paths(const terraform::Block& base,
                                                       const terraform::Block& head);

}  // namespace blastgraph::analyzer::replacement
