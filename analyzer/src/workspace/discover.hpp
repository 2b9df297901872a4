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
  std::vector<Diagnostic> diagnostics;
};

[[nodiscard]] DiscoveredFiles discover_files(const std::filesystem::path& root,
                                             const LoadOptions& options);

// `path` relative to `root`, '/' separated, "." for the root itself.
[[nodiscard]] std::string relative_path(const std::filesystem::path& path,
                                        const std::filesystem::path& root);

}  // namespace blastgraph::analyzer
