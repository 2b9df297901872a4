#include "kubernetes/load_kubernetes.hpp"

#include "kubernetes/kustomize.hpp"
#include "workspace/parse_files.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

std::string file_name(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool mentions_kubernetes(const kubernetes::ManifestFile& file) {
  return !file.objects.empty() || file.unparsed;
}

}  // namespace

std::unique_ptr<KubernetesInput> load_kubernetes(const std::filesystem::path& root,
                                                 const DiscoveredFiles& discovered,
                                                 const LoadOptions& options, Workspace& workspace) {
  std::vector<std::string> manifest_paths;
  std::vector<std::string> kustomization_paths;
  for (const auto& path : discovered.documents) {
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
    workspace.diagnostics.insert(workspace.diagnostics.end(), k.diagnostics.begin(), k.diagnostics.end());
  }

  auto input = std::make_unique<KubernetesInput>();
  input->files = parse_files<kubernetes::ManifestFile>(
      root, manifest_paths, options,
      [](const std::string& path, const std::string& text) {
        return kubernetes::parse_manifests(path, text);
      },
      [](const std::string& path, const std::string& why) {
        kubernetes::ManifestFile file;
        file.path = path;
        file.unparsed = true;
        file.diagnostics.push_back(unreadable_file(path, why));
        return file;
      });

  const DeploymentFilter filter(kustomizations);
  for (auto& file : input->files) {
    if (!mentions_kubernetes(file)) continue;  // YAML or JSON, but not Kubernetes
    ++workspace.coverage.files_scanned;
    if (file.unparsed) ++workspace.coverage.files_unparsed;
    workspace.diagnostics.insert(workspace.diagnostics.end(), file.diagnostics.begin(),
                                 file.diagnostics.end());
    if (!file.objects.empty() && !filter.is_deployed(file.path)) {
      workspace.diagnostics.push_back(
          {file.path, {}, Severity::note, "k8s-not-deployed",
           "not listed in the kustomization's resources; its objects are left out"});
      file.objects.clear();
    }
  }
  input->index = std::make_unique<ObjectIndex>(input->files, workspace.diagnostics);
  return input;
}

}  // namespace blastgraph::analyzer::k8s_link
