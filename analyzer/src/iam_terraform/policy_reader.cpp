#include "iam_terraform/policy_reader.hpp"

#include "iam/risks.hpp"
#include "iam_terraform/document_data.hpp"
#include "iam_terraform/known_policy.hpp"
#include "terraform/file_refs.hpp"
#include "terraform/hcl_expr.hpp"

namespace blastgraph::analyzer::iam_terraform {
namespace {

using terraform_link::Expr;
using terraform_link::Instance;
using terraform_link::StaticValue;

constexpr int k_max_depth = 16;

// Where the literal's first character stands in the file: a heredoc's body starts on the
// line after its marker; a quoted string one column after its quote.
SourcePosition literal_start(const terraform::Value& value) {
  if (value.expression.starts_with("<<")) return {value.position.line + 1, 1};
  return {value.position.line, value.position.column + 1};
}

std::vector<std::string> split_steps(const std::string& reference) {
  std::vector<std::string> steps;
  std::string current;
  for (char c : reference) {
    if (c == '.') {
      steps.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  steps.push_back(current);
  return steps;
}

struct Located {
  const terraform::Value* value = nullptr;
  std::string file;
};

Located attribute_of(const Instance& scope, const std::string& address,
                     const std::string& attribute) {
  auto block = scope.dir->by_address.find(address);
  if (block == scope.dir->by_address.end()) return {};
  auto value = block->second->attributes.find(attribute);
  if (value == block->second->attributes.end()) return {};
  return {&value->second, block->second->span.file};
}

// The argument of a one-argument call `name(...)` as a Value of its own.
std::optional<terraform::Value> sole_argument(const terraform::Value& value, const Expr& call) {
  if (call.items.size() != 1) return std::nullopt;
  const std::string& text = value.expression;
  const auto open = text.find('(', call.offset);
  const auto close = text.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close <= open) return std::nullopt;
  const std::size_t start = call.items[0].offset;
  return terraform::Value{text.substr(start, close - start), std::nullopt,
                          terraform_link::position_at(text, value.position, start), value.file};
}

void collect_guesses(const StaticValue& value, std::vector<UnknownPlace>& out) {
  if (value.guessed()) out.push_back({value.position, value.guesses, UnknownReading::glob});
  for (const auto& item : value.items) collect_guesses(item, out);
  for (const auto& field : value.fields) collect_guesses(field.second, out);
}

}  // namespace

PolicyReader::PolicyReader(const iam_link::IamInput& files, terraform_link::ReferenceHook hook,
                           std::vector<Diagnostic>& diagnostics, std::vector<PolicyRisk>& risks)
    : m_hook(std::move(hook)), m_diagnostics(diagnostics), m_risks(risks) {
  for (const auto& file : files.files) {
    for (const auto& document : file.policy.documents) {
      if (document.origin.default_version) m_files[file.policy.path].push_back(&document);
    }
  }
}

std::vector<const TerraformPolicy*> PolicyReader::read_attribute(const Instance& instance,
                                                                 const terraform::Block& block,
                                                                 const terraform::Value& value) {
  const auto holder = instance.id(block.address);
  auto out = read_expression(instance, holder, value, block.span.file, 0);
  // A document defined elsewhere (a data source, a policy file) is this block's policy too.
  for (const auto* policy : out) {
    iam_link::add_document_risks(policy->document, holder, policy->file, m_risks);
  }
  return out;
}

const TerraformPolicy* PolicyReader::read_document_data(const Instance& instance,
                                                        const terraform::Block& block) {
  return read_data(instance, block, 0);
}

std::vector<const TerraformPolicy*> PolicyReader::read_expression(const Instance& instance,
                                                                  const std::string& holder,
                                                                  const terraform::Value& value,
                                                                  const std::string& file,
                                                                  int depth) {
  if (depth > k_max_depth) return {};
  if (value.literal) {
    if (const auto* policy = read_text(holder, value, file)) return {policy};
    return {};
  }
  const Expr expr = terraform_link::read_expression(value.expression);
  if (expr.kind == Expr::Kind::reference) {
    const auto steps = split_steps(expr.text);
    if (steps.size() >= 4 && steps[0] == "data" && steps[1] == "aws_iam_policy_document") {
      auto block = instance.dir->by_address.find("data.aws_iam_policy_document." + steps[2]);
      if (block == instance.dir->by_address.end()) return {};
      if (const auto* policy = read_data(instance, *block->second, depth + 1)) return {policy};
      return {};
    }
    if (steps.size() == 2 && steps[0] == "var") {
      if (instance.call != nullptr && instance.parent != nullptr) {
        if (auto it = instance.call->attributes.find(steps[1]);
            it != instance.call->attributes.end()) {
          return read_expression(*instance.parent, holder, it->second, instance.call->span.file,
                                 depth + 1);
        }
      }
      if (auto def = attribute_of(instance, "var." + steps[1], "default"); def.value) {
        return read_expression(instance, holder, *def.value, def.file, depth + 1);
      }
      return {};
    }
    if (steps.size() == 2 && steps[0] == "local") {
      if (auto local = attribute_of(instance, "local." + steps[1], steps[1]); local.value) {
        return read_expression(instance, holder, *local.value, local.file, depth + 1);
      }
      return {};
    }
    if (steps.size() == 3 && steps[0] == "module") {
      auto child = instance.children.find(steps[1]);
      if (child == instance.children.end()) return {};
      if (auto output = attribute_of(*child->second, "output." + steps[2], "value"); output.value) {
        return read_expression(*child->second, holder, *output.value, output.file, depth + 1);
      }
      return {};
    }
    if (steps.size() == 3 && steps[2] == "policy") {  // aws_iam_policy.x.policy
      if (auto policy = attribute_of(instance, steps[0] + "." + steps[1], "policy"); policy.value) {
        return read_expression(instance, instance.id(steps[0] + "." + steps[1]), *policy.value,
                               policy.file, depth + 1);
      }
    }
    return {};
  }
  if (expr.kind == Expr::Kind::call && (expr.text == "file" || expr.text == "templatefile")) {
    std::vector<const TerraformPolicy*> out;
    for (const auto& path : terraform_link::referenced_files(instance, value.expression)) {
      auto documents = m_files.find(path);
      if (documents == m_files.end()) continue;
      auto& cached = m_file_policies[path];
      if (!cached) {
        cached = std::make_unique<TerraformPolicy>();
        cached->file = path;
        // NOTE: a file may hold several documents (authorization details); they are one
        // policy here: every statement counts, each at its own position.
        for (const auto* document : documents->second) {
          if (cached->document.statements.empty())
            cached->document = *document;
          else
            cached->document.statements.insert(cached->document.statements.end(),
                                               document->statements.begin(),
                                               document->statements.end());
        }
      }
      out.push_back(cached.get());
    }
    return out;
  }
  if (const auto* policy = read_evaluated(instance, holder, value, file)) return {policy};
  return {};
}

const TerraformPolicy* PolicyReader::read_text(const std::string& holder,
                                               const terraform::Value& value,
                                               const std::string& file) {
  const auto key = holder + "#" + std::to_string(value.position.line) + ":" +
                   std::to_string(value.position.column);
  if (auto it = m_read.find(key); it != m_read.end()) return it->second.get();
  const std::string& text = *value.literal;
  if (text.find('{') == std::string::npos) return keep(key, std::nullopt, holder);
  // NOTE: literal documents are reported (diagnostics and risks) where the Terraform nodes
  // are made (inline_policies.cpp); here they are only read.
  auto embedded = iam::parse_policy_text(file, text, literal_start(value));
  if (!embedded.document) return keep(key, std::nullopt, holder);
  auto stored = std::make_unique<TerraformPolicy>();
  stored->document = std::move(*embedded.document);
  stored->file = file;
  const auto* pointer = stored.get();
  m_read.emplace(key, std::move(stored));
  return pointer;
}

// A template (heredoc or string with interpolations) or jsonencode() of an object.
const TerraformPolicy* PolicyReader::read_evaluated(const Instance& instance,
                                                    const std::string& holder,
                                                    const terraform::Value& value,
                                                    const std::string& file) {
  const auto key = holder + "#" + std::to_string(value.position.line) + ":" +
                   std::to_string(value.position.column);
  if (auto it = m_read.find(key); it != m_read.end()) return it->second.get();
  const Expr expr = terraform_link::read_expression(value.expression);
  if (expr.kind == Expr::Kind::call && expr.text == "jsonencode") {
    auto argument = sole_argument(value, expr);
    if (!argument) return keep(key, std::nullopt, holder);
    const StaticValue object = terraform_link::evaluate(instance, *argument, m_hook);
    if (object.kind != StaticValue::Kind::object) return keep(key, std::nullopt, holder);
    auto known = known_policy(object);
    note_unknowns(known.places, file);
    return keep(key, policy_from_value(known.root, file, m_diagnostics), holder);
  }
  if (expr.kind != Expr::Kind::template_) return keep(key, std::nullopt, holder);
  const StaticValue text = terraform_link::evaluate(instance, value, m_hook);
  if (text.kind != StaticValue::Kind::string || text.text.find('{') == std::string::npos) {
    return keep(key, std::nullopt, holder);
  }
  std::vector<UnknownPlace> places;
  collect_guesses(text, places);
  note_unknowns(places, file);
  auto embedded = iam::parse_policy_text(file, text.text, literal_start(value));
  m_diagnostics.insert(m_diagnostics.end(), embedded.diagnostics.begin(),
                       embedded.diagnostics.end());
  if (!embedded.document) return keep(key, std::nullopt, holder);
  TerraformPolicy policy;
  policy.document = std::move(*embedded.document);
  policy.file = file;
  // The template's unknown parts cannot be told apart per statement: all are symbolic.
  for (const auto& statement : policy.document.statements) {
    policy.facts[statement.position].guessed = text.guessed();
  }
  return keep(key, std::move(policy), holder);
}

const TerraformPolicy* PolicyReader::read_data(const Instance& instance,
                                               const terraform::Block& block, int depth) {
  const auto holder = instance.id(block.address);
  if (auto it = m_read.find(holder); it != m_read.end()) return it->second.get();
  if (depth > k_max_depth) return nullptr;
  m_read.emplace(holder, nullptr);  // a document that sources itself reads as nothing
  auto own = known_policy(document_data_value(instance, block, m_hook));
  note_unknowns(own.places, block.span.file);
  auto own_policy = policy_from_value(own.root, block.span.file, m_diagnostics);
  if (!own_policy) return keep(holder, std::nullopt, holder);
  // The provider's order: source documents, then this document's statements, then the
  // override documents; a later statement replaces an earlier one with the same Sid.
  TerraformPolicy merged;
  merged.file = block.span.file;
  merged.document = own_policy->document;
  merged.document.statements.clear();
  auto merge_list = [&](const char* attribute) {
    auto it = block.attributes.find(attribute);
    if (it == block.attributes.end()) return;
    const Expr list = terraform_link::read_expression(it->second.expression);
    for (const auto& item : list.items) {
      if (item.kind != Expr::Kind::reference) continue;
      terraform::Value reference{
          item.text, std::nullopt,
          terraform_link::position_at(it->second.expression, it->second.position, item.offset),
          it->second.file};
      for (const auto* source :
           read_expression(instance, holder, reference, block.span.file, depth + 1)) {
        merge_by_sid(merged, *source);
      }
    }
  };
  merge_list("source_policy_documents");
  merge_by_sid(merged, *own_policy);
  merge_list("override_policy_documents");
  return keep(holder, std::move(merged), holder);
}

const TerraformPolicy* PolicyReader::keep(const std::string& key,
                                          std::optional<TerraformPolicy> policy,
                                          const std::string& holder) {
  auto& slot = m_read[key];
  if (!policy) {
    slot.reset();
    return nullptr;
  }
  slot = std::make_unique<TerraformPolicy>(std::move(*policy));
  iam_link::add_document_risks(slot->document, holder, slot->file, m_risks);
  return slot.get();
}

PolicyReader PolicyReader::fork(std::vector<Diagnostic>& diagnostics,
                                std::vector<PolicyRisk>& risks) const {
  return PolicyReader(*this, diagnostics, risks);
}

PolicyReader::PolicyReader(const PolicyReader& base, std::vector<Diagnostic>& diagnostics,
                           std::vector<PolicyRisk>& risks)
    : m_files(base.m_files), m_hook(base.m_hook), m_diagnostics(diagnostics), m_risks(risks) {}

void PolicyReader::absorb(PolicyReader&& other) {
  for (auto& [key, policy] : other.m_read) m_read.try_emplace(key, std::move(policy));
  for (auto& [path, policy] : other.m_file_policies) {
    m_file_policies.try_emplace(path, std::move(policy));
  }
  for (auto& diagnostic : other.m_diagnostics) {
    if (diagnostic.code == "tf-symbolic-value" &&
        !m_noted.emplace(diagnostic.file, diagnostic.position).second) {
      continue;
    }
    m_diagnostics.push_back(std::move(diagnostic));
  }
  m_risks.insert(m_risks.end(), other.m_risks.begin(), other.m_risks.end());
  other.m_diagnostics.clear();
  other.m_risks.clear();
}

// NOTE: one note per place holding a symbolic value, however many module instances
// evaluate it: users see each guess once, where it is written.
void PolicyReader::note_unknowns(const std::vector<UnknownPlace>& places, const std::string& file) {
  for (const auto& place : places) {
    if (!m_noted.emplace(file, place.position).second) continue;
    m_diagnostics.push_back(
        {file, place.position, Severity::note, "tf-symbolic-value", describe_unknown(place)});
  }
}

}  // namespace blastgraph::analyzer::iam_terraform
