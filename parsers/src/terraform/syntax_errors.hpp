#pragma once
// ERROR and MISSING nodes -> `hcl-syntax` diagnostics with a message a person can act on:
// "unexpected '!!'", "missing '}'", "unterminated string", "unterminated heredoc <<EOT".

#include <tree_sitter/api.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "terraform/parse_context.hpp"

namespace blastgraph::terraform {

struct SyntaxError {
  std::uint32_t byte = 0;  // where in the text, to match errors to recovery regions
  SourcePosition position;
  std::string message;
};

// The syntax errors under `root` in source order, at most `limit` of them. Iterative, so it is
// safe on trees of any depth.
[[nodiscard]] std::vector<SyntaxError> find_syntax_errors(ParseContext& context, TSNode root,
                                                          std::size_t limit);

// Text safe to quote in a diagnostic: control characters and invalid UTF-8 become \xNN.
[[nodiscard]] std::string printable(std::string_view text);

}  // namespace blastgraph::terraform
