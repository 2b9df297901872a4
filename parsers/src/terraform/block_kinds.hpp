#pragma once
// The top-level block types Terraform has, and the labels each one takes.

#include <cstddef>
#include <optional>
#include <string_view>

#include "blastgraph/parsers/terraform.hpp"

namespace blastgraph::terraform {

struct BlockKindInfo {
  std::string_view type;  // as written: "resource", "locals", ...
  BlockKind kind;
  std::size_t label_count;
  std::string_view labels;  // what the labels are, for diagnostics: "a type and a name"
};

// nullopt for a block type Terraform does not have.
[[nodiscard]] std::optional<BlockKindInfo> find_block_kind(std::string_view type);

// Block types of newer Terraform versions that this model does not describe yet. They are
// kept as BlockKind::unknown but reported as a note, not as a mistake.
[[nodiscard]] bool is_unsupported_block_type(std::string_view type);

}  // namespace blastgraph::terraform
