#include "iam_terraform/document_data.hpp"

#include <algorithm>
#include <array>

#include "terraform/existence.hpp"

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

// A string with nothing guessed.
std::optional<std::string> known_text(const StaticValue& value) {
  if (value.guessed()) return std::nullopt;
  return terraform_link::string_form(value);
}

class DocumentBuilder {
 public:
  DocumentBuilder(const Instance& instance, const ReferenceHook& hook)
      : m_instance(instance), m_hook(hook) {}

  // An argument's value; nullopt when it is not written or null (the provider's unset).
  std::optional<StaticValue> argument(const terraform::NestedBlock& block, const std::string& name) {
    auto it = block.attributes.find(name);
    if (it == block.attributes.end()) return std::nullopt;
    auto value = terraform_link::evaluate(m_instance, it->second, m_hook);
    if (value.kind == Kind::null) return std::nullopt;
    return value;
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
      if (nested.type != "dynamic") {
        add_nested(out, nested.type, nested);
        continue;
      }
      // A `dynamic "principals"` (or condition) reads as its content, like dynamic statements.
      if (nested.labels.empty() || statically_empty_for_each(nested)) continue;
      for (const auto& content : nested.blocks) {
        if (content.type == "content") add_nested(out, nested.labels[0], content);
      }
    }
    return out;
  }

  // Empty on every run: a root's variables could fill it (existence.hpp).
  bool statically_empty_for_each(const terraform::NestedBlock& dynamic) {
    const auto for_each = dynamic.attributes.find("for_each");
    return for_each != dynamic.attributes.end() &&
           terraform_link::always_empty(m_instance, for_each->second);
  }

 private:
  void add_nested(StaticValue& statement, const std::string& type, const terraform::NestedBlock& block) {
    if (type == "principals" || type == "not_principals") {
      add_principals(statement, block, type == "principals" ? "Principal" : "NotPrincipal");
    } else if (type == "condition") {
      add_condition(statement, block);
    }
  }

  // principals { type = "AWS" identifiers = [...] } -> "Principal": {"AWS": [...]};
  // type "*" with identifiers ["*"] is the provider's spelling of "Principal": "*".
  // A type that is not known is a guess of the principal object, never "*".
  void add_principals(StaticValue& statement, const terraform::NestedBlock& block,
                      const std::string& key) {
    auto type = argument(block, "type");
    auto identifiers = argument(block, "identifiers");
    if (!type || !identifiers) return;
    const auto type_name = known_text(*type);
    if (type_name == "*") {
      statement.fields.emplace_back(key, string_value("*", block.position));
      return;
    }
    StaticValue* principal = field(statement, key, block.position, Kind::object);
    if (principal->kind != Kind::object) return;  // already "*"
    if (!type_name) {
      principal->guesses.insert(principal->guesses.end(), type->guesses.begin(), type->guesses.end());
      return;
    }
    StaticValue* list = field(*principal, *type_name, identifiers->position, Kind::list);
    for (auto& item : items_of(std::move(*identifiers))) list->items.push_back(std::move(item));
  }

  // condition { test variable values } -> "Condition": {test: {variable: values}}. A test
  // (operator) or variable (key) that is not known is a guess of the Condition object, as
  // jsonencode() leaves a key it cannot evaluate.
  void add_condition(StaticValue& statement, const terraform::NestedBlock& block) {
    auto test = argument(block, "test");
    auto variable = argument(block, "variable");
    auto values = argument(block, "values");
    if (!test || !variable || !values) return;
    StaticValue* conditions = field(statement, "Condition", block.position, Kind::object);
    const auto op = known_text(*test);
    const auto key = terraform_link::string_form(*variable);
    if (!op || !key || variable->kind == Kind::unknown) {
      for (const auto* part : {&*test, &*variable}) {
        conditions->guesses.insert(conditions->guesses.end(), part->guesses.begin(), part->guesses.end());
      }
      return;
    }
    StaticValue* by_test = field(*conditions, *op, block.position, Kind::object);
    StaticValue* list = field(*by_test, *key, variable->position, Kind::list);
    list->guesses.insert(list->guesses.end(), variable->guesses.begin(), variable->guesses.end());
    for (auto& item : items_of(std::move(*values))) list->items.push_back(std::move(item));
  }

  const Instance& m_instance;
  const ReferenceHook& m_hook;
};

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
    if (builder.statically_empty_for_each(nested)) continue;
    for (const auto& content : nested.blocks) {
      if (content.type == "content") statements.items.push_back(builder.statement(content));
    }
  }
  root.fields.emplace_back("Statement", std::move(statements));
  return root;
}

}  // namespace blastgraph::analyzer::iam_terraform
