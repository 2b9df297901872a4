#pragma once
// Finding input files under the scanned root without following symlinked directories (no
// loops, nothing outside the root) and within the file-count bound.

#include <filesystem>
#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"

namespace blastgraph::analyzer {

struct DiscoveredFiles {
  std::vector<std::string> terraform;  // relative paths, '/' separated, sorted
  // `<dir>/.terraform/modules/modules.json` files: `terraform init`'s record of where each
  // remote module was installed, so they can be expanded offline. Sorted.
  std::vector<std::string> module_manifests;
  // .yaml / .yml / .json files: Kubernetes manifests, kustomizations and policy documents are
  // told apart by their content. Sorted.
  std::vector<std::string> documents;
  std::vector<Diagnostic> diagnostics;
};

[[nodiscard]] DiscoveredFiles discover_files(const std::filesystem::path& root,
                                             const LoadOptions& options);

// Every .tf file under `dir` (recursively, symlinked directories not followed), relative to
// `root`, sorted. Used for installed remote modules, which discover_files skips.
[[nodiscard]] std::vector<std::string> list_terraform_files(const std::filesystem::path& root,
                                                            const std::string& dir,
                                                            const LoadOptions& options);

// `path` relative to `root`, '/' separated, "." for the root itself.
// True for a Terraform file: `.tf` (native syntax) or `.tf.json` (JSON syntax).
[[nodiscard]] bool is_terraform_file(const std::filesystem::path& path);

[[nodiscard]] std::string relative_path(const std::filesystem::path& path,
                                        const std::filesystem::path& root);

}  // namespace blastgraph::analyzer
