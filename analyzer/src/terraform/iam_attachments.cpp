#include "terraform/iam_attachments.hpp"

#include <algorithm>
#include <array>

#include "terraform/resolve.hpp"

namespace blastgraph::analyzer::terraform_link {
namespace {

struct AttachmentRule {
  std::string_view type;
  std::string_view principal_attribute;  // the attribute naming who gets the permissions
  bool membership = false;               // user -> group rather than principal -> block
  std::string_view group_attribute = {};
};

// NOTE: aws_iam_policy_attachment is exclusive account-wide; every principal it lists
// depends on it, and it is the only attachment of its policy Terraform keeps.
constexpr std::array<AttachmentRule, 13> k_rules{{
    {"aws_iam_role_policy", "role"},
    {"aws_iam_role_policy_attachment", "role"},
    {"aws_iam_role_policies_exclusive", "role_name"},
    {"aws_iam_role_policy_attachments_exclusive", "role_name"},
    {"aws_iam_user_policy", "user"},
    {"aws_iam_user_policy_attachment", "user"},
    {"aws_iam_group_policy", "group"},
    {"aws_iam_group_policy_attachment", "group"},
    {"aws_iam_policy_attachment", "roles"},
    {"aws_iam_policy_attachment", "users"},
    {"aws_iam_policy_attachment", "groups"},
    {"aws_iam_user_group_membership", "user", true, "groups"},
    {"aws_iam_group_membership", "users", true, "group"},
}};

}  // namespace

std::vector<std::string> traced_resources(const Instance& instance, const terraform::Block& block,
                                          std::string_view attribute) {
  std::vector<std::string> out;
  for (const auto& ref : block.references) {
    const std::string_view at(ref.attribute);
    const bool match = at == attribute ||
                       (at.starts_with(attribute) && at.size() > attribute.size() &&
                        (at[attribute.size()] == '.' || at[attribute.size()] == '['));
    if (!match || ref.context != terraform::ReferenceContext::expression) continue;
    for (auto& id : trace_resources(instance, ref.subject)) {
      if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(std::move(id));
    }
  }
  return out;
}

void link_iam_attachment(const Instance& instance, const terraform::Block& block,
                         LinkContext& context) {
  if (block.kind != terraform::BlockKind::resource) return;
  const auto node = instance.id(block.address);
  for (const auto& rule : k_rules) {
    if (rule.type != block.type) continue;
    const auto principals = traced_resources(instance, block, rule.principal_attribute);
    const graph::Evidence evidence{block.span.file, block.span.first_line,
                                   std::string(rule.principal_attribute)};
    if (!rule.membership) {
      for (const auto& principal : principals) {
        context.builder.add_edge(principal, node, graph::EdgeKind::policy_attachment, evidence);
      }
      continue;
    }
    // The user's permissions include the group's: the user depends on the group.
    const auto groups = traced_resources(instance, block, rule.group_attribute);
    for (const auto& user : principals) {
      for (const auto& group : groups) {
        context.builder.add_edge(user, group, graph::EdgeKind::group_membership, evidence);
      }
    }
  }
}

}  // namespace blastgraph::analyzer::terraform_link
