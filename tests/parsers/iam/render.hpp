#pragma once
// A text rendering of a parsed iam::PolicyFile, the format of the golden files under
// fixtures/parsers/iam/.

#include <filesystem>
#include <string>
#include <vector>

#include "blastgraph/parsers/iam.hpp"

namespace blastgraph::iam::testing {

// diagnostics:
// <format_diagnostic lines>
// documents:
// <kind> [principal <type> <name>] [policy <name>] [arn <arn>] [version <id>[ default]]
// <line>:<col>
//   <Allow|Deny> <sid or -> <line>:<col>
[[nodiscard]] std::string render_summary(const PolicyFile& file);

[[nodiscard]] std::string read_text(const std::filesystem::path& path);

[[nodiscard]] std::filesystem::path fixtures_dir();

// Sorted file names in `directory` with extension `extension` (".json").
[[nodiscard]] std::vector<std::string> list_files(const std::filesystem::path& directory,
                                                  const std::string& extension);

}  // namespace blastgraph::iam::testing
