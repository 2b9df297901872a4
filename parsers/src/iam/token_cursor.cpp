#include "iam/token_cursor.hpp"

#include <algorithm>

namespace blastgraph::iam::json {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_separator(char c) { return is_space(c) || c == ',' || c == ':'; }

bool is_structural(char c) {
  return c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':';
}

}  // namespace

TokenCursor::TokenCursor(std::string_view text, const Placement& placement)
    : m_text(text), m_placement(placement) {
  if (m_text.substr(0, 3) == "\xEF\xBB\xBF") advance_to(3);  // nlohmann skips a BOM too
}

SourcePosition TokenCursor::take() {
  std::size_t start = m_offset;
  while (start < m_text.size() && is_separator(m_text[start])) ++start;
  advance_to(start);
  const SourcePosition position = placed(m_line, m_column);
  const std::size_t end = token_end(start);
  m_last_token = m_text.substr(start, end - start);
  advance_to(end);
  return position;
}

SourcePosition TokenCursor::error_position(std::size_t last_read) const {
  if (last_read >= m_text.size()) return position_of(m_text.size());  // unexpected end
  std::size_t found = last_read;
  for (std::size_t at = m_offset; at < m_text.size();) {
    while (at < m_text.size() && is_space(m_text[at])) ++at;
    if (at >= m_text.size() || at > last_read) break;
    found = at;
    at = token_end(at);
  }
  return position_of(found);
}

SourcePosition TokenCursor::position_of(std::size_t offset) const {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < offset && i < m_text.size(); ++i) {
    if (m_text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return placed(line, column);
}

// One past the end of the token starting at `start`. Structural characters, ':' and ',' are
// tokens of their own here, as the parser reads them.
std::size_t TokenCursor::token_end(std::size_t start) const {
  if (start >= m_text.size()) return start;
  const char c = m_text[start];
  if (is_structural(c)) return start + 1;
  std::size_t end = start + 1;
  if (c == '"') {
    while (end < m_text.size() && m_text[end] != '"') {
      end += m_text[end] == '\\' ? std::size_t{2} : std::size_t{1};
    }
    return std::min(end + 1, m_text.size());
  }
  while (end < m_text.size() && !is_separator(m_text[end]) && !is_structural(m_text[end])) ++end;
  return end;
}

void TokenCursor::advance_to(std::size_t offset) {
  for (; m_offset < offset && m_offset < m_text.size(); ++m_offset) {
    if (m_text[m_offset] == '\n') {
      ++m_line;
      m_column = 1;
    } else {
      ++m_column;
    }
  }
}

SourcePosition TokenCursor::placed(std::uint32_t line, std::uint32_t column) const {
  if (m_placement.collapse) return m_placement.start;
  if (line == 1) return {m_placement.start.line, m_placement.start.column + column - 1};
  return {m_placement.start.line + line - 1, column};
}

}  // namespace blastgraph::iam::json
