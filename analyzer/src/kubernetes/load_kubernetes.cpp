#include "kubernetes/load_kubernetes.hpp"

#include <algorithm>
#include <set>

#include "kubernetes/app_roots.hpp"
#include "kubernetes/helm_charts.hpp"
#include "kubernetes/kustomize.hpp"
#include "kubernetes/kustomize_builds.hpp"
#include "terraform/module_tree.hpp"
#include "workspace/parse_files.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

std::string file_name(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A manifest has objects, or could not be read but names an apiVersion (a Helm template, a
// broken manifest). Other YAML and JSON (CI configs, package.json, policies) is not ours here.
bool mentions_kubernetes(const kubernetes::ManifestFile& file, bool names_api_version) {
  return !file.objects.empty() || (file.unparsed && names_api_version);
}

// The application each object is applied with: its kustomization root, or the directory
// grouping of manifests applied as they are (scopes.hpp).
std::set<std::string> dirs_of(const std::vector<std::string>& files) {
  std::set<std::string> dirs{"."};
  for (const auto& file : files) {
    for (auto dir = terraform_link::parent_dir(file); dirs.insert(dir).second;) {
      dir = terraform_link::parent_dir(dir);
    }
  }
  return dirs;
}

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
      ScopedFile scoped{&input.rendered[next++], build.dir, {}, false, app};
      if (app != nullptr) {
        scoped.target_namespace = app->target_namespace;
        scoped.overrides_namespace = app->overrides_namespace;
      }
      out.push_back(std::move(scoped));
    }
  }
  return out;
}

}  // namespace

std::unique_ptr<KubernetesInput> load_kubernetes(const std::filesystem::path& root,
                                                 const DiscoveredFiles& discovered,
                                                 const LoadOptions& options, Workspace& workspace) {
  std::vector<std::string> manifest_paths;
  std::vector<std::string> kustomization_paths;
  HelmCharts charts(root, discovered.documents, options);
  std::vector<std::string> chart_templates;
  for (const auto& path : discovered.documents) {
    if (const auto* chart = charts.chart_of(path)) {
      // NOTE: the rest of a chart (values, Chart.yaml, test values) is its input, not manifests.
      if (chart->is_template(path)) chart_templates.push_back(path);
      continue;
    }
    (kubernetes::looks_like_kustomization_path(file_name(path)) ? kustomization_paths
                                                                : manifest_paths)
        .push_back(path);
  }
  auto kustomizations = parse_files<kubernetes::Kustomization>(
      root, kustomization_paths, options,
      [](const std::string& path, const std::string& text) {
        return kubernetes::parse_kustomization(path, text);
      },
      [](const std::string& path, const std::string& why) {
        kubernetes::Kustomization k;
        k.path = path;
        k.diagnostics.push_back(unreadable_file(path, why));
        return k;
      });
  for (const auto& k : kustomizations) {
    workspace.diagnostics.insert(workspace.diagnostics.end(), k.diagnostics.begin(),
                                 k.diagnostics.end());
  }

  struct Parsed {
    kubernetes::ManifestFile file;
    bool names_api_version = false;
  };
  auto parsed = parse_files<Parsed>(
      root, manifest_paths, options,
      [](const std::string& path, const std::string& text) {
        return Parsed{kubernetes::parse_manifests(path, text),
                      text.find("apiVersion") != std::string::npos};
      },
      [](const std::string& path, const std::string& why) {
        Parsed p;
        p.file.path = path;
        p.file.unparsed = true;
        p.file.diagnostics.push_back(unreadable_file(path, why));
        p.names_api_version = !path.ends_with(".json");  // too large to tell: a YAML file counts
        return p;
      });

  auto input = std::make_unique<KubernetesInput>();
  const DeploymentFilter filter(kustomizations);
  auto rendered = render_kustomizations(root, kustomizations, options);
  workspace.diagnostics.insert(workspace.diagnostics.end(), rendered.diagnostics.begin(),
                               rendered.diagnostics.end());
  for (const auto& d : rendered.diagnostics) {
    // A remote base's objects are missing: the kustomization was not fully read.
    if (d.code == "k8s-kustomize-remote") {
      workspace.coverage.unread_files.push_back({d.file, ReadProblem::unparsed, {}, {}, {}});
    }
  }
  for (auto& [file, names_api_version] : parsed) {
    if (!mentions_kubernetes(file, names_api_version)) continue;
    input->manifest_paths.push_back(file.path);
    ++workspace.coverage.files_scanned;
    if (file.unparsed) {
      workspace.coverage.unread_files.push_back({file.path, ReadProblem::unparsed, {}, {}, {}});
    }
    workspace.diagnostics.insert(workspace.diagnostics.end(), file.diagnostics.begin(),
                                 file.diagnostics.end());
    if (rendered.inputs.contains(file.path)) {
      // NOTE: a kustomization reads this file; its objects come in rendered, below.
      file.objects.clear();
    } else if (!file.objects.empty() && !filter.is_deployed(file.path)) {
      workspace.diagnostics.push_back(
          {file.path,
           {},
           Severity::note,
           "k8s-not-deployed",
           "not listed in the kustomization's resources; its objects are left out"});
      file.objects.clear();
    }
    input->files.push_back(std::move(file));
  }
  // A chart's templates are manifests the tree does not hold yet: not read, reported once
  // per chart.
  for (const auto& path : chart_templates) {
    charts.add_template(path);
    input->manifest_paths.push_back(path);
    ++workspace.coverage.files_scanned;
    workspace.coverage.unread_files.push_back({path, ReadProblem::unparsed, {}, {}, {}});
    input->files.push_back(kubernetes::ManifestFile{path, {}, {}, true});
  }
  std::sort(input->manifest_paths.begin(), input->manifest_paths.end());
  for (auto& build : rendered.builds) {
    for (auto& source : build.files) input->rendered.push_back(std::move(source));
  }
  input->apps = std::make_unique<AppRoots>(gitops_roots(*input, discovered, options));
  report_unplaced_releases(*input, *input->apps, workspace.diagnostics);
  const auto chart_diagnostics = charts.diagnostics(*input->apps);
  workspace.diagnostics.insert(workspace.diagnostics.end(), chart_diagnostics.begin(),
                               chart_diagnostics.end());
  input->index = std::make_unique<ObjectIndex>(scope_files(rendered, *input, *input->apps),
                                               workspace.diagnostics);
  return input;
}

}  // namespace blastgraph::analyzer::k8s_link
