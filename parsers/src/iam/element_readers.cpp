#include <algorithm>
#include <array>

#include "iam/reader.hpp"

namespace blastgraph::iam::detail {
namespace {

constexpr std::array<std::string_view, 27> k_condition_operators = {
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateLessThanEquals",
    "DateGreaterThan",
    "DateGreaterThanEquals",
    "Bool",
    "BinaryEquals",
    "IpAddress",
    "NotIpAddress",
    "ArnEquals",
    "ArnLike",
    "ArnNotEquals",
    "ArnNotLike",
    "Null",
};

bool is_scalar(const json::Node& node) {
  return node.kind == json::Kind::string || node.kind == json::Kind::number ||
         node.kind == json::Kind::boolean;
}

// A string or an array of strings; with `any_scalar`, numbers and booleans count as their
// spelling (condition values). Reports each unreadable value; nullopt when there was one.
std::optional<std::vector<std::string>> read_values(const json::Node& node, std::string_view what,
                                                    bool any_scalar, ReadContext& context) {
  const auto readable = [&](const json::Node& value) {
    return any_scalar ? is_scalar(value) : value.is_string();
  };
  const std::string expected =
      any_scalar ? "a string, number, boolean or a list of them" : "a string or a list of strings";
  if (readable(node)) return std::vector<std::string>{node.text};
  if (!node.is_array()) {
    context.report(node.position, Severity::error, "iam-bad-value",
                   std::string(what) + " must be " + expected);
    return std::nullopt;
  }
  std::vector<std::string> values;
  bool all_read = true;
  for (const json::Node& item : node.items) {
    if (readable(item)) {
      values.push_back(item.text);
    } else {
      all_read = false;
      context.report(item.position, Severity::error, "iam-bad-value",
                     "a value of " + std::string(what) + " is not " +
                         (any_scalar ? "a string, number or boolean" : "a string"));
    }
  }
  if (!all_read) return std::nullopt;
  return values;
}

std::vector<std::string>* principal_list(Principals& principals, std::string_view key) {
  if (key == "AWS") return &principals.aws;
  if (key == "Service") return &principals.service;
  if (key == "Federated") return &principals.federated;
  if (key == "CanonicalUser") return &principals.canonical_user;
  return nullptr;
}

// Splits "ForAnyValue:StringLikeIfExists" into its parts.
Condition parse_operator(const std::string& op) {
  Condition condition;
  condition.op = op;
  std::string_view rest = op;
  constexpr std::string_view k_any = "ForAnyValue:";
  constexpr std::string_view k_all = "ForAllValues:";
  constexpr std::string_view k_if_exists = "IfExists";
  if (rest.starts_with(k_any)) {
    condition.set_operator = SetOperator::for_any_value;
    rest.remove_prefix(k_any.size());
  } else if (rest.starts_with(k_all)) {
    condition.set_operator = SetOperator::for_all_values;
    rest.remove_prefix(k_all.size());
  }
  if (rest.ends_with(k_if_exists)) {
    condition.if_exists = true;
    rest.remove_suffix(k_if_exists.size());
  }
  condition.base_operator = rest;
  return condition;
}

bool read_operator(const json::Member& op, std::vector<Condition>& conditions,
                   ReadContext& context) {
  const Condition parsed = parse_operator(op.key);
  if (std::find(k_condition_operators.begin(), k_condition_operators.end(), parsed.base_operator) ==
      k_condition_operators.end()) {
    context.report(op.key_position, Severity::warning, "iam-unknown-condition-operator",
                   "unknown condition operator '" + op.key + "'");
  }
  if (!op.value.is_object()) {
    context.report(op.value.position, Severity::error, "iam-bad-value",
                   "condition operator " + op.key + " must map keys to values");
    return false;
  }
  bool all_read = true;
  for (const json::Member& entry : op.value.members) {
    auto values = read_values(entry.value, "condition " + entry.key, true, context);
    if (!values) {
      all_read = false;
      continue;
    }
    Condition condition = parsed;
    condition.key = entry.key;
    condition.values = std::move(*values);
    condition.position = entry.key_position;
    conditions.push_back(std::move(condition));
  }
  return all_read;
}

}  // namespace

std::optional<PatternList> read_pattern_list(const json::Node& node, ListMode mode,
                                             std::string_view element, ReadContext& context) {
  auto values = read_values(node, element, false, context);
  if (!values) return std::nullopt;
  return PatternList{mode, std::move(*values), node.position};
}

std::optional<Principals> read_principals(const json::Node& node, ListMode mode,
                                          ReadContext& context) {
  Principals principals;
  principals.mode = mode;
  principals.position = node.position;
  if (node.is_string() && node.text == "*") {
    principals.any = true;
    return principals;
  }
  if (!node.is_object()) {
    context.report(node.position, Severity::error, "iam-bad-value",
                   "a principal must be \"*\" or an object of AWS, Service, Federated or "
                   "CanonicalUser");
    return std::nullopt;
  }
  bool all_read = true;
  for (const json::Member& member : node.members) {
    std::vector<std::string>* list = principal_list(principals, member.key);
    if (list == nullptr) {
      context.report(member.key_position, Severity::error, "iam-unknown-element",
                     "unknown principal type '" + member.key + "'");
      all_read = false;
      continue;
    }
    auto values = read_values(member.value, member.key, false, context);
    if (!values) {
      all_read = false;
      continue;
    }
    list->insert(list->end(), values->begin(), values->end());
  }
  if (!all_read) return std::nullopt;
  return principals;
}

std::optional<std::vector<Condition>> read_conditions(const json::Node& node,
                                                      ReadContext& context) {
  if (!node.is_object()) {
    context.report(node.position, Severity::error, "iam-bad-value",
                   "Condition must be an object of condition operators");
    return std::nullopt;
  }
  std::vector<Condition> conditions;
  bool all_read = true;
  for (const json::Member& op : node.members) {
    all_read = read_operator(op, conditions, context) && all_read;
  }
  if (!all_read) return std::nullopt;
  return conditions;
}

}  // namespace blastgraph::iam::detail
