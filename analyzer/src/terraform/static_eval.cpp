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
  explicit Evaluator(const ReferenceHook& hook) : m_hook(hook) {}

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
    }
    return make_unknown(expr.text, at);
  }

 private:
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

  // A caller's input, else the variable's default.
  std::optional<StaticValue> eval_variable(const Instance& scope, const std::string& name,
                                           const Site& site, int depth) {
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
};

}  // namespace

StaticValue evaluate(const Instance& instance, const terraform::Value& value,
                     const ReferenceHook& hook) {
  Site site{value.expression, value.position, false, value.position};
  return Evaluator(hook).eval_value(instance, value, site, 0);
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
