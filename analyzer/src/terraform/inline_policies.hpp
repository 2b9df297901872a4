#pragma once
// Policy documents written inline in Terraform (`policy = <<EOF … EOF`, or a JSON string):
// parsed where they stand, so their problems get positions in the .tf file and their risk
// factors reach the report. Documents built with jsonencode() or aws_iam_policy_document are
// not read yet.

#include <string_view>

#include "terraform/link.hpp"

namespace blastgraph::analyzer::terraform_link {

// The attribute of a Terraform resource type that holds a policy document ("policy",
// "assume_role_policy" for aws_iam_role, …); empty for a type that holds none.
[[nodiscard]] std::string_view policy_attribute(std::string_view resource_type);

void read_inline_policies(const Instance& instance, const terraform::Block& block,
                          const std::string& node, LinkContext& context);

}  // namespace blastgraph::analyzer::terraform_link
