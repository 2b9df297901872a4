#include "terraform/hcl_expr.hpp"

#include <array>
#include <cctype>
#include <string_view>

namespace blastgraph::analyzer::terraform_link {
namespace {

constexpr int k_max_depth = 64;

// By precedence, loosest first.
constexpr std::array<std::array<std::string_view, 2>, 3> k_binary_operators = {{
    {"||", ""},
    {"&&", ""},
    {"==", "!="},
}};

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool is_ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

class Reader {
 public:
  explicit Reader(std::string_view text) : m_text(text) {}

  Expr read_all() {
    Expr expr = read(0);
    skip_space(true);
    if (m_at < m_text.size()) return unknown_from(0, m_text.size());
    return expr;
  }

 private:
  [[nodiscard]] bool done() const { return m_at >= m_text.size(); }
  [[nodiscard]] char peek(std::size_t ahead = 0) const {
    return m_at + ahead < m_text.size() ? m_text[m_at + ahead] : '\0';
  }

  // Whitespace and comments; newlines only when `newlines` (they end object items).
  void skip_space(bool newlines) {
    while (!done()) {
      const char c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
        ++m_at;
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        while (!done() && peek() != '\n') ++m_at;
      } else if (c == '/' && peek(1) == '*') {
        const auto end = m_text.find("*/", m_at + 2);
        m_at = end == std::string_view::npos ? m_text.size() : end + 2;
      } else {
        return;
      }
    }
  }

  Expr unknown_from(std::size_t start, std::size_t end) {
    Expr e;
    e.offset = start;
    e.text = std::string(m_text.substr(start, end - start));
    while (!e.text.empty() && std::isspace(static_cast<unsigned char>(e.text.back())) != 0) {
      e.text.pop_back();
    }
    return e;
  }

  // Skips to the end of the current expression: a ',' or closing bracket at depth 0, or a
  // newline at depth 0 when newlines end items here. Strings and heredocs are skipped whole.
  void skip_rest(bool newline_ends) {
    int depth = 0;
    while (!done()) {
      const char c = peek();
      if (c == '"') {
        skip_string();
        continue;
      }
      if (depth == 0 && (c == ',' || c == ')' || c == ']' || c == '}')) return;
      if (depth == 0 && newline_ends && c == '\n') return;
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') --depth;
      ++m_at;
    }
  }

  void skip_string() {
    ++m_at;
    while (!done() && peek() != '"') {
      if (peek() == '\\') ++m_at;
      if (peek() == '$' && peek(1) == '{') {
        m_at += 2;
        int depth = 1;
        while (!done() && depth > 0) {
          if (peek() == '"') {
            skip_string();
            continue;
          }
          if (peek() == '{') ++depth;
          if (peek() == '}') --depth;
          ++m_at;
        }
        continue;
      }
      ++m_at;
    }
    if (!done()) ++m_at;
  }

  // One expression; `newline_ends` when it is an object value (a newline ends the item).
  Expr read(int depth, bool newline_ends = true) {
    skip_space(true);
    const std::size_t start = m_at;
    if (depth > k_max_depth || done()) {
      skip_rest(newline_ends);
      return unknown_from(start, m_at);
    }
    Expr primary = read_conditional(depth, newline_ends);
    skip_space(!newline_ends);
    const char next = peek();
    const bool ends = done() || next == ',' || next == ')' || next == ']' || next == '}' ||
                      next == '\n' ||
                      (m_in_object_key && (next == ':' || (next == '=' && peek(1) != '=')));
    if (primary.kind != Expr::Kind::unknown && ends) return primary;
    // An operator, a conditional or a form this reader does not model: the whole expression
    // stays symbolic.
    m_at = start;
    skip_rest(newline_ends);
    return unknown_from(start, m_at);
  }

  // condition ? then : else, the lowest precedence; its parts may be conditionals too.
  Expr read_conditional(int depth, bool newline_ends) {
    const std::size_t start = m_at;
    Expr condition = read_binary(0, depth, newline_ends);
    skip_space(!newline_ends);
    if (peek() != '?') return condition;
    ++m_at;
    skip_space(!newline_ends);
    Expr then = read_conditional(depth + 1, newline_ends);
    skip_space(!newline_ends);
    if (peek() != ':') return unknown_from(start, m_at);
    ++m_at;
    skip_space(!newline_ends);
    Expr otherwise = read_conditional(depth + 1, newline_ends);
    std::vector<Expr> parts;
    parts.push_back(std::move(condition));
    parts.push_back(std::move(then));
    parts.push_back(std::move(otherwise));
    return {Expr::Kind::conditional, {}, std::move(parts), {}, start};
  }

  // The operator of precedence `level` at the current position, or empty: `||` binds least,
  // then `&&`, then `==` and `!=`.
  [[nodiscard]] std::string_view binary_operator(int level) const {
    const std::string_view rest = m_text.substr(m_at);
    for (const std::string_view op : k_binary_operators[static_cast<std::size_t>(level)]) {
      if (!op.empty() && rest.starts_with(op)) return op;
    }
    return {};
  }

  Expr read_binary(int level, int depth, bool newline_ends) {
    if (level == static_cast<int>(k_binary_operators.size())) return read_unary(depth);
    Expr left = read_binary(level + 1, depth, newline_ends);
    for (;;) {
      skip_space(!newline_ends);
      const std::string_view op = binary_operator(level);
      if (op.empty()) return left;
      m_at += op.size();
      skip_space(!newline_ends);
      Expr right = read_binary(level + 1, depth + 1, newline_ends);
      const std::size_t offset = left.offset;
      left = {Expr::Kind::operation, std::string(op), {std::move(left), std::move(right)}, {},
              offset};
    }
  }

  Expr read_unary(int depth) {
    if (peek() == '!' && peek(1) != '=') {
      const std::size_t start = m_at;
      ++m_at;
      skip_space(false);
      if (depth > k_max_depth) return unknown_from(start, m_at);
      Expr operand = read_unary(depth + 1);
      return {Expr::Kind::operation, "!", {std::move(operand)}, {}, start};
    }
    return read_primary(depth);
  }

  Expr read_primary(int depth) {
    const std::size_t start = m_at;
    const char c = peek();
    if (c == '"') return read_quoted(depth);
    if (c == '<' && peek(1) == '<') return read_heredoc(depth);
    if (c == '[') return read_tuple(depth);
    if (c == '{') return read_object(depth);
    if (c == '(') {
      ++m_at;
      Expr inner = read(depth + 1, false);
      skip_space(true);
      if (peek() != ')') return unknown_from(start, m_at);
      ++m_at;
      return inner;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) != 0 ||
        (c == '-' && std::isdigit(static_cast<unsigned char>(peek(1))) != 0)) {
      ++m_at;
      while (!done() && (std::isalnum(static_cast<unsigned char>(peek())) != 0 || peek() == '.')) {
        ++m_at;
      }
      Expr e{Expr::Kind::number, std::string(m_text.substr(start, m_at - start)), {}, {}, start};
      return e;
    }
    if (is_ident_start(c)) return read_name(depth);
    ++m_at;
    return unknown_from(start, m_at);
  }

  Expr read_name(int depth) {
    const std::size_t start = m_at;
    while (!done() && (is_ident_char(peek()) || (peek() == ':' && peek(1) == ':'))) {
      m_at += peek() == ':' ? 2U : 1U;
    }
    const std::string name(m_text.substr(start, m_at - start));
    if (name == "true" || name == "false") return {Expr::Kind::boolean, name, {}, {}, start};
    if (name == "null") return {Expr::Kind::null, name, {}, {}, start};
    if (name == "for") return unknown_from(start, m_at);  // inside [ ] or { }: caller skips
    skip_space(false);
    if (peek() == '(') return read_call(name, start, depth);
    Expr ref{Expr::Kind::reference, name, {}, {}, start};
    while (!done()) {
      if (peek() == '.' && (is_ident_start(peek(1)) || peek(1) == '*' ||
                            std::isdigit(static_cast<unsigned char>(peek(1))) != 0)) {
        const std::size_t from = m_at;
        ++m_at;
        while (!done() && (is_ident_char(peek()) || peek() == '*')) ++m_at;
        ref.text += m_text.substr(from, m_at - from);
      } else if (peek() == '[') {
        const std::size_t from = m_at;
        int level = 0;
        while (!done()) {
          if (peek() == '"') {
            skip_string();
            continue;
          }
          if (peek() == '[') ++level;
          if (peek() == ']' && --level == 0) break;
          ++m_at;
        }
        if (done()) return unknown_from(start, m_at);
        ++m_at;
        ref.text += m_text.substr(from, m_at - from);
      } else {
        break;
      }
    }
    return ref;
  }

  Expr read_call(const std::string& name, std::size_t start, int depth) {
    Expr call{Expr::Kind::call, name, {}, {}, start};
    ++m_at;  // (
    for (;;) {
      skip_space(true);
      if (peek() == ')') break;
      if (done()) return unknown_from(start, m_at);
      call.items.push_back(read(depth + 1, false));
      skip_space(true);
      if (peek() == '.' && peek(1) == '.' && peek(2) == '.') m_at += 3;  // expansion
      skip_space(true);
      if (peek() == ',') ++m_at;
      else if (peek() != ')') return unknown_from(start, m_at);
    }
    ++m_at;
    return call;
  }

  // At an opening `[` or `{`: steps inside it. When a for expression follows, skips the
  // whole bracket instead and returns true (the caller keeps it as unknown text).
  bool enter_or_skip_for() {
    const std::size_t start = m_at;
    ++m_at;
    skip_space(true);
    if (!m_text.substr(m_at).starts_with("for") || is_ident_char(peek(3))) return false;
    m_at = start;
    skip_bracketed();
    return true;
  }

  Expr read_tuple(int depth) {
    const std::size_t start = m_at;
    if (enter_or_skip_for()) return unknown_from(start, m_at);
    Expr tuple{Expr::Kind::tuple, {}, {}, {}, start};
    for (;;) {
      skip_space(true);
      if (peek() == ']') break;
      if (done()) return unknown_from(start, m_at);
      tuple.items.push_back(read(depth + 1, false));
      skip_space(true);
      if (peek() == ',') ++m_at;
      else if (peek() != ']') return unknown_from(start, m_at);
    }
    ++m_at;
    return tuple;
  }

  Expr read_object(int depth) {
    const std::size_t start = m_at;
    if (enter_or_skip_for()) return unknown_from(start, m_at);
    Expr object{Expr::Kind::object, {}, {}, {}, start};
    for (;;) {
      skip_space(true);
      if (peek() == '}') break;
      if (done()) return unknown_from(start, m_at);
      const bool outer = m_in_object_key;
      m_in_object_key = true;
      Expr key = read(depth + 1, true);
      m_in_object_key = outer;
      // A bare name is the key itself, not a reference to it.
      if (key.kind == Expr::Kind::reference && key.text.find_first_of(".[") == std::string::npos) {
        key.kind = Expr::Kind::string;
      }
      skip_space(false);
      if (peek() != '=' && peek() != ':') return unknown_from(start, m_at);
      ++m_at;
      Expr value = read(depth + 1, true);
      object.fields.emplace_back(std::move(key), std::move(value));
      skip_space(false);
      if (peek() == ',') ++m_at;
    }
    ++m_at;
    return object;
  }

  void skip_bracketed() {
    int level = 0;
    while (!done()) {
      const char c = peek();
      if (c == '"') {
        skip_string();
        continue;
      }
      if (c == '[' || c == '{' || c == '(') ++level;
      if ((c == ']' || c == '}' || c == ')') && --level == 0) {
        ++m_at;
        return;
      }
      ++m_at;
    }
  }

  // Appends literal text to a template's parts, merging with a literal before it.
  static void add_literal(Expr& tmpl, std::string text, std::size_t offset) {
    if (!tmpl.items.empty() && tmpl.items.back().kind == Expr::Kind::string) {
      tmpl.items.back().text += text;
      return;
    }
    tmpl.items.push_back({Expr::Kind::string, std::move(text), {}, {}, offset});
  }

  // `${ expr }` at m_at (past the opener); a directive `%{ ... }` is one unknown part.
  void read_interpolation(Expr& tmpl, bool directive, int depth) {
    const std::size_t start = m_at - 2;
    if (directive) {
      m_at = start + 1;
      skip_bracketed();
      tmpl.items.push_back(unknown_from(start, m_at));
      return;
    }
    if (peek() == '~') ++m_at;
    Expr inner = read(depth + 1, false);
    skip_space(true);
    if (peek() == '~') ++m_at;
    if (peek() == '}') {
      ++m_at;
      tmpl.items.push_back(std::move(inner));
      return;
    }
    m_at = start + 1;
    skip_bracketed();
    tmpl.items.push_back(unknown_from(start, m_at));
  }

  // A template's parts; a template that is one literal is a string.
  static Expr finish_template(Expr tmpl) {
    if (tmpl.items.empty()) return {Expr::Kind::string, {}, {}, {}, tmpl.offset};
    if (tmpl.items.size() == 1 && tmpl.items[0].kind == Expr::Kind::string) {
      Expr s = std::move(tmpl.items[0]);
      s.offset = tmpl.offset;
      return s;
    }
    return tmpl;
  }

  // One step through a template body (quoted or heredoc) at m_at: an interpolation or a
  // directive, an escaped `$${` or `%%{`, or one literal character.
  void read_template_step(Expr& tmpl, int depth) {
    const char c = peek();
    if ((c == '$' || c == '%') && peek(1) == '{') {
      m_at += 2;
      read_interpolation(tmpl, c == '%', depth);
    } else if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {
      add_literal(tmpl, std::string(1, c) + "{", m_at);
      m_at += 3;
    } else {
      add_literal(tmpl, std::string(1, c), m_at);
      ++m_at;
    }
  }

  Expr read_quoted(int depth) {
    Expr tmpl{Expr::Kind::template_, {}, {}, {}, m_at};
    ++m_at;
    while (!done() && peek() != '"' && peek() != '\n') {
      if (peek() == '\\' && m_at + 1 < m_text.size()) {
        const char e = peek(1);
        m_at += 2;
        std::string out(1, e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
        add_literal(tmpl, std::move(out), m_at - 2);
      } else {
        read_template_step(tmpl, depth);
      }
    }
    if (peek() != '"') return unknown_from(tmpl.offset, m_at);
    ++m_at;
    return finish_template(std::move(tmpl));
  }

  Expr read_heredoc(int depth);

  std::string_view m_text;
  std::size_t m_at = 0;
  bool m_in_object_key = false;
};

// `<<EOF` / `<<-EOF`: the lines up to the marker line; `<<-` strips the common indentation.
Expr Reader::read_heredoc(int depth) {
  const std::size_t start = m_at;
  m_at += 2;
  const bool strip = peek() == '-';
  if (strip) ++m_at;
  const std::size_t name_start = m_at;
  while (!done() && is_ident_char(peek())) ++m_at;
  const std::string marker(m_text.substr(name_start, m_at - name_start));
  const auto body_start = m_text.find('\n', m_at);
  if (marker.empty() || body_start == std::string_view::npos) return unknown_from(start, m_at);
  // Find the closing marker line and the indentation to strip.
  std::size_t line = body_start + 1;
  std::size_t body_end = std::string_view::npos;
  std::size_t indent = std::string_view::npos;
  while (line <= m_text.size()) {
    const std::size_t end = std::min(m_text.find('\n', line), m_text.size());
    const std::string_view content = m_text.substr(line, end - line);
    const auto first = content.find_first_not_of(" \t");
    if (first != std::string_view::npos && content.substr(first) == marker) {
      body_end = line;
      m_at = end;
      break;
    }
    if (first != std::string_view::npos) indent = std::min(indent, first);
    line = end + 1;
  }
  if (body_end == std::string_view::npos) return unknown_from(start, m_text.size());
  const std::size_t after = m_at;
  Expr tmpl{Expr::Kind::template_, {}, {}, {}, start};
  if (!strip || indent == std::string_view::npos) indent = 0;
  for (line = body_start + 1; line < body_end;) {
    const std::size_t end = std::min(m_text.find('\n', line), body_end);
    m_at = line + std::min(indent, end - line);
    while (m_at < end) read_template_step(tmpl, depth);
    if (end < body_end) add_literal(tmpl, "\n", end);
    line = std::max(end + 1, m_at);
  }
  m_at = after;
  return finish_template(std::move(tmpl));
}

}  // namespace

Expr read_expression(std::string_view text) { return Reader(text).read_all(); }

SourcePosition position_at(std::string_view text, SourcePosition start, std::size_t offset) {
  offset = std::min(offset, text.size());
  const auto before = text.substr(0, offset);
  const auto last_newline = before.rfind('\n');
  if (last_newline == std::string_view::npos) {
    return {start.line, start.column + static_cast<std::uint32_t>(offset)};
  }
  std::uint32_t lines = 0;
  for (char c : before) lines += c == '\n' ? 1U : 0U;
  return {start.line + lines, static_cast<std::uint32_t>(offset - last_newline)};
}

}  // namespace blastgraph::analyzer::terraform_link
