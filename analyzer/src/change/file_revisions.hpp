#pragma once
// One changed file at two revisions (each a directory holding that revision's tree), compared
// for what a change source cannot see in the graph: whether anything but comments and
// formatting changed, and which Terraform settings blocks changed.

#include <filesystem>
#include <string>
#include <vector>

namespace blastgraph::analyzer::revisions {

// A Terraform settings block (terraform, provider, moved, removed, import) added, removed or
// changed, and what it reaches.
struct SettingsChange {
  std::string block;  // its address: "terraform", "provider.aws", "moved", ...
  // terraform and provider blocks: the providers whose resources it reaches (a changed
  // `required_providers` entry, the provider configured); empty when it reaches every
  // resource of the module (required_version, backend, anything else).
  std::vector<std::string> providers;
  // moved, removed and import blocks: the addresses they name (`from`, `to`), without
  // instance keys, of the blocks added or removed.
  std::vector<std::string> addresses;
};

struct FileRevisions {
  // Terraform: the settings blocks that changed, each block address once, ascending.
  std::vector<SettingsChange> settings;
  // False when the file's content is equal at both revisions once comments and layout are
  // ignored (Terraform: every block's normalized text, which leaves out descriptions; YAML
  // and JSON: the parsed documents).
  bool changes_content = true;
  // Terraform: a variable's or output's description or validation message changed.
  bool changes_documentation = false;
};

// Compares `path` below `base_root` and below `head_root`; a missing or unreadable side
// counts as empty. Files other than Terraform, YAML and JSON always change content.
[[nodiscard]] FileRevisions compare_file(const std::filesystem::path& base_root,
                                         const std::filesystem::path& head_root,
                                         const std::string& path, std::size_t max_bytes);

}  // namespace blastgraph::analyzer::revisions
