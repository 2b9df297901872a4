#include "blastgraph/parsers/iam/wildcard.hpp"

#include "iam/pattern_match.hpp"

namespace blastgraph::iam {
namespace detail {
namespace {

enum class TokenKind : unsigned char { literal, any_run, any_char };

struct Token {
  TokenKind kind = TokenKind::literal;
  char literal = '\0';
  std::size_t width = 1;  // pattern bytes the token spans
};

// `${*}`, `${?}` and `${$}` are AWS's escapes for the literal characters; any other
// `${...}` is a variable. An unclosed `${` is just text.
Token read_variable(std::string_view pattern, std::size_t at) {
  const std::size_t close = pattern.find('}', at + 2);
  if (close == std::string_view::npos) return {TokenKind::literal, '$', 1};
  const std::string_view inner = pattern.substr(at + 2, close - at - 2);
  const std::size_t width = close - at + 1;
  if (inner == "*" || inner == "?" || inner == "$") return {TokenKind::literal, inner[0], width};
  return {TokenKind::any_run, '\0', width};
}

Token read_token(std::string_view pattern, std::size_t at, PatternSyntax syntax) {
  const char c = pattern[at];
  if (c == '*') return {TokenKind::any_run, '\0', 1};
  if (c == '?') return {TokenKind::any_char, '\0', 1};
  if (c == '$' && syntax == PatternSyntax::policy_variables && at + 1 < pattern.size() &&
      pattern[at + 1] == '{') {
    return read_variable(pattern, at);
  }
  return {TokenKind::literal, c, 1};
}

bool same_char(char a, char b, CaseSensitivity sensitivity) {
  return sensitivity == CaseSensitivity::sensitive ? a == b : fold_case(a) == fold_case(b);
}

}  // namespace

char fold_case(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Greedy matching that backtracks only to the last `*`: a later star can always absorb what an
// earlier one would have, so one backtrack point suffices and the loop is O(n*m) at worst.
bool match_pattern(std::string_view pattern, std::string_view text, CaseSensitivity sensitivity,
                   PatternSyntax syntax) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star_after = std::string_view::npos;  // pattern index after the last any_run
  std::size_t star_text = 0;                        // text index that any_run now ends at
  while (t < text.size()) {
    if (p < pattern.size()) {
      const Token token = read_token(pattern, p, syntax);
      if (token.kind == TokenKind::any_run) {
        p += token.width;
        star_after = p;
        star_text = t;
        continue;
      }
      if (token.kind == TokenKind::any_char || same_char(token.literal, text[t], sensitivity)) {
        p += token.width;
        ++t;
        continue;
      }
    }
    if (star_after == std::string_view::npos) return false;
    p = star_after;
    t = ++star_text;
  }
  while (p < pattern.size()) {
    const Token token = read_token(pattern, p, syntax);
    if (token.kind != TokenKind::any_run) return false;
    p += token.width;
  }
  return true;
}

}  // namespace detail

bool wildcard_match(std::string_view pattern, std::string_view text, CaseSensitivity sensitivity) {
  return detail::match_pattern(pattern, text, sensitivity, detail::PatternSyntax::glob);
}

bool has_wildcard(std::string_view pattern) {
  return pattern.find_first_of("*?") != std::string_view::npos;
}

}  // namespace blastgraph::iam
