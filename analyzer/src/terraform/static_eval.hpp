#pragma once
// The static part of Terraform expressions: enough to read a tag such as
// `service = var.name` when the module call passes `name = "payments"`, or a role's name
// `"${var.environment}-${var.name}"` to match it against an ARN written elsewhere.

#include <optional>
#include <string>

#include "terraform/instances.hpp"

namespace blastgraph::analyzer::terraform_link {

// The value of `value` in `instance` as a glob pattern: literal text, with `*` standing for
// every part that cannot be known statically. Follows `var.x` through module inputs and
// variable defaults, `local.x`, and quoted templates. nullopt when no part is static.
[[nodiscard]] std::optional<std::string> static_pattern(const Instance& instance,
                                                        const terraform::Value& value);

// Like static_pattern, but only a fully known string.
[[nodiscard]] std::optional<std::string> static_string(const Instance& instance,
                                                       const terraform::Value& value);

}  // namespace blastgraph::analyzer::terraform_link
