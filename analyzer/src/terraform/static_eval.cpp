#include "terraform/static_eval.hpp"

#include <cctype>
#include <string_view>

namespace blastgraph::analyzer::terraform_link {
namespace {

constexpr int k_max_depth = 32;
constexpr char k_unknown = '*';

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) text.remove_suffix(1);
  return text;
}

bool is_identifier(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_' && c != '-') return false;
  }
  return true;
}

bool is_number_or_bool(std::string_view text) {
  if (text == "true" || text == "false") return true;
  if (text.empty()) return false;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0 && c != '.' && c != '-') return false;
  }
  return true;
}

class Evaluator {
 public:
  std::optional<std::string> eval(const Instance& scope, std::string_view expression, int depth) {
    if (depth > k_max_depth) return std::nullopt;
    const auto text = trim(expression);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
      return eval_template(scope, text.substr(1, text.size() - 2), depth);
    }
    if (is_number_or_bool(text)) return std::string(text);
    if (text.starts_with("var.") && is_identifier(text.substr(4))) {
      return eval_variable(scope, std::string(text.substr(4)), depth);
    }
    if (text.starts_with("local.") && is_identifier(text.substr(6))) {
      const auto name = std::string(text.substr(6));
      auto decl = scope.dir->by_address.find("local." + name);
      if (decl == scope.dir->by_address.end()) return std::nullopt;
      auto value = decl->second->attributes.find(name);
      if (value == decl->second->attributes.end()) return std::nullopt;
      return eval_value(scope, value->second, depth + 1);
    }
    return std::nullopt;
  }

  std::optional<std::string> eval_value(const Instance& scope, const terraform::Value& value,
                                        int depth) {
    if (value.literal) return value.literal;
    return eval(scope, value.expression, depth);
  }

 private:
  // A caller's input, else the variable's default.
  std::optional<std::string> eval_variable(const Instance& scope, const std::string& name, int depth) {
    if (scope.call != nullptr) {
      if (auto it = scope.call->attributes.find(name); it != scope.call->attributes.end()) {
        return eval_value(*scope.parent, it->second, depth + 1);
      }
    }
    auto decl = scope.dir->by_address.find("var." + name);
    if (decl == scope.dir->by_address.end()) return std::nullopt;
    auto def = decl->second->attributes.find("default");
    if (def == decl->second->attributes.end()) return std::nullopt;
    return eval_value(scope, def->second, depth + 1);
  }

  // The inside of a quoted template: literal text, escapes, `${ expr }` and `%{ directive }`.
  std::optional<std::string> eval_template(const Instance& scope, std::string_view body, int depth) {
    std::string out;
    bool known_part = body.empty();
    for (std::size_t i = 0; i < body.size(); ++i) {
      const char c = body[i];
      if (c == '\\' && i + 1 < body.size()) {
        const char next = body[++i];
        out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
        known_part = true;
      } else if ((c == '$' || c == '%') && i + 1 < body.size() && body[i + 1] == '{') {
        if (i + 2 < body.size() && body[i + 2] == c) {  // "$${" is a literal "${"
          out += c;
          continue;
        }
        const auto end = closing_brace(body, i + 2);
        if (end == std::string_view::npos) return std::nullopt;
        auto inner = c == '$' ? eval(scope, body.substr(i + 2, end - i - 2), depth + 1) : std::nullopt;
        if (inner) known_part = true;
        out += inner ? *inner : std::string(1, k_unknown);
        i = end;
      } else {
        out += c;
        known_part = true;
      }
    }
    if (!known_part) return std::nullopt;
    return out;
  }

  static std::size_t closing_brace(std::string_view text, std::size_t from) {
    int depth = 1;
    bool in_string = false;
    for (std::size_t i = from; i < text.size(); ++i) {
      const char c = text[i];
      if (in_string) {
        if (c == '\\') ++i;
        else if (c == '"') in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{') {
        ++depth;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return std::string_view::npos;
  }
};

}  // namespace

std::optional<std::string> static_pattern(const Instance& instance, const terraform::Value& value) {
  return Evaluator().eval_value(instance, value, 0);
}

std::optional<std::string> static_string(const Instance& instance, const terraform::Value& value) {
  auto pattern = static_pattern(instance, value);
  if (!pattern || pattern->find(k_unknown) != std::string::npos) return std::nullopt;
  return pattern;
}

}  // namespace blastgraph::analyzer::terraform_link
