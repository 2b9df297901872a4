#include "iam_terraform/terraform_policy.hpp"

#include <algorithm>

namespace blastgraph::analyzer::iam_terraform {
namespace {

using terraform_link::StaticValue;
using Kind = StaticValue::Kind;

// JSON text with, for each value, the offset where it starts and its source position.
class PositionedJson {
 public:
  void emit(const StaticValue& value) {
    m_marks.emplace_back(m_text.size(), value.position);
    if (value.kind == Kind::list) {
      m_text += '[';
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i > 0) m_text += ',';
        emit(value.items[i]);
      }
      m_text += ']';
    } else if (value.kind == Kind::object) {
      m_text += '{';
      for (std::size_t i = 0; i < value.fields.size(); ++i) {
        if (i > 0) m_text += ',';
        // A key stands where its value does: the parser reports keys (conditions) by them.
        m_marks.emplace_back(m_text.size(), value.fields[i].second.position);
        m_text += terraform_link::to_json(terraform_link::string_value(value.fields[i].first));
        m_text += ':';
        emit(value.fields[i].second);
      }
      m_text += '}';
    } else {
      m_text += terraform_link::to_json(value);
    }
  }

  // The source position of the generated text's (1-based) column on its only line.
  [[nodiscard]] SourcePosition map(SourcePosition generated) const {
    const std::size_t offset = generated.column > 0 ? generated.column - 1 : 0;
    SourcePosition best;
    for (const auto& [at, position] : m_marks) {
      if (at > offset) break;
      best = position;
    }
    return best;
  }

  [[nodiscard]] const std::string& text() const { return m_text; }

 private:
  std::string m_text;
  std::vector<std::pair<std::size_t, SourcePosition>> m_marks;  // ascending offsets
};

void remap(iam::PolicyDocument& document, const PositionedJson& json) {
  document.position = json.map(document.position);
  for (auto& statement : document.statements) {
    statement.position = json.map(statement.position);
    statement.actions.position = json.map(statement.actions.position);
    statement.resources.position = json.map(statement.resources.position);
    statement.principals.position = json.map(statement.principals.position);
    for (auto& condition : statement.conditions) condition.position = json.map(condition.position);
  }
}

void collect(const StaticValue& value, StatementFacts& facts) {
  if (value.guessed()) facts.guessed = true;
  if (value.kind == Kind::string && !value.node.empty()) facts.bound.emplace_back(value.text, value.node);
  for (const auto& item : value.items) collect(item, facts);
  for (const auto& field : value.fields) collect(field.second, facts);
}

// The statement objects of an evaluated document: `Statement` as a list or a single object.
std::vector<const StaticValue*> statements_of(const StaticValue& root) {
  std::vector<const StaticValue*> out;
  for (const auto& [key, value] : root.fields) {
    if (key != "Statement") continue;
    if (value.kind == Kind::object) out.push_back(&value);
    for (const auto& item : value.items) out.push_back(&item);
  }
  return out;
}

}  // namespace

std::optional<TerraformPolicy> policy_from_value(const StaticValue& root, const std::string& file,
                                                 std::vector<Diagnostic>& diagnostics) {
  if (root.kind != Kind::object) return std::nullopt;
  PositionedJson json;
  json.emit(root);
  auto parsed = iam::parse_policy_text(file, json.text(), {1, 1});
  for (auto diagnostic : parsed.diagnostics) {
    diagnostic.position = json.map(diagnostic.position);
    diagnostics.push_back(std::move(diagnostic));
  }
  if (!parsed.document) return std::nullopt;
  TerraformPolicy policy{std::move(*parsed.document), file, {}};
  remap(policy.document, json);
  for (const auto* statement : statements_of(root)) {
    collect(*statement, policy.facts[statement->position]);
  }
  return policy;
}

void merge_by_sid(TerraformPolicy& base, const TerraformPolicy& overriding) {
  for (const auto& statement : overriding.document.statements) {
    auto& statements = base.document.statements;
    auto same = std::find_if(statements.begin(), statements.end(), [&](const auto& s) {
      return !statement.sid.empty() && s.sid == statement.sid;
    });
    if (same != statements.end()) {
      *same = statement;
    } else {
      statements.push_back(statement);
    }
    if (const auto* facts = overriding.facts_of(statement)) base.facts[statement.position] = *facts;
  }
}

}  // namespace blastgraph::analyzer::iam_terraform
