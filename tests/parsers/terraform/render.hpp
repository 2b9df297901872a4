#pragma once
// Text renderings of a parsed terraform::File, the format of the golden files.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/parsers/terraform.hpp"

namespace blastgraph::terraform::testing {

[[nodiscard]] std::string_view to_string(ReferenceContext context);

// One line per block (its address), then one indented line per reference:
//   `  <subject> <attribute> <line>:<col> <context>`
// and after the blocks one line per diagnostic, as format_diagnostic prints it.
[[nodiscard]] std::string render_references(const File& file);

// The diagnostics, then the addresses of the blocks:
//   diagnostics:
//   <format_diagnostic lines>
//   blocks:
//   <addresses>
[[nodiscard]] std::string render_recovery(const File& file);

[[nodiscard]] std::string read_text(const std::filesystem::path& path);

// Sorted names of the entries of `directory` accepted by `keep`.
[[nodiscard]] std::vector<std::string> list_directory(const std::filesystem::path& directory,
                                                      bool (*keep)(const std::filesystem::path&));

[[nodiscard]] std::filesystem::path fixtures_dir();

}  // namespace blastgraph::terraform::testing
