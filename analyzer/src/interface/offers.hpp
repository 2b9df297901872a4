#pragma once
// What a repository's Terraform offers other repositories: each resource's ARN and lookup
// attributes, and each root's state with its outputs.

#include <map>
#include <string>
#include <vector>

#include "blastgraph/graph/interface.hpp"
#include "terraform/instances.hpp"

namespace blastgraph::analyzer::interface {

// One offer per resource that exists and has an ARN or a statically known attribute, in the
// forest's order. Values are evaluated with the roots' variable defaults, as a plan without
// tfvars would have them. `accounts`: LoadOptions::root_accounts.
[[nodiscard]] std::vector<graph::Offer> collect_offers(
    const terraform_link::InstanceForest& forest,
    const std::map<std::string, std::string>& accounts);

// The state of every root that declares a backend other than `local` (a local state file is
// no other repository's to read), with the root's outputs.
[[nodiscard]] std::vector<graph::StateOffer> collect_state_offers(
    const terraform_link::InstanceForest& forest);

}  // namespace blastgraph::analyzer::interface
