#pragma once
// The Terraform half of a workspace: parse every .tf file (and installed remote modules),
// find the roots, expand the modules.

#include <memory>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "terraform/instances.hpp"
#include "terraform/link.hpp"
#include "workspace/discover.hpp"

namespace blastgraph::analyzer::terraform_link {

struct TerraformInput {
  std::vector<terraform::File> files;  // owns the blocks the tree and instances point into
  std::unique_ptr<ModuleTree> tree;
  InstanceForest forest;
};

// Parses and expands; problems go to workspace.diagnostics, counts to workspace.coverage,
// roots to workspace.terraform_roots.
[[nodiscard]] std::unique_ptr<TerraformInput> load_terraform(const std::filesystem::path& root,
                                                             const DiscoveredFiles& discovered,
                                                             const LoadOptions& options,
                                                             Workspace& workspace);

}  // namespace blastgraph::analyzer::terraform_link
