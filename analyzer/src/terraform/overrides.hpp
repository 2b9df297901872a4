#pragma once
// Override files, as Terraform's configuration loader merges them: `override.tf` and
// `*_override.tf` are read after every other file of their directory, and each block in them
// changes the block of the same address instead of declaring a new one.

#include <string>
#include <string_view>

#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/parsers/terraform.hpp"

namespace blastgraph::analyzer::terraform_link {

// True for "override.tf", "x_override.tf" (and their .tf.json forms), by file name.
[[nodiscard]] bool is_override_file(std::string_view path);

// Merges `override` into `base` (a copy of the primary block) as Terraform does:
// - each argument replaces the argument of the same name;
// - the nested blocks of a type the override has replace all nested blocks of that type
//   (a `dynamic "x"` block counts as type x), except `lifecycle`, merged argument by argument;
// - references written under a replaced argument or block are dropped, the override's are
//   added (they keep the override's file); `tags`, `provider`, `source`, `version` and
//   `providers` follow their arguments;
// - the span stays the primary's; the normalized text gains the override's, so an edit to
//   either is a change of the node.
void merge_override(terraform::Block& base, const terraform::Block& override);

}  // namespace blastgraph::analyzer::terraform_link
