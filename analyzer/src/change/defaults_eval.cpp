#include "change/defaults_eval.hpp"

#include <cctype>
#include <vector>

namespace blastgraph::analyzer::opt_in {
namespace {

using Kind = Worth::Kind;

constexpr int k_max_depth = 8;  // defaults that refer to other variables, bounded

struct Token {
  enum class Type { end, name, number, string, punct, other };
  Type type = Type::end;
  std::string text;
};

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
}

// HCL expression text -> tokens; a template string ("${...}") is `other`.
std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      ++i;
    } else if (c == '"') {
      std::string value;
      bool templated = false;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
          value += text[++i];
          continue;
        }
        if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') templated = true;
        value += text[i];
      }
      ++i;
      out.push_back({templated ? Token::Type::other : Token::Type::string, value});
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      std::size_t end = i;
      while (end < text.size() &&
             (std::isdigit(static_cast<unsigned char>(text[end])) != 0 || text[end] == '.'))
        ++end;
      out.push_back({Token::Type::number, std::string(text.substr(i, end - i))});
      i = end;
    } else if (std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_') {
      std::size_t end = i;
      while (end < text.size() && is_name_char(text[end])) ++end;
      // Index steps belong to the reference: var.x["a"], local.y[0].
      while (end < text.size() && text[end] == '[') {
        const auto close = text.find(']', end);
        if (close == std::string_view::npos) break;
        end = close + 1;
        while (end < text.size() && is_name_char(text[end])) ++end;
      }
      out.push_back({Token::Type::name, std::string(text.substr(i, end - i))});
      i = end;
    } else {
      const auto two = text.substr(i, 2);
      if (two == "&&" || two == "||" || two == "==" || two == "!=" || two == ">=" || two == "<=") {
        out.push_back({Token::Type::punct, std::string(two)});
        i += 2;
      } else {
        out.push_back({Token::Type::punct, std::string(1, c)});
        ++i;
      }
    }
  }
  return out;
}

class Evaluator {
 public:
  Evaluator(std::string_view text, const Defaults& defaults, int depth)
      : m_tokens(tokenize(text)), m_defaults(defaults), m_depth(depth) {}

  Worth run() {
    auto value = ternary();
    if (peek().type != Token::Type::end) return {};  // something it does not read
    return value;
  }

 private:
  const Token& peek() const {
    static const Token k_end;
    return m_at < m_tokens.size() ? m_tokens[m_at] : k_end;
  }
  bool accept(std::string_view punct) {
    if (peek().type == Token::Type::punct && peek().text == punct) {
      ++m_at;
      return true;
    }
    return false;
  }

  static std::optional<bool> truth(const Worth& w) {
    if (w.kind != Kind::boolean) return std::nullopt;
    return w.text == "true";
  }
  static Worth boolean(bool b) { return {Kind::boolean, b ? "true" : "false"}; }

  Worth ternary() {
    auto condition = logical_or();
    if (!accept("?")) return condition;
    auto yes = ternary();
    if (!accept(":")) return {};
    auto no = ternary();
    if (const auto t = truth(condition)) return *t ? yes : no;
    return yes.scalar() && yes == no ? yes : Worth{};
  }

  Worth logical_or() { return chain("||", &Evaluator::logical_and, true); }
  Worth logical_and() { return chain("&&", &Evaluator::equality, false); }

  // `a op b op c`, where an operand equal to `decisive` decides (true for ||, false for &&),
  // both known and neither decisive give the other value, and anything else is unknown.
  Worth chain(std::string_view op, Worth (Evaluator::*operand)(), bool decisive) {
    auto left = (this->*operand)();
    while (accept(op)) {
      auto right = (this->*operand)();
      const auto a = truth(left);
      const auto b = truth(right);
      if ((a && *a == decisive) || (b && *b == decisive)) {
        left = boolean(decisive);
      } else if (a && b) {
        left = boolean(!decisive);
      } else {
        left = {};
      }
    }
    return left;
  }

  Worth equality() {
    auto left = unary();
    for (;;) {
      const bool equal = accept("==");
      if (!equal && !accept("!=")) return left;
      auto right = unary();
      if (!left.scalar() || !right.scalar()) {
        left = {};
        continue;
      }
      left = boolean((left == right) == equal);
    }
  }

  Worth unary() {
    if (accept("!")) {
      const auto t = truth(unary());
      return t ? boolean(!*t) : Worth{};
    }
    return primary();
  }

  Worth primary() {
    const Token token = peek();
    ++m_at;
    switch (token.type) {
      case Token::Type::number:
        return {Kind::number, token.text};
      case Token::Type::string:
        return token.text.empty() ? Worth{Kind::string, ""} : Worth{Kind::string, token.text};
      case Token::Type::name:
        return name(token.text);
      case Token::Type::punct:
        return punct(token.text);
      default:
        return {};
    }
  }

  Worth punct(const std::string& text) {
    if (text == "(") {
      auto inner = ternary();
      return accept(")") ? inner : Worth{};
    }
    const bool list = text == "[";
    if (!list && text != "{") return {};
    const std::string close = list ? "]" : "}";
    if (accept(close)) return {Kind::empty, ""};
    // A non-empty collection: skip to its end, whatever it holds.
    for (int nesting = 1; nesting > 0 && peek().type != Token::Type::end; ++m_at) {
      const auto& t = peek();
      if (t.type != Token::Type::punct) continue;
      if (t.text == "[" || t.text == "{" || t.text == "(") ++nesting;
      if (t.text == "]" || t.text == "}" || t.text == ")") --nesting;
    }
    return {Kind::collection, ""};
  }

  Worth name(const std::string& text) {
    if (text == "null") return {Kind::null, ""};
    if (text == "true" || text == "false") return boolean(text == "true");
    if (accept("(")) return call(text);
    if (text.starts_with("var.") && text.find('[') == std::string::npos &&
        text.find('.', 4) == std::string::npos) {
      const auto found = m_defaults.find(std::string_view(text).substr(4));
      if (found == m_defaults.end() || !found->second || m_depth >= k_max_depth) return {};
      return Evaluator(*found->second, m_defaults, m_depth + 1).run();
    }
    return {};
  }

  Worth call(const std::string& function) {
    std::vector<Worth> args;
    if (!accept(")")) {
      do {
        args.push_back(ternary());
      } while (accept(","));
      if (!accept(")")) return {};
    }
    // A key the caller's maps do not have yet: the fallback.
    if ((function == "lookup" && args.size() == 3) || (function == "try" && !args.empty())) {
      return args.back();
    }
    if (function == "length" && args.size() == 1 &&
        (args[0].kind == Kind::empty || args[0].kind == Kind::null)) {
      return {Kind::number, "0"};
    }
    return {};
  }

  std::vector<Token> m_tokens;
  std::size_t m_at = 0;
  const Defaults& m_defaults;
  int m_depth;
};

}  // namespace

bool Worth::inert() const {
  return kind == Kind::null || kind == Kind::empty || (kind == Kind::boolean && text == "false") ||
         (kind == Kind::number && text == "0");
}

Worth evaluate(std::string_view expression, const Defaults& defaults) {
  return Evaluator(expression, defaults, 0).run();
}

}  // namespace blastgraph::analyzer::opt_in
