#include "terraform/syntax_errors.hpp"

#include <algorithm>
#include <cstring>

namespace blastgraph::terraform {
namespace {

constexpr std::size_t k_max_quoted_bytes = 24;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Length of the valid UTF-8 sequence starting at text[i], or 0.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
  }
  if (length == 0 || i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0U) != 0x80U) return 0;
  }
  return length;
}

// The first whitespace-delimited word of an ERROR node, shortened.
std::string unexpected_word(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && end < k_max_quoted_bytes && !is_space(text[end])) ++end;
  return printable(text.substr(0, end)) + (end < text.size() && !is_space(text[end]) ? "..." : "");
}

bool reaches_end_of_text(ParseContext& context, TSNode node) {
  const std::string_view text = context.text();
  std::size_t end = text.size();
  while (end > 0 && is_space(text[end - 1])) --end;
  return ts_node_end_byte(node) >= end;
}

SyntaxError describe_error(ParseContext& context, TSNode node) {
  const std::string_view text = context.text_of(node);
  std::string message;
  if (text.empty()) {
    message = "unexpected end of input";
  } else if (reaches_end_of_text(context, node) &&
             ts_node_end_point(node).row > ts_node_start_point(node).row) {
    // tree-sitter could not resume anywhere after this point, typically because something
    // opened here is never closed.
    message = "cannot parse from '" + unexpected_word(text) +
              "' to the end of the file (unclosed bracket, brace or string?)";
  } else {
    message = "unexpected '" + unexpected_word(text) + "'";
  }
  return {ts_node_start_byte(node), start_position(node), std::move(message)};
}

// A missing token; for unterminated strings and heredocs the opening is the useful place.
SyntaxError describe_missing(ParseContext& context, TSNode node, TSNode parent) {
  const Grammar& g = context.syntax();
  const TSSymbol symbol = ts_node_symbol(node);
  if (symbol == g.heredoc_identifier && !ts_node_is_null(parent)) {
    const TSNode opening = ts_node_named_child(parent, 1);  // after heredoc_start
    const std::string marker =
        ts_node_is_null(opening) ? std::string() : printable(context.text_of(opening));
    return {ts_node_start_byte(parent), start_position(parent),
            "unterminated heredoc <<" + marker + ": no closing '" + marker + "' line"};
  }
  if (symbol == g.quoted_template_end && !ts_node_is_null(parent)) {
    return {ts_node_start_byte(parent), start_position(parent), "unterminated string"};
  }
  const char* type = ts_node_type(node);
  // A missing opener is tree-sitter's repair for a stray closer: report the closer.
  const std::string_view text = context.text();
  const std::string_view rest =
      text.substr(std::min<std::size_t>(ts_node_start_byte(node), text.size()));
  if (!ts_node_is_named(node) &&
      (std::strcmp(type, "{") == 0 || std::strcmp(type, "[") == 0 || std::strcmp(type, "(") == 0) &&
      !rest.empty() && (rest[0] == '}' || rest[0] == ']' || rest[0] == ')')) {
    return {ts_node_start_byte(node), start_position(node),
            "unexpected '" + std::string(1, rest[0]) + "'"};
  }
  std::string message = ts_node_is_named(node) ? std::string("missing ") + type
                                               : std::string("missing '") + type + "'";
  return {ts_node_start_byte(node), start_position(node), std::move(message)};
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      out += text[i++];
    } else if (const std::size_t length = byte >= 0x80 ? utf8_length(text, i) : 0; length > 0) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      constexpr std::string_view k_hex = "0123456789ABCDEF";
      out.append("\\x").append(1, k_hex[byte >> 4U]).append(1, k_hex[byte & 0xFU]);
      ++i;
    }
  }
  return out;
}

std::vector<SyntaxError> find_syntax_errors(ParseContext& context, TSNode root, std::size_t limit) {
  std::vector<SyntaxError> errors;
  if (!ts_node_has_error(root)) return errors;
  PooledCursor pooled(context.cursors(), root);
  TSTreeCursor* cursor = pooled.get();
  // NOTE: ancestors are tracked here because ts_node_parent() recurses once per tree level
  // and overflows the stack on the deep trees this walk must survive.
  std::vector<TSNode> ancestors;
  while (errors.size() < limit) {
    const TSNode node = ts_tree_cursor_current_node(cursor);
    if (ts_node_is_error(node)) {
      errors.push_back(describe_error(context, node));
    } else if (ts_node_is_missing(node)) {
      errors.push_back(
          describe_missing(context, node, ancestors.empty() ? TSNode{} : ancestors.back()));
    } else if (ts_node_has_error(node) && ts_tree_cursor_goto_first_child(cursor)) {
      ancestors.push_back(node);
      continue;
    }
    while (!ancestors.empty() && !ts_tree_cursor_goto_next_sibling(cursor)) {
      ts_tree_cursor_goto_parent(cursor);
      ancestors.pop_back();
    }
    if (ancestors.empty()) break;
  }
  return errors;
}

}  // namespace blastgraph::terraform
