#include "iam_terraform/document_data.hpp"

#include <algorithm>
#include <array>

namespace blastgraph::analyzer::iam_terraform {
namespace {

using terraform_link::Instance;
using terraform_link::ReferenceHook;
using terraform_link::StaticValue;
using terraform_link::string_value;
using Kind = StaticValue::Kind;

StaticValue object_at(SourcePosition position) {
  StaticValue v;
  v.kind = Kind::object;
  v.position = position;
  return v;
}

StaticValue* field(StaticValue& object, const std::string& key, SourcePosition position, Kind kind) {
  for (auto& [name, value] : object.fields) {
    if (name == key) return &value;
  }
  StaticValue value;
  value.kind = kind;
  value.position = position;
  object.fields.emplace_back(key, std::move(value));
  return &object.fields.back().second;
}

// A list argument; a single string (or unknown) counts as a one-element list.
std::vector<StaticValue> items_of(StaticValue value) {
  if (value.kind == Kind::list) return std::move(value.items);
  return {std::move(value)};
}

class DocumentBuilder {
 public:
  DocumentBuilder(const Instance& instance, const ReferenceHook& hook)
      : m_instance(instance), m_hook(hook) {}

  std::optional<StaticValue> argument(const terraform::NestedBlock& block, const std::string& name) {
    auto it = block.attributes.find(name);
    if (it == block.attributes.end()) return std::nullopt;
    return terraform_link::evaluate(m_instance, it->second, m_hook);
  }

  StaticValue statement(const terraform::NestedBlock& block) {
    StaticValue out = object_at(block.position);
    constexpr std::array<std::pair<std::string_view, std::string_view>, 6> k_lists{{
        {"actions", "Action"},
        {"not_actions", "NotAction"},
        {"resources", "Resource"},
        {"not_resources", "NotResource"},
        {"sid", "Sid"},
        {"effect", "Effect"},
    }};
    for (const auto& [attribute, key] : k_lists) {
      if (auto value = argument(block, std::string(attribute))) {
        out.fields.emplace_back(std::string(key), std::move(*value));
      }
    }
    if (std::none_of(out.fields.begin(), out.fields.end(),
                     [](const auto& f) { return f.first == "Effect"; })) {
      out.fields.emplace_back("Effect", string_value("Allow", block.position));
    }
    for (const auto& nested : block.blocks) {
      if (nested.type == "principals" || nested.type == "not_principals") {
        add_principals(out, nested, nested.type == "principals" ? "Principal" : "NotPrincipal");
      } else if (nested.type == "condition") {
        add_condition(out, nested);
      }
    }
    return out;
  }

 private:
  // principals { type = "AWS" identifiers = [...] } -> "Principal": {"AWS": [...]};
  // type "*" with identifiers ["*"] is the provider's spelling of "Principal": "*".
  void add_principals(StaticValue& statement, const terraform::NestedBlock& block,
                      const std::string& key) {
    auto type = argument(block, "type");
    auto identifiers = argument(block, "identifiers");
    if (!type || !identifiers) return;
    const auto type_name = terraform_link::string_form(*type).value_or("*");
    if (type_name == "*") {
      statement.fields.emplace_back(key, string_value("*", block.position));
      return;
    }
    StaticValue* principal = field(statement, key, block.position, Kind::object);
    if (principal->kind != Kind::object) return;  // already "*"
    StaticValue* list = field(*principal, type_name, identifiers->position, Kind::list);
    for (auto& item : items_of(std::move(*identifiers))) list->items.push_back(std::move(item));
  }

  // condition { test variable values } -> "Condition": {test: {variable: values}}.
  void add_condition(StaticValue& statement, const terraform::NestedBlock& block) {
    auto test = argument(block, "test");
    auto variable = argument(block, "variable");
    auto values = argument(block, "values");
    if (!test || !variable || !values) return;
    StaticValue* conditions = field(statement, "Condition", block.position, Kind::object);
    StaticValue* by_test = field(*conditions, terraform_link::string_form(*test).value_or("*"),
                                 block.position, Kind::object);
    const auto key = terraform_link::string_form(*variable).value_or("*");
    StaticValue* list = field(*by_test, key, variable->position, Kind::list);
    list->guesses.insert(list->guesses.end(), variable->guesses.begin(), variable->guesses.end());
    for (auto& item : items_of(std::move(*values))) list->items.push_back(std::move(item));
  }

  const Instance& m_instance;
  const ReferenceHook& m_hook;
};

bool statically_empty(const StaticValue& value) {
  return !value.guessed() && (value.kind == Kind::list || value.kind == Kind::object) &&
         value.items.empty() && value.fields.empty();
}

}  // namespace

StaticValue document_data_value(const Instance& instance, const terraform::Block& block,
                                const ReferenceHook& hook) {
  DocumentBuilder builder(instance, hook);
  StaticValue root = object_at(block.span.first_line == 0 ? SourcePosition{}
                                                          : SourcePosition{block.span.first_line, 1});
  root.fields.emplace_back("Version", string_value("2012-10-17", root.position));
  StaticValue statements;
  statements.kind = Kind::list;
  statements.position = root.position;
  for (const auto& nested : block.blocks) {
    if (nested.type == "statement") {
      statements.items.push_back(builder.statement(nested));
      continue;
    }
    if (nested.type != "dynamic" || nested.labels.empty() || nested.labels[0] != "statement") {
      continue;
    }
    if (auto for_each = builder.argument(nested, "for_each"); for_each && statically_empty(*for_each)) {
      continue;
    }
    for (const auto& content : nested.blocks) {
      if (content.type == "content") statements.items.push_back(builder.statement(content));
    }
  }
  root.fields.emplace_back("Statement", std::move(statements));
  return root;
}

}  // namespace blastgraph::analyzer::iam_terraform
