#pragma once
// Where Terraform roots keep their state, as their backend blocks say statically: what a
// `terraform_remote_state` read is matched against, in the tree and across repositories.

#include <map>
#include <optional>
#include <string>

#include "terraform/instances.hpp"
#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::terraform_link {

using Settings = std::map<std::string, std::string>;

// Where a root keeps its state: its `terraform { backend "<type>" { ... } }` block, or the
// local default when it has none.
struct StateLocation {
  std::string root;
  std::string type;   // "local" when the root declares no backend
  Settings settings;  // the statically known string settings
};

// The statically known string fields of an object value; guessed parts are left out, so
// they can neither match nor block a match.
[[nodiscard]] Settings known_strings(const StaticValue& value);

// The state location of `root` (a root instance); nullopt when it has no configuration.
[[nodiscard]] std::optional<StateLocation> state_location(const Instance& root);

}  // namespace blastgraph::analyzer::terraform_link
