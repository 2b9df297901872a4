#include "terraform/static_eval.hpp"

#include "terraform/hcl_expr.hpp"
#include "terraform/static_functions.hpp"

namespace blastgraph::analyzer::terraform_link {
namespace {

constexpr int k_max_depth = 32;

using Kind = StaticValue::Kind;

StaticValue make_unknown(std::string source, SourcePosition position) {
  StaticValue v;
  v.position = position;
  v.guesses.push_back(std::move(source));
  return v;
}

// Where the evaluated text lives: positions of the top-level value are exact; values read
// from elsewhere (a variable's default, a module output) take the position of their use.
struct Site {
  std::string_view text;
  SourcePosition start;
  bool foreign = false;
  SourcePosition use;
  [[nodiscard]] SourcePosition at(std::size_t offset) const {
    return foreign ? use : position_at(text, start, offset);
  }
};

class Evaluator {
 public:
  Evaluator(const ReferenceHook& hook, bool root_variables_known)
      : m_hook(hook), m_root_variables_known(root_variables_known) {}

  StaticValue eval_value(const Instance& scope, const terraform::Value& value, const Site& site,
                         int depth) {
    if (depth > k_max_depth) return make_unknown(value.expression, site.use);
    const Expr expr = read_expression(value.expression);
    Site inner = site;
    inner.text = value.expression;
    inner.start = value.position;
    return eval(scope, expr, inner, depth);
  }

  StaticValue eval(const Instance& scope, const Expr& expr, const Site& site, int depth) {
    const SourcePosition at = site.at(expr.offset);
    if (depth > k_max_depth) return make_unknown(expr.text, at);
    StaticValue v;
    v.position = at;
    switch (expr.kind) {
      case Expr::Kind::unknown: return make_unknown(expr.text, at);
      case Expr::Kind::null: v.kind = Kind::null; return v;
      case Expr::Kind::boolean: v.kind = Kind::boolean; v.text = expr.text; return v;
      case Expr::Kind::number: v.kind = Kind::number; v.text = expr.text; return v;
      case Expr::Kind::string: v.kind = Kind::string; v.text = expr.text; return v;
      case Expr::Kind::template_: return eval_template(scope, expr, site, depth);
      case Expr::Kind::tuple:
        v.kind = Kind::list;
        for (const auto& item : expr.items) v.items.push_back(eval(scope, item, site, depth + 1));
        return v;
      case Expr::Kind::object:
        v.kind = Kind::object;
        for (const auto& [key, value] : expr.fields) {
          auto k = eval(scope, key, site, depth + 1);
          auto name = string_form(k);
          if (!name || k.guessed()) {
            v.guesses.push_back(key.text);
            continue;
          }
          v.fields.emplace_back(*name, eval(scope, value, site, depth + 1));
        }
        return v;
      case Expr::Kind::reference: return eval_reference(scope, expr, site, depth);
      case Expr::Kind::call: {
        std::vector<StaticValue> args;
        for (const auto& arg : expr.items) args.push_back(eval(scope, arg, site, depth + 1));
        return call_function(expr.text, std::move(args), at);
      }
      case Expr::Kind::conditional: {
        StaticValue condition = eval(scope, expr.items[0], site, depth + 1);
        const auto known = truth_of(condition);
        if (!known) {
          const Expr& test = expr.items[0];
          return unknown_because(std::move(condition), test.text.empty() ? "?" : test.text, at);
        }
        return eval(scope, expr.items[*known ? 1 : 2], site, depth + 1);
      }
      case Expr::Kind::operation: return eval_operation(scope, expr, site, depth);
    }
    return make_unknown(expr.text, at);
  }

 private:
  // A bool, or the strings "true" and "false" (Terraform converts them); nullopt otherwise.
  static std::optional<bool> truth_of(const StaticValue& value) {
    if (value.guessed() || (value.kind != Kind::boolean && value.kind != Kind::string)) {
      return std::nullopt;
    }
    if (value.text == "true") return true;
    if (value.text == "false") return false;
    return std::nullopt;
  }

  static StaticValue boolean(bool truth, SourcePosition at) {
    StaticValue v;
    v.kind = Kind::boolean;
    v.text = truth ? "true" : "false";
    v.position = at;
    return v;
  }

  // Unknown, naming what made it so (an operand's guesses, else the expression's text).
  static StaticValue unknown_because(StaticValue cause, const std::string& text,
                                     SourcePosition at) {
    StaticValue v = make_unknown(text, at);
    if (!cause.guesses.empty()) v.guesses = std::move(cause.guesses);
    return v;
  }

  // Equality of two fully known scalars (null, bool, number, string): values of different
  // types are never equal, as in Terraform. nullopt for anything else.
  static std::optional<bool> equal(const StaticValue& a, const StaticValue& b) {
    const auto scalar = [](const StaticValue& v) {
      return !v.guessed() && (v.kind == Kind::null || v.kind == Kind::boolean ||
                              v.kind == Kind::number || v.kind == Kind::string);
    };
    if (!scalar(a) || !scalar(b)) return std::nullopt;
    return a.kind == b.kind && (a.kind == Kind::null || a.text == b.text);
  }

  StaticValue eval_operation(const Instance& scope, const Expr& expr, const Site& site,
                             int depth) {
    const SourcePosition at = site.at(expr.offset);
    StaticValue left = eval(scope, expr.items[0], site, depth + 1);
    if (expr.text == "!") {
      const auto known = truth_of(left);
      return known ? boolean(!*known, at) : unknown_because(std::move(left), "!", at);
    }
    // `&&` and `||` are decided by one known operand when it is the absorbing one.
    const bool is_and = expr.text == "&&";
    if (is_and || expr.text == "||") {
      const auto first = truth_of(left);
      if (first && *first != is_and) return boolean(!is_and, at);
      StaticValue right = eval(scope, expr.items[1], site, depth + 1);
      const auto second = truth_of(right);
      if (second && *second != is_and) return boolean(!is_and, at);
      if (first && second) return boolean(is_and, at);
      return unknown_because(first ? std::move(right) : std::move(left), expr.text, at);
    }
    StaticValue right = eval(scope, expr.items[1], site, depth + 1);
    const auto same = equal(left, right);
    if (!same) {
      return unknown_because(left.guessed() ? std::move(left) : std::move(right), expr.text, at);
    }
    return boolean(expr.text == "==" ? *same : !*same, at);
  }

  StaticValue eval_template(const Instance& scope, const Expr& expr, const Site& site, int depth) {
    StaticValue out;
    out.kind = Kind::string;
    out.position = site.at(expr.offset);
    bool known_part = false;
    for (const auto& part : expr.items) {
      StaticValue piece = eval(scope, part, site, depth + 1);
      auto text = string_form(piece);
      if (!text) {
        out.text += '*';
        out.guesses.push_back(piece.guesses.empty() ? part.text : piece.guesses.front());
        continue;
      }
      // "${aws_s3_bucket.b.arn}/*" is still about that bucket.
      if (!piece.node.empty() && out.text.empty() && &part == &expr.items.front()) {
        out.node = piece.node;
      }
      known_part = known_part || piece.kind != Kind::string || text->find_first_not_of('*') !=
                                                                    std::string::npos;
      out.text += *text;
      out.guesses.insert(out.guesses.end(), piece.guesses.begin(), piece.guesses.end());
    }
    if (!known_part && out.guesses.empty()) known_part = true;
    if (!known_part) out.kind = Kind::unknown;
    return out;
  }

  // Splits "module.m.out[0]" into its dotted steps, keeping index steps as "[0]".
  static std::vector<std::string> steps_of(const std::string& reference) {
    std::vector<std::string> steps;
    std::string current;
    for (std::size_t i = 0; i < reference.size(); ++i) {
      const char c = reference[i];
      if (c == '.' || c == '[') {
        if (!current.empty()) steps.push_back(current);
        current.clear();
        if (c == '[') {
          const auto end = reference.find(']', i);
          steps.push_back(reference.substr(i, end - i + 1));
          i = end == std::string::npos ? reference.size() : end;
        }
        continue;
      }
      current += c;
    }
    if (!current.empty()) steps.push_back(current);
    return steps;
  }

  StaticValue eval_reference(const Instance& scope, const Expr& expr, const Site& site,
                             int depth) {
    const SourcePosition at = site.at(expr.offset);
    const auto steps = steps_of(expr.text);
    std::optional<StaticValue> base;
    std::size_t used = 0;
    Site foreign = site;
    foreign.foreign = true;
    foreign.use = at;
    if (steps.size() >= 2 && steps[0] == "var") {
      base = eval_variable(scope, steps[1], foreign, depth);
      used = 2;
    } else if (steps.size() >= 2 && steps[0] == "local") {
      base = eval_declared(scope, "local." + steps[1], steps[1], foreign, depth);
      used = 2;
    } else if (steps.size() >= 3 && steps[0] == "module") {
      base = eval_module_output(scope, steps[1], steps[2], foreign, depth);
      used = 3;
    }
    if (!base && m_hook) {
      if (auto hooked = m_hook(scope, expr.text)) {
        hooked->position = at;
        return *hooked;
      }
    }
    if (!base) return make_unknown(expr.text, at);
    StaticValue value = std::move(*base);
    for (std::size_t i = used; i < steps.size(); ++i) {
      value = index_into(value, steps[i], expr.text, at);
    }
    value.position = at;
    return value;
  }

  static StaticValue index_into(const StaticValue& value, const std::string& step,
                                const std::string& source, SourcePosition at) {
    std::string key = step;
    if (key.starts_with('[')) {
      key = key.substr(1, key.size() - 2);
      if (key.size() >= 2 && key.front() == '"') key = key.substr(1, key.size() - 2);
    }
    if (value.kind == Kind::object) {
      for (const auto& [name, field] : value.fields) {
        if (name == key) return field;
      }
    } else if (value.kind == Kind::list && !key.empty() &&
               key.find_first_not_of("0123456789") == std::string::npos) {
      const auto index = std::stoul(key);
      if (index < value.items.size()) return value.items[index];
    }
    return make_unknown(source, at);
  }

  // A caller's input, else the variable's default. A root's variables are set by whoever
  // runs it (tfvars, -var): their defaults are a guess unless root_variables_known.
  std::optional<StaticValue> eval_variable(const Instance& scope, const std::string& name,
                                           const Site& site, int depth) {
    if (scope.parent == nullptr && !m_root_variables_known) {
      return make_unknown("var." + name, site.use);
    }
    if (scope.call != nullptr && scope.parent != nullptr) {
      if (auto it = scope.call->attributes.find(name); it != scope.call->attributes.end()) {
        return eval_value(*scope.parent, it->second, site, depth + 1);
      }
    }
    return eval_declared(scope, "var." + name, "default", site, depth);
  }

  std::optional<StaticValue> eval_declared(const Instance& scope, const std::string& address,
                                           const std::string& attribute, const Site& site,
                                           int depth) {
    auto decl = scope.dir->by_address.find(address);
    if (decl == scope.dir->by_address.end()) return std::nullopt;
    auto value = decl->second->attributes.find(attribute);
    if (value == decl->second->attributes.end()) return std::nullopt;
    return eval_value(scope, value->second, site, depth + 1);
  }

  std::optional<StaticValue> eval_module_output(const Instance& scope, const std::string& call,
                                                const std::string& output, const Site& site,
                                                int depth) {
    auto child = scope.children.find(call);
    if (child == scope.children.end()) return std::nullopt;
    return eval_declared(*child->second, "output." + output, "value", site, depth);
  }

  const ReferenceHook& m_hook;
  bool m_root_variables_known = true;
};

}  // namespace

StaticValue evaluate(const Instance& instance, const terraform::Value& value,
                     const ReferenceHook& hook) {
  Site site{value.expression, value.position, false, value.position};
  return Evaluator(hook, true).eval_value(instance, value, site, 0);
}

StaticValue evaluate_on_every_run(const Instance& instance, const terraform::Value& value) {
  Site site{value.expression, value.position, false, value.position};
  const ReferenceHook none;
  return Evaluator(none, false).eval_value(instance, value, site, 0);
}

std::optional<std::string> static_pattern(const Instance& instance, const terraform::Value& value) {
  if (value.literal) return value.literal;
  const StaticValue v = evaluate(instance, value);
  if (v.kind == Kind::unknown) return std::nullopt;
  return string_form(v);
}

std::optional<std::string> static_string(const Instance& instance, const terraform::Value& value) {
  if (value.literal) return value.literal;
  const StaticValue v = evaluate(instance, value);
  if (v.guessed()) return std::nullopt;
  return string_form(v);
}

}  // namespace blastgraph::analyzer::terraform_link
