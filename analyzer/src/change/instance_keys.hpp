#pragma once
// Actions as Terraform plans them for `for_each` and `count`: a new key or index is a create
// of that instance, a removed one a delete of it, and the other instances do not change.

#include <optional>
#include <string>
#include <vector>

#include "blastgraph/parsers/terraform.hpp"

namespace blastgraph::analyzer::instances {

// The instance keys a literal `for_each` or `count` gives: `{ a = 1, b = 2 }` and
// `toset(["a", "b"])` give a and b, `count = 3` gives 0, 1 and 2. nullopt when the block has
// neither or its value is not a literal.
[[nodiscard]] std::optional<std::vector<std::string>> literal_keys(const terraform::Block& block);

struct InstanceChange {
  std::vector<std::string> added;  // keys, ascending
  std::vector<std::string> removed;
};

// When `base` and `head` differ only in the keys of a literal for_each or count (the values
// of kept keys and everything else equal): the instances added and removed.
[[nodiscard]] std::optional<InstanceChange> instance_change(const terraform::Block& base,
                                                            const terraform::Block& head);

}  // namespace blastgraph::analyzer::instances
