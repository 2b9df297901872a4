#pragma once
// `.terraform/modules/modules.json`: where `terraform init` installed each remote module of a
// root. With it, remote modules are expanded offline like local ones.

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"

namespace blastgraph::analyzer::terraform_link {

struct ModuleManifests {
  // root dir -> module key ("a" or "a.b" for a call inside module a) -> installed dir
  // (relative to the scanned root).
  std::map<std::string, std::map<std::string, std::string>> by_root;
  std::set<std::string> installed_dirs;  // every installed dir, sorted

  // The installed dir of the call `key` in `root`, or "".
  [[nodiscard]] std::string find(const std::string& root, const std::string& key) const;
};

// Reads each manifest (paths relative to `root`). Bad JSON or a Dir outside the scanned root
// becomes a diagnostic; the other entries are kept.
[[nodiscard]] ModuleManifests read_module_manifests(const std::filesystem::path& root,
                                                    const std::vector<std::string>& manifests,
                                                    const LoadOptions& options,
                                                    std::vector<Diagnostic>& diagnostics);

}  // namespace blastgraph::analyzer::terraform_link
