#pragma once
// Policy documents written inline in Terraform (`policy = <<EOF … EOF`, or a JSON string):
// parsed where they stand, so their problems get positions in the .tf file and their risk
// factors reach the report. Documents built with jsonencode() or aws_iam_policy_document are
// not read yet.

#include "terraform/link.hpp"

namespace blastgraph::analyzer::terraform_link {

void read_inline_policies(const Instance& instance, const terraform::Block& block,
                          const std::string& node, LinkContext& context);

}  // namespace blastgraph::analyzer::terraform_link
