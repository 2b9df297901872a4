#pragma once
// Terraform settings are changes too: a changed `terraform` block (required_providers,
// required_version, backend), `provider` block, or an added or removed `moved`, `removed` or
// `import` block reaches the resources of its module that it governs.

#include <map>
#include <string>
#include <vector>

#include "blastgraph/analyzer/change_sources.hpp"
#include "change/file_revisions.hpp"

namespace blastgraph::analyzer::settings {

struct SettingsFindings {
  std::vector<FoundChange> changes;    // `update`, detail "Terraform settings changed: ..."
  std::vector<std::string> unmatched;  // blocks that reach no node of the graph
};

// The Terraform resources of a graph by the directory that declares them (every instance of
// a module's block, in each root that calls it), built once for a comparison.
class ModuleResources {
 public:
  explicit ModuleResources(const graph::Graph& graph);
  [[nodiscard]] const graph::Graph& graph() const { return m_graph; }
  // Ascending; empty for a directory that declares none.
  [[nodiscard]] const std::vector<graph::NodeIndex>& declared_in(const std::string& dir) const;

 private:
  const graph::Graph& m_graph;
  std::map<std::string, std::vector<graph::NodeIndex>, std::less<>> m_by_dir;
};

// The resources declared in the directory of `file` that each change reaches:
//  - terraform: every resource of a provider whose required_providers entry changed, or every
//    resource when anything else changed (required_version, backend, cloud, provider_meta);
//  - provider.NAME: every resource of that provider (its type starts with NAME_);
//  - moved, removed, import: the resources at the addresses the added or removed blocks name.
// Every instance of the module (in each root that calls it) is one node each; the scorer
// folds a published module's instances (score/deployment.hpp).
[[nodiscard]] SettingsFindings settings_changes(
    const ModuleResources& resources, const std::string& file,
    const std::vector<revisions::SettingsChange>& changed);

}  // namespace blastgraph::analyzer::settings
