#include "report/markdown_util.hpp"

#include <algorithm>

namespace blastgraph::analyzer::markdown {
namespace {

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

// Line breaks and tabs: they would end a table row or a list item, so they print as spaces.
bool is_break(char c) {
  return c == '\n' || c == '\r' || c == '\t';
}

// The entity for a character that HTML would read as markup, or GitHub as a mention; empty
// for any other.
std::string_view entity(char c) {
  switch (c) {
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '&':
      return "&amp;";
    case '@':
      return "&#64;";
    default:
      return {};
  }
}

// Punctuation that could start Markdown markup (emphasis, links, code, headings, math).
bool is_markup(char c) {
  constexpr std::string_view k_markup = "\\`*_[]~#!$";
  return k_markup.find(c) != std::string_view::npos;
}

}  // namespace

std::string escape_text(std::string_view text, Context context) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (const char c : text) {
    if (const auto e = entity(c); !e.empty()) {
      out += e;
    } else if (is_break(c)) {
      out += ' ';
    } else if (c == '|') {
      out += context == Context::table_cell ? "\\|" : "&#124;";
    } else {
      if (is_markup(c)) out += '\\';
      out += c;
    }
  }
  return out;
}

std::string code(std::string_view text, Context context) {
  if (text.empty()) return {};
  std::string body;
  body.reserve(text.size());
  std::size_t run = 0;
  std::size_t longest = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    if (is_break(c)) {
      body += ' ';
    } else if (c == '|' && context == Context::table_cell) {
      body += "\\|";  // GFM splits cells before it parses code spans
    } else {
      body += c;
    }
  }
  const std::string fence(longest + 1, '`');
  // A span that starts or ends with a backtick needs a space inside the fence.
  const bool pad = body.front() == '`' || body.back() == '`';
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string escape_html(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '"') {
      out += "&quot;";
    } else if (const auto e = entity(c); !e.empty()) {
      out += e;
    } else if (is_break(c)) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string clip(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t end = max_bytes;
  while (end > 0 && is_continuation(text[end])) --end;
  return std::string(text.substr(0, end)) + "\u2026";
}

}  // namespace blastgraph::analyzer::markdown
