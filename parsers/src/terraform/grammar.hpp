#pragma once
// The HCL grammar as the terraform parser sees it: node symbols resolved once, and the few
// node accessors every reader needs. Symbols are compared as integers on the hot path rather
// than by type name.

#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>

#include "blastgraph/core/source_span.hpp"

extern "C" const TSLanguage* tree_sitter_hcl(void);

namespace blastgraph::terraform {

struct Grammar {
  TSSymbol config_file = 0;
  TSSymbol body = 0;
  TSSymbol block = 0;
  TSSymbol attribute = 0;
  TSSymbol identifier = 0;
  TSSymbol string_lit = 0;
  TSSymbol expression = 0;
  TSSymbol variable_expr = 0;
  TSSymbol get_attr = 0;
  TSSymbol index = 0;
  TSSymbol splat = 0;
  TSSymbol for_intro = 0;
  TSSymbol for_tuple_expr = 0;
  TSSymbol for_object_expr = 0;
  TSSymbol collection_value = 0;
  TSSymbol object = 0;
  TSSymbol tuple = 0;
  TSSymbol object_elem = 0;
  TSSymbol literal_value = 0;
  TSSymbol numeric_lit = 0;
  TSSymbol bool_lit = 0;
  TSSymbol template_expr = 0;
  TSSymbol quoted_template = 0;
  TSSymbol heredoc_template = 0;
  TSSymbol heredoc_identifier = 0;
  TSSymbol template_literal = 0;
  TSSymbol template_interpolation = 0;
  TSSymbol template_directive = 0;
  TSSymbol template_for = 0;
  TSSymbol template_for_start = 0;
  TSSymbol quoted_template_end = 0;
  TSSymbol comment = 0;
};

// Resolved on first use; thread-safe.
[[nodiscard]] const Grammar& grammar();

// The source bytes a node covers. `text` must be the buffer the tree was parsed from.
[[nodiscard]] inline std::string_view node_text(TSNode node, std::string_view text) {
  const std::uint32_t start = ts_node_start_byte(node);
  const std::uint32_t end = ts_node_end_byte(node);
  if (start >= text.size() || end <= start) return {};
  return text.substr(start, end - start);
}

// 1-based line and byte column of the node's first byte.
[[nodiscard]] inline SourcePosition start_position(TSNode node) {
  const TSPoint point = ts_node_start_point(node);
  return {point.row + 1, point.column + 1};
}

[[nodiscard]] inline std::uint32_t last_line(TSNode node) {
  const TSPoint end = ts_node_end_point(node);
  // A node ending at column 0 ends with a newline: its last character is on the line before.
  return end.column == 0 && end.row > ts_node_start_point(node).row ? end.row : end.row + 1;
}

}  // namespace blastgraph::terraform
