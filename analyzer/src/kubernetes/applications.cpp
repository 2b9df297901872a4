#include "kubernetes/applications.hpp"

#include <algorithm>
#include <set>

#include "kubernetes/objects.hpp"
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
                              std::string_view default_namespace,
                              std::vector<Diagnostic>& diagnostics) {
  if (!default_namespace.empty()) return;
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
                                    const KubernetesInput& input, const AppRoots& apps,
                                    const std::string& default_namespace) {
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
  for (auto& scoped : grouped) scoped.target_namespace = default_namespace;
  out.insert(out.end(), grouped.begin(), grouped.end());
  std::size_t next = 0;
  for (const auto& build : rendered.builds) {
    const auto* app = apps.root_at(build.dir);
    for (std::size_t i = 0; i < build.files.size(); ++i) {
      out.push_back({&input.rendered[next++], build.dir,
                     app != nullptr ? app->target_namespace : default_namespace,
                     app != nullptr && app->overrides_namespace, app});
    }
  }
  return out;
}

namespace {

bool namespaced(const kubernetes::Object& object) {
  return !kubernetes::is_cluster_scoped(object.kind);
}

// `--namespace NS` given: an object that names another namespace is refused by
// `kubectl apply -n NS`.
void report_mismatches(const ScopedFile& scoped, std::vector<Diagnostic>& diagnostics) {
  for (const auto& object : scoped.file->objects) {
    if (!namespaced(object) || object.namespace_name.empty() ||
        object.namespace_name == scoped.target_namespace ||
        kubernetes::is_placeholder(object.namespace_name)) {
      continue;
    }
    diagnostics.push_back(
        {scoped.file->path, object.position, Severity::warning, "k8s-namespace-mismatch",
         object.kind + " " + object.name + " names namespace " + object.namespace_name +
             ", which `kubectl apply -n " + scoped.target_namespace +
             "` refuses; it is read in " + object.namespace_name});
  }
}

// No namespace given: a file with objects in a namespace and objects without one is most
// likely applied with `-n` or by a tool that sets it; read as written, its namespace-less
// objects sit in `default`, apart from the rest.
void report_mixed(const ScopedFile& scoped, std::vector<Diagnostic>& diagnostics) {
  std::set<std::string> named;
  std::size_t without = 0;
  const kubernetes::Object* first_without = nullptr;
  for (const auto& object : scoped.file->objects) {
    if (!namespaced(object)) continue;
    if (!object.namespace_name.empty()) {
      // `default` written out is where the others go too.
      if (object.namespace_name != k_default_namespace) named.insert(object.namespace_name);
    } else if (++without == 1) {
      first_without = &object;
    }
  }
  if (named.empty() || first_without == nullptr) return;
  const auto ns = *named.begin();
  diagnostics.push_back(
      {scoped.file->path, first_without->position, Severity::note, "k8s-mixed-namespaces",
       std::to_string(without) + " object(s) here have no namespace and are read in `default`, " +
           "beside objects in " + (named.size() == 1 ? ns : std::to_string(named.size()) +
                                                              " namespaces (" + ns + ", ...)") +
           "; if the file is applied with `kubectl apply -n " + ns + "`, pass `--namespace " + ns +
           "` (or set kubernetes.namespace in the policy file)"});
}

}  // namespace

void report_namespaces(const std::vector<ScopedFile>& files, std::vector<Diagnostic>& diagnostics) {
  std::set<std::string> seen;  // a file rendered by several kustomizations: once
  for (const auto& scoped : files) {
    if (scoped.app != nullptr || scoped.file->helm_rendered) continue;
    if (!seen.insert(scoped.file->path).second) continue;
    if (scoped.target_namespace.empty()) {
      report_mixed(scoped, diagnostics);
    } else {
      report_mismatches(scoped, diagnostics);
    }
  }
}

}  // namespace blastgraph::analyzer::k8s_link
