#pragma once
// Which application each object is applied with (DESIGN.md "Node ids"): GitOps applications
// and Helm releases first, then kustomization roots, then the directory grouping of
// manifests applied as they are.

#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "kubernetes/app_roots.hpp"
#include "kubernetes/kustomize_builds.hpp"
#include "kubernetes/load_kubernetes.hpp"
#include "kubernetes/scopes.hpp"
#include "workspace/discover.hpp"

namespace blastgraph::analyzer::k8s_link {

// The GitOps applications the objects read declare (app_roots.hpp), and the Helm releases
// `options.release_namespaces` names.
[[nodiscard]] AppRoots gitops_roots(const KubernetesInput& input, const DiscoveredFiles& discovered,
                                    const LoadOptions& options);

// Rendered Helm output no release namespace is given for: its objects without a namespace
// are in `default`, which is seldom where the release is installed (a k8s-helm-rendered note).
void report_unplaced_releases(const KubernetesInput& input, const AppRoots& apps,
                              std::vector<Diagnostic>& diagnostics);

// Every file of objects with its application: the GitOps application whose directory holds
// it, its kustomization root, or the directory grouping of the rest (scopes.hpp).
[[nodiscard]] std::vector<ScopedFile> scope_files(const RenderedKustomizations& rendered,
                                                  const KubernetesInput& input,
                                                  const AppRoots& apps);

}  // namespace blastgraph::analyzer::k8s_link
