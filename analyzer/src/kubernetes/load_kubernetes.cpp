#include "kubernetes/load_kubernetes.hpp"

#include <algorithm>

#include "blastgraph/core/file_io.hpp"
#include "kubernetes/applications.hpp"
#include "kubernetes/helm_charts.hpp"
#include "kubernetes/kustomize.hpp"
#include "kubernetes/kustomize_builds.hpp"
#include "terraform/module_tree.hpp"
#include "workspace/parse_files.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

using terraform_link::file_name;

// A manifest has objects, or could not be read but names an apiVersion (a Helm template, a
// broken manifest). Other YAML and JSON (CI configs, package.json, policies) is not ours here.
bool mentions_kubernetes(const kubernetes::ManifestFile& file, bool names_api_version) {
  return !file.objects.empty() || (file.unparsed && names_api_version);
}

}  // namespace

std::unique_ptr<KubernetesInput> load_kubernetes(const std::filesystem::path& root,
                                                 const DiscoveredFiles& discovered,
                                                 const LoadOptions& options, Workspace& workspace) {
  std::vector<std::string> manifest_paths;
  std::vector<std::string> kustomization_paths;
  HelmCharts charts(root, discovered.documents, options);
  workspace.helm_charts = charts.dirs();
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
    const auto text = read_file(root / path, options.max_file_bytes);
    charts.add_template(path, text ? *text : std::string());
    input->manifest_paths.push_back(path);
    ++workspace.coverage.files_scanned;
    workspace.coverage.unread_files.push_back({path, ReadProblem::unparsed, {}, {}, {}});
    input->files.push_back(kubernetes::ManifestFile{path, {}, {}, true});
  }
  std::sort(input->manifest_paths.begin(), input->manifest_paths.end());
  for (auto& build : rendered.builds) {
    for (auto& source : build.files) input->rendered.push_back(std::move(source));
  }
  workspace.gitops_charts = charts.dirs(true);
  input->apps = std::make_unique<AppRoots>(gitops_roots(*input, discovered, options));
  report_unplaced_releases(*input, *input->apps, options.default_namespace,
                           workspace.diagnostics);
  const auto chart_diagnostics = charts.diagnostics(*input->apps);
  workspace.diagnostics.insert(workspace.diagnostics.end(), chart_diagnostics.begin(),
                               chart_diagnostics.end());
  const auto scoped = scope_files(rendered, *input, *input->apps, options.default_namespace);
  report_namespaces(scoped, workspace.diagnostics);
  input->index = std::make_unique<ObjectIndex>(scoped, options.service_labels,
                                               workspace.diagnostics);
  return input;
}

}  // namespace blastgraph::analyzer::k8s_link
