#pragma once
// The ARNs of Terraform resources, computed from their static attributes, so policies
// written anywhere can be matched against what the tree defines. Account and region are
// never known statically (they come from the provider at apply time): they are `*`.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "terraform/instances.hpp"

namespace blastgraph::analyzer::iam_terraform {

struct ResourceArn {
  std::string node;
  std::string service;  // ARN service segment: "s3", "sqs", "iam"
  std::string pattern;  // "arn:aws:sqs:*:*:prod-payments"; `*` where not static
  bool named = false;   // the resource's own name is (partly) static: patterns may match it
};

// The ARN of `block` in `instance`; nullopt for a type without a known ARN shape.
[[nodiscard]] std::optional<ResourceArn> resource_arn(const terraform_link::Instance& instance,
                                                      const terraform::Block& block);

// Every resource with a known ARN shape, in the forest's order.
[[nodiscard]] std::vector<ResourceArn> collect_resource_arns(
    const terraform_link::InstanceForest& forest);

// True when some string matches both glob patterns (`*` any run, `?` one character).
[[nodiscard]] bool patterns_overlap(std::string_view a, std::string_view b);

}  // namespace blastgraph::analyzer::iam_terraform
