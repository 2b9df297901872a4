#pragma once
// `data "aws_iam_policy_document"` as the AWS provider renders it: its statement, principals
// and condition blocks become the JSON policy shape, evaluated statically, with every value
// at its position in the .tf file.

#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::iam_terraform {

// The document's own statements (source/override documents are merged by the caller) as the
// value jsonencode would give: {"Version", "Statement": [...]}. `dynamic "statement"` blocks
// count once, with their content (iterator values stay symbolic), unless for_each is
// statically empty.
[[nodiscard]] terraform_link::StaticValue document_data_value(
    const terraform_link::Instance& instance, const terraform::Block& block,
    const terraform_link::ReferenceHook& hook);

}  // namespace blastgraph::analyzer::iam_terraform
