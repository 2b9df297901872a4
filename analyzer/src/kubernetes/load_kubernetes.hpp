#pragma once
// The Kubernetes half of a workspace: parse every manifest, keep the deployed ones, index
// their objects.

#include <memory>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "kubernetes/objects.hpp"
#include "workspace/discover.hpp"

namespace blastgraph::analyzer::k8s_link {

struct KubernetesInput {
  // Every manifest file as read; a file a kustomization renders keeps no objects here.
  std::vector<kubernetes::ManifestFile> files;
  // What kustomization roots render, a file per root and source file it is written in.
  std::vector<kubernetes::ManifestFile> rendered;
  std::vector<std::string> manifest_paths;  // files that are Kubernetes manifests, sorted
  std::unique_ptr<AppRoots> apps;           // GitOps applications, pointing into both
  std::unique_ptr<ObjectIndex> index;       // points into files, rendered and apps
};

// Problems go to workspace.diagnostics, counts to workspace.coverage.
[[nodiscard]] std::unique_ptr<KubernetesInput> load_kubernetes(const std::filesystem::path& root,
                                                               const DiscoveredFiles& discovered,
                                                               const LoadOptions& options,
                                                               Workspace& workspace);

}  // namespace blastgraph::analyzer::k8s_link
