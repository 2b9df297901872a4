#include "kubernetes/applications.hpp"

#include <algorithm>
#include <set>

#include "terraform/module_tree.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

// Every directory holding one of `files`, with its ancestors.
std::set<std::string> dirs_of(const std::vector<std::string>& files) {
  std::set<std::string> dirs{"."};
  for (const auto& file : files) {
    for (auto dir = terraform_link::parent_dir(file); dirs.insert(dir).second;) {
      dir = terraform_link::parent_dir(dir);
    }
  }
  return dirs;
}

}  // namespace

// The GitOps applications the objects declare (app_roots.hpp).
AppRoots gitops_roots(const KubernetesInput& input, const DiscoveredFiles& discovered,
                      const LoadOptions& options) {
  std::vector<const kubernetes::Object*> objects;
  for (const auto* files : {&input.files, &input.rendered}) {
    for (const auto& file : *files) {
      for (const auto& object : file.objects) {
        if (!object.app_sources.empty()) objects.push_back(&object);
      }
    }
  }
  AppRoots roots(objects, dirs_of(discovered.documents));
  for (const auto& [path, ns] : options.release_namespaces) roots.add_release(path, ns);
  return roots;
}

// Rendered Helm output no release namespace is given for: its objects without a namespace
// are in `default`, which is seldom where the release is installed.
void report_unplaced_releases(const KubernetesInput& input, const AppRoots& apps,
                              std::vector<Diagnostic>& diagnostics) {
  for (const auto& file : input.files) {
    if (!file.helm_rendered || apps.root_of(file.path) != nullptr) continue;
    const auto unplaced =
        std::count_if(file.objects.begin(), file.objects.end(), [](const auto& o) {
          return o.namespace_name.empty() && !kubernetes::is_cluster_scoped(o.kind);
        });
    if (unplaced == 0) continue;
    diagnostics.push_back(
        {file.path,
         {1, 1},
         Severity::note,
         "k8s-helm-rendered",
         "rendered Helm output: " + std::to_string(unplaced) +
             " object(s) without a namespace are read in `default`; `--release-namespace " +
             file.path + "=<namespace>` places them where the release is installed"});
  }
}

// The application each object is applied with: its kustomization root, the GitOps
// application whose directory holds it, or the directory grouping of manifests applied as
// they are (scopes.hpp).
std::vector<ScopedFile> scope_files(const RenderedKustomizations& rendered,
                                    const KubernetesInput& input, const AppRoots& apps) {
  std::vector<ScopedFile> out;
  std::vector<const kubernetes::ManifestFile*> loose;
  for (const auto& file : input.files) {
    if (file.objects.empty()) continue;
    if (const auto* app = apps.root_of(file.path)) {
      out.push_back({&file, app->dir, app->target_namespace, app->overrides_namespace, app});
    } else {
      loose.push_back(&file);
    }
  }
  auto grouped = loose_scopes(loose);
  out.insert(out.end(), grouped.begin(), grouped.end());
  std::size_t next = 0;
  for (const auto& build : rendered.builds) {
    const auto* app = apps.root_at(build.dir);
    for (std::size_t i = 0; i < build.files.size(); ++i) {
      out.push_back({&input.rendered[next++], build.dir,
                     app != nullptr ? app->target_namespace : std::string(),
                     app != nullptr && app->overrides_namespace, app});
    }
  }
  return out;
}

}  // namespace blastgraph::analyzer::k8s_link
