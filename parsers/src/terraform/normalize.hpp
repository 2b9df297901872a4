#pragma once
// The normalized text of a block: its tokens without comments, joined with single spaces.
// Reformatting and comment edits leave it unchanged; any other edit changes it. String and
// heredoc templates are kept verbatim (their whitespace is content).

#include <tree_sitter/api.h>

#include <string>

#include "terraform/parse_context.hpp"

namespace blastgraph::terraform {

// Iterative, so it is safe on trees of any depth. With `documentation`, attributes that only
// document (`description`, a validation's `error_message`) are left out of the result and
// their normalized text appended there instead: for variable and output blocks, whose
// descriptions have no effect on infrastructure.
[[nodiscard]] std::string normalized_text(ParseContext& context, TSNode node,
                                          std::string* documentation = nullptr);

}  // namespace blastgraph::terraform
