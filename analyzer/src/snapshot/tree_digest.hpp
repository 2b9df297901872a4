#pragma once
// Private: what a snapshot records of the tree it was written from, to tell a changed tree.

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"

namespace blastgraph::analyzer::snapshot {

// Each infrastructure file under `root` (as a scan discovers them) with a digest of its
// contents, sorted by path. A file that cannot be read has digest 0.
using TreeDigest = std::vector<std::pair<std::string, std::uint64_t>>;

[[nodiscard]] TreeDigest digest_tree(const std::filesystem::path& root, const LoadOptions& options);

// The paths that differ between two digests (changed, added or removed), sorted.
[[nodiscard]] std::vector<std::string> changed_paths(const TreeDigest& before,
                                                     const TreeDigest& now);

}  // namespace blastgraph::analyzer::snapshot
