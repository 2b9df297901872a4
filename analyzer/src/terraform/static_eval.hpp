#pragma once
// The static part of Terraform expressions: enough to read a tag such as
// `service = var.name` when the module call passes `name = "payments"`.

#include <optional>
#include <string>

#include "terraform/instances.hpp"

namespace blastgraph::analyzer::terraform_link {

// The string value of `value` in `instance`: a literal, or `var.x` / "${var.x}" followed
// through the module call's inputs and variable defaults. nullopt when it is not static.
[[nodiscard]] std::optional<std::string> static_string(const Instance& instance,
                                                       const terraform::Value& value);

}  // namespace blastgraph::analyzer::terraform_link
