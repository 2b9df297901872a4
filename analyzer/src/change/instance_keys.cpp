#include "change/instance_keys.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <set>

#include "change/node_content.hpp"
#include "terraform/hcl_expr.hpp"

namespace blastgraph::analyzer::instances {
namespace {

using terraform_link::Expr;

constexpr std::size_t k_max_count = 10000;  // a larger literal count is read as no literal

// A literal key: a string, a number, or an object key written as an identifier.
std::optional<std::string> key_text(const Expr& expr) {
  if (expr.kind == Expr::Kind::string || expr.kind == Expr::Kind::number) return expr.text;
  if (expr.kind == Expr::Kind::reference && expr.text.find('.') == std::string::npos) {
    return expr.text;
  }
  return std::nullopt;
}

// An expression's content, without positions.
std::string signature(const Expr& expr) {
  std::string out = std::to_string(static_cast<int>(expr.kind)) + ":" + expr.text + "[";
  for (const auto& item : expr.items) out += signature(item) + ",";
  out += "]{";
  for (const auto& [key, value] : expr.fields) out += signature(key) + "=" + signature(value) + ";";
  return out + "}";
}

// Keys with the content of each value ("" for a set's items).
std::optional<std::map<std::string, std::string>> keyed(const Expr& expr) {
  std::map<std::string, std::string> out;
  if (expr.kind == Expr::Kind::object) {
    for (const auto& [key, value] : expr.fields) {
      const auto text = key_text(key);
      if (!text) return std::nullopt;
      out[*text] = signature(value);
    }
    return out;
  }
  if (expr.kind == Expr::Kind::call && (expr.text == "toset" || expr.text == "tolist") &&
      expr.items.size() == 1) {
    return keyed(expr.items[0]);
  }
  if (expr.kind == Expr::Kind::tuple) {
    for (const auto& item : expr.items) {
      if (item.kind != Expr::Kind::string) return std::nullopt;
      out[item.text] = "";
    }
    return out;
  }
  return std::nullopt;
}

std::optional<std::map<std::string, std::string>> keys_of(const terraform::Block& block) {
  if (const auto found = block.attributes.find("for_each"); found != block.attributes.end()) {
    return keyed(terraform_link::read_expression(found->second.expression));
  }
  if (const auto found = block.attributes.find("count"); found != block.attributes.end()) {
    const auto expr = terraform_link::read_expression(found->second.expression);
    if (expr.kind != Expr::Kind::number) return std::nullopt;
    std::size_t n = 0;
    const auto* end = expr.text.data() + expr.text.size();
    const auto [at, error] = std::from_chars(expr.text.data(), end, n);
    if (error != std::errc() || at != end || n > k_max_count) return std::nullopt;
    std::map<std::string, std::string> out;
    for (std::size_t i = 0; i < n; ++i) out[std::to_string(i)] = "";
    return out;
  }
  return std::nullopt;
}

void append_nested(const terraform::NestedBlock& nested, std::string& out) {
  out += nested.type + "(";
  for (const auto& label : nested.labels) out += label + ",";
  out += "){";
  for (const auto& [name, value] : nested.attributes) {
    out += name + "=" + content::fold_whitespace(value.expression) + ";";
  }
  for (const auto& child : nested.blocks) append_nested(child, out);
  out += "}";
}

// Everything but for_each and count, without positions: equal when nothing else changed.
std::string rest_of(const terraform::Block& block) {
  std::string out;
  for (const auto& [name, value] : block.attributes) {
    if (name == "for_each" || name == "count") continue;
    out += name + "=" + content::fold_whitespace(value.expression) + ";";
  }
  for (const auto& nested : block.blocks) append_nested(nested, out);
  return out;
}

}  // namespace

std::optional<std::vector<std::string>> literal_keys(const terraform::Block& block) {
  const auto keys = keys_of(block);
  if (!keys) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& [key, value] : *keys) out.push_back(key);
  return out;
}

std::optional<InstanceChange> instance_change(const terraform::Block& base,
                                              const terraform::Block& head) {
  if (base.kind != head.kind || rest_of(base) != rest_of(head)) return std::nullopt;
  const auto before = keys_of(base);
  const auto after = keys_of(head);
  if (!before || !after) return std::nullopt;
  InstanceChange out;
  for (const auto& [key, value] : *after) {
    if (!before->contains(key)) out.added.push_back(key);
  }
  for (const auto& [key, value] : *before) {
    const auto kept = after->find(key);
    if (kept == after->end()) {
      out.removed.push_back(key);
    } else if (kept->second != value) {
      return std::nullopt;  // a kept instance changes too: an update
    }
  }
  if (out.added.empty() && out.removed.empty()) return std::nullopt;
  return out;
}

}  // namespace blastgraph::analyzer::instances
