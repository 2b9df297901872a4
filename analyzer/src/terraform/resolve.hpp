#pragma once
// Resolving a reference written in one module instance to the node ids it names.

#include <string>
#include <vector>

#include "terraform/instances.hpp"

namespace blastgraph::analyzer::terraform_link {

struct Target {
  std::string id;
  bool module_output = false;  // reached through a module's output
};

// The nodes `subject` names in `instance`: one for a resource, data source, variable,
// local or output; every output of a module for `module.m` (every resource when
// `whole_module_resources`); the call itself for a remote module. Empty when undeclared.
[[nodiscard]] std::vector<Target> resolve_subject(const Instance& instance,
                                                  const std::string& subject,
                                                  bool whole_module_resources);

// The node of provider configuration `name` ("aws" or "aws.west") as seen from `instance`:
// declared there, passed by the caller's `providers` map, or (default configurations only)
// inherited from the caller. Empty when no such configuration is declared.
[[nodiscard]] std::string resolve_provider(const Instance& instance, std::string name);

}  // namespace blastgraph::analyzer::terraform_link

namespace blastgraph::analyzer::terraform_link {

// The resources a reference ultimately names, following variables through module inputs,
// locals and module outputs (`role = var.role_name` inside a module -> the caller's
// aws_iam_role). At most `k_trace_depth` hops; ids in first-found order, no duplicates.
inline constexpr int k_trace_depth = 16;
[[nodiscard]] std::vector<std::string> trace_resources(const Instance& instance,
                                                       const std::string& subject);

}  // namespace blastgraph::analyzer::terraform_link
