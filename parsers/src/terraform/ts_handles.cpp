#include "terraform/ts_handles.hpp"

#include <algorithm>
#include <cstdint>

#include "terraform/grammar.hpp"

namespace blastgraph::terraform {

Parser::Parser() : m_parser(ts_parser_new()) {
  ts_parser_set_language(m_parser, tree_sitter_hcl());
}

Parser::~Parser() {
  ts_parser_delete(m_parser);
}

LineIndex::LineIndex(std::string_view text) {
  m_starts.push_back(0);
  for (std::size_t at = text.find('\n'); at != std::string_view::npos;
       at = text.find('\n', at + 1)) {
    m_starts.push_back(static_cast<std::uint32_t>(at + 1));
  }
}

TSPoint LineIndex::point(std::uint32_t byte) const {
  const auto after = std::upper_bound(m_starts.begin(), m_starts.end(), byte);
  const auto row = static_cast<std::uint32_t>(after - m_starts.begin()) - 1;
  return {row, byte - m_starts[row]};
}

Tree Parser::parse(std::string_view text) {
  // An empty range list means "the whole document".
  ts_parser_set_included_ranges(m_parser, nullptr, 0);
  return Tree(ts_parser_parse_string(m_parser, nullptr, text.data(),
                                     static_cast<std::uint32_t>(text.size())));
}

Tree Parser::parse_range(std::string_view text, const TSRange& range) {
  if (!ts_parser_set_included_ranges(m_parser, &range, 1)) return nullptr;
  return Tree(ts_parser_parse_string(m_parser, nullptr, text.data(),
                                     static_cast<std::uint32_t>(text.size())));
}

CursorPool::~CursorPool() {
  for (TSTreeCursor& cursor : m_idle) ts_tree_cursor_delete(&cursor);
}

TSTreeCursor CursorPool::acquire(TSNode node) {
  if (m_idle.empty()) return ts_tree_cursor_new(node);
  TSTreeCursor cursor = m_idle.back();
  m_idle.pop_back();
  ts_tree_cursor_reset(&cursor, node);
  return cursor;
}

void CursorPool::release(TSTreeCursor cursor) {
  try {
    m_idle.push_back(cursor);
  } catch (...) {
    // Out of memory while recycling: free the cursor instead of keeping it.
    ts_tree_cursor_delete(&cursor);
  }
}

}  // namespace blastgraph::terraform
