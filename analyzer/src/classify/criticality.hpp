#pragma once
// How dangerous a resource type is to touch, by its type name.

#include <string_view>

#include "blastgraph/graph/model.hpp"

namespace blastgraph::analyzer {

// Criticality class of a Terraform resource type (`aws_iam_role`, `google_kms_crypto_key`,
// ...) or a data source (`data.` prefix stripped by the caller). Unknown types are `normal`.
[[nodiscard]] graph::Criticality classify_terraform_type(std::string_view type);

}  // namespace blastgraph::analyzer
