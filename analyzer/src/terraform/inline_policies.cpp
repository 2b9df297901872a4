#include "terraform/inline_policies.hpp"

#include <array>

#include "blastgraph/parsers/iam.hpp"
#include "iam/risks.hpp"

namespace blastgraph::analyzer::terraform_link {
namespace {

// Resource types whose attribute holds a policy document.
struct PolicyAttribute {
  std::string_view type;
  std::string_view attribute;
};

// NOTE: iam_terraform/link_iam.cpp reads every one of these attributes too (through
// policy_attribute); one table keeps the two readers in step.
constexpr std::array<PolicyAttribute, 12> k_policy_attributes{{
    {"aws_iam_policy", "policy"},
    {"aws_iam_role_policy", "policy"},
    {"aws_iam_user_policy", "policy"},
    {"aws_iam_group_policy", "policy"},
    {"aws_iam_role", "assume_role_policy"},
    {"aws_s3_bucket_policy", "policy"},
    {"aws_sqs_queue_policy", "policy"},
    {"aws_sns_topic_policy", "policy"},
    {"aws_kms_key", "policy"},
    {"aws_ecr_repository_policy", "policy"},
    {"aws_secretsmanager_secret_policy", "policy"},
    {"aws_organizations_policy", "content"},
}};

// Where the literal's first character stands in the file: a heredoc's body starts on the
// line after its marker; a quoted string one column after its quote.
SourcePosition literal_start(const terraform::Value& value) {
  if (value.expression.starts_with("<<")) return {value.position.line + 1, 1};
  return {value.position.line, value.position.column + 1};
}

// NOTE: only literal documents are read here; evaluated ones (templates, jsonencode, data
// sources) report their problems and risks when iam_terraform reads them.
void read_literal(const terraform::Block& block, const terraform::Value& value, const std::string& node,
                  LinkContext& context) {
  if (!value.literal) return;
  const auto& text = *value.literal;
  if (text.find('{') == std::string::npos) return;  // "{}" placeholders are fine too
  auto embedded = iam::parse_policy_text(block.span.file, text, literal_start(value));
  context.diagnostics.insert(context.diagnostics.end(), embedded.diagnostics.begin(),
                             embedded.diagnostics.end());
  if (embedded.document) {
    iam_link::add_document_risks(*embedded.document, node, block.span.file, context.risks);
  }
}

}  // namespace

std::string_view policy_attribute(std::string_view resource_type) {
  for (const auto& rule : k_policy_attributes) {
    if (rule.type == resource_type) return rule.attribute;
  }
  return {};
}

void read_inline_policies(const Instance& /*instance*/, const terraform::Block& block,
                          const std::string& node, LinkContext& context) {
  if (block.kind != terraform::BlockKind::resource) return;
  if (const auto attribute = policy_attribute(block.type); !attribute.empty()) {
    auto it = block.attributes.find(std::string(attribute));
    if (it != block.attributes.end()) read_literal(block, it->second, node, context);
  }
  // A role's `inline_policy { name = ... policy = ... }` blocks are its policies too.
  if (block.type != "aws_iam_role") return;
  for (const auto& nested : block.blocks) {
    if (nested.type != "inline_policy") continue;
    if (auto it = nested.attributes.find("policy"); it != nested.attributes.end()) {
      read_literal(block, it->second, node, context);
    }
  }
}

}  // namespace blastgraph::analyzer::terraform_link
