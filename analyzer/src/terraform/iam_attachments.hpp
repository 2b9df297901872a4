#pragma once
// IAM attachments in Terraform point the wrong way for blast radius: an
// aws_iam_role_policy_attachment references its role, but it is the role whose permissions
// change when the attachment (or the policy it attaches) changes. These edges say so.

#include "terraform/link.hpp"

namespace blastgraph::analyzer::terraform_link {

// The resources the references written in `attribute` (or under it) of `block` name,
// followed through variables, locals and module outputs.
[[nodiscard]] std::vector<std::string> traced_resources(const Instance& instance,
                                                        const terraform::Block& block,
                                                        std::string_view attribute);

// For an attachment or membership block, adds principal -> block (policy_attachment) or
// user -> group (group_membership) edges, following variables to the principal resources.
void link_iam_attachment(const Instance& instance, const terraform::Block& block,
                         LinkContext& context);

}  // namespace blastgraph::analyzer::terraform_link
