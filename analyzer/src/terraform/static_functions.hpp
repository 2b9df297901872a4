#pragma once
// Terraform's built-in functions the static evaluator knows, on already evaluated arguments.

#include <string>
#include <vector>

#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::terraform_link {

// `name`(args) at `position`. An unknown function, or known one whose arguments it needs are
// unknown, gives an unknown (guessed) value; partly known strings keep their known parts.
[[nodiscard]] StaticValue call_function(const std::string& name, std::vector<StaticValue> args,
                                        SourcePosition position);

}  // namespace blastgraph::analyzer::terraform_link
