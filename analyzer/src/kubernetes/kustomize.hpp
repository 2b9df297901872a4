#pragma once
// Which manifest files are deployed. A directory with a kustomization decides for the files
// below it (the nearest one wins): a file is deployed when its `resources` list names it or a
// directory holding it. Files elsewhere are deployed.

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/parsers/kubernetes.hpp"

namespace blastgraph::analyzer::k8s_link {

class DeploymentFilter {
 public:
  explicit DeploymentFilter(const std::vector<kubernetes::Kustomization>& kustomizations);

  [[nodiscard]] bool is_deployed(const std::string& file) const;

 private:
  struct Rule {
    std::string dir;                  // the kustomization's directory, "." for the root
    std::set<std::string> files;      // listed files, relative to the scanned root
    std::vector<std::string> dirs;    // listed directories, relative to the scanned root
  };
  std::vector<Rule> m_rules;  // deepest directory first
};

}  // namespace blastgraph::analyzer::k8s_link
