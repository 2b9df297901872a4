#pragma once
// GitOps applications of the tree: the directories Argo CD Applications (and ApplicationSet
// templates) and Flux Kustomizations apply, each an application scope with the namespace its
// controller gives objects that have none.

#include <set>
#include <string>
#include <vector>

#include "blastgraph/parsers/kubernetes.hpp"

namespace blastgraph::analyzer::k8s_link {

struct AppRoot {
  std::string dir;  // relative to the scanned root, "." for it
  std::string target_namespace;
  bool overrides_namespace = false;  // every namespaced object's, not only those without one
  const kubernetes::Object* applied_by = nullptr;  // the Application or Kustomization
  const kubernetes::AppSource* source = nullptr;   // where it names the directory
};

class AppRoots {
 public:
  // The sources of `objects` whose path is a directory of the tree (`dirs`: every directory
  // holding a document, with its ancestors); a path elsewhere (another repository, a
  // templated `{{path}}`) names nothing here. Two applications of one directory: the first.
  AppRoots(const std::vector<const kubernetes::Object*>& objects,
           const std::set<std::string>& dirs);

  // Adds rendered Helm output at `path` (a file or a directory) as one release installed into
  // `ns`, unless an application already applies it.
  void add_release(const std::string& path, const std::string& ns);

  // The deepest application directory (or release file) at or above `file`, or nullptr.
  [[nodiscard]] const AppRoot* root_of(const std::string& file) const;
  // The application applied from exactly `dir`, or nullptr.
  [[nodiscard]] const AppRoot* root_at(const std::string& dir) const;

 private:
  std::vector<AppRoot> m_roots;  // deepest first
};

}  // namespace blastgraph::analyzer::k8s_link
