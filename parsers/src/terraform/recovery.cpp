#include "terraform/recovery.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "terraform/block_kinds.hpp"
#include "terraform/syntax_errors.hpp"

namespace blastgraph::terraform {
namespace {

// Bounds the memory spent on describing errors of a garbage file.
constexpr std::size_t k_max_collected_errors = 4096;

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// `resource "x" "y" {`, `locals {`: a known top-level block type at the start of a line,
// followed by a label or the opening brace.
bool starts_block_header(std::string_view line) {
  std::size_t end = 0;
  while (end < line.size() && is_identifier_char(line[end])) ++end;
  const std::string_view word = line.substr(0, end);
  if (word.empty() || (!find_block_kind(word) && !is_unsupported_block_type(word))) return false;
  while (end < line.size() && (line[end] == ' ' || line[end] == '\t')) ++end;
  return end < line.size() &&
         (line[end] == '"' || line[end] == '{' || is_identifier_char(line[end]));
}

std::vector<ByteRange> split_at_block_headers(std::string_view text, ByteRange gap) {
  std::vector<ByteRange> pieces{{gap.begin, gap.end}};
  const std::string_view region = text.substr(0, gap.end);
  for (std::size_t newline = region.find('\n', gap.begin); newline != std::string_view::npos;
       newline = region.find('\n', newline + 1)) {
    const std::size_t line = newline + 1;
    if (line < gap.end && starts_block_header(region.substr(line))) {
      pieces.back().end = static_cast<std::uint32_t>(line);
      pieces.push_back({static_cast<std::uint32_t>(line), gap.end});
    }
  }
  return pieces;
}

class Recovery {
 public:
  Recovery(ParseContext& context, Parser& parser, std::vector<ReadBlock>& out, ByteRange bounds)
      : m_context(context), m_parser(parser), m_out(out), m_lines(context.text()),
        m_bounds(bounds) {}

  void read(TSNode root);

 private:
  void read_gap(ByteRange gap);
  std::size_t read_piece(ByteRange piece);
  void report(const SyntaxError& error) {
    m_context.report_syntax_error(error.position, error.message);
  }

  ParseContext& m_context;
  Parser& m_parser;
  std::vector<ReadBlock>& m_out;
  LineIndex m_lines;
  ByteRange m_bounds;                 // the text the tree was parsed from
  std::vector<SyntaxError> m_errors;  // of that tree
};

void Recovery::read(TSNode root) {
  m_errors = find_syntax_errors(m_context, root, k_max_collected_errors);
  // An unterminated string or heredoc is reported where it opens, before errors found earlier.
  std::stable_sort(m_errors.begin(), m_errors.end(),
                   [](const SyntaxError& a, const SyntaxError& b) { return a.byte < b.byte; });
  std::uint32_t previous_end = m_bounds.begin;
  for (TSNode node : top_level_nodes(m_context, root)) {
    if (ts_node_has_error(node)) continue;
    read_gap({previous_end, ts_node_start_byte(node)});
    read_top_level(m_context, node, m_out);
    previous_end = ts_node_end_byte(node);
  }
  read_gap({previous_end, m_bounds.end});
}

void Recovery::read_gap(ByteRange gap) {
  const auto first =
      std::lower_bound(m_errors.begin(), m_errors.end(), gap.begin,
                       [](const SyntaxError& e, std::uint32_t at) { return e.byte < at; });
  const auto last =
      std::upper_bound(first, m_errors.end(), gap.end,
                       [](std::uint32_t at, const SyntaxError& e) { return at < e.byte; });
  if (first == last) return;  // whitespace and comments between intact blocks
  const std::vector<ByteRange> pieces = split_at_block_headers(m_context.text(), gap);
  std::size_t reported = 0;
  // One piece would parse just as it did inside the whole file.
  if (pieces.size() > 1) {
    for (const ByteRange& piece : pieces) reported += read_piece(piece);
  }
  if (reported == 0) std::for_each(first, last, [this](const SyntaxError& e) { report(e); });
}

std::size_t Recovery::read_piece(ByteRange piece) {
  const Tree tree = m_parser.parse_range(m_context.text(), m_lines.range(piece));
  if (!tree) return 0;
  const TSNode root = ts_tree_root_node(tree.get());
  for (TSNode node : top_level_nodes(m_context, root)) {
    if (!ts_node_has_error(node)) read_top_level(m_context, node, m_out);
  }
  const std::vector<SyntaxError> errors =
      find_syntax_errors(m_context, root, k_max_collected_errors);
  for (const SyntaxError& error : errors) report(error);
  return errors.size();
}

}  // namespace

std::vector<TSNode> top_level_nodes(ParseContext& context, TSNode root) {
  const Grammar& g = context.syntax();
  std::vector<TSNode> nodes;
  ChildCursor children(context.cursors(), root);
  for (TSNode child; children.next(child);) {
    if (ts_node_symbol(child) != g.body) continue;
    ChildCursor entries(context.cursors(), child);
    for (TSNode entry; entries.next(entry);) {
      const TSSymbol symbol = ts_node_symbol(entry);
      if (symbol == g.block || symbol == g.attribute) nodes.push_back(entry);
    }
  }
  return nodes;
}

void read_with_recovery(ParseContext& context, Parser& parser, TSNode root,
                        std::vector<ReadBlock>& out, ByteRange bounds) {
  Recovery(context, parser, out, bounds).read(root);
}

}  // namespace blastgraph::terraform
