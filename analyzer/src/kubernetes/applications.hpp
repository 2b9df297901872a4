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

// Rendered Helm output no release namespace (nor `--namespace`) is given for: its objects
// without a namespace are in `default`, which is seldom where the release is installed (a
// k8s-helm-rendered note).
void report_unplaced_releases(const KubernetesInput& input, const AppRoots& apps,
                              std::string_view default_namespace,
                              std::vector<Diagnostic>& diagnostics);

// Every file of objects with its application: the GitOps application whose directory holds
// it, its kustomization root, or the directory grouping of the rest (scopes.hpp). Files no
// GitOps application applies take `default_namespace` (`kubectl apply -n`) when it is set.
[[nodiscard]] std::vector<ScopedFile> scope_files(const RenderedKustomizations& rendered,
                                                  const KubernetesInput& input,
                                                  const AppRoots& apps,
                                                  const std::string& default_namespace);

// Files applied as they are or by a kustomization (not by a GitOps application, nor rendered
// Helm output): with a namespace given, each object that names another (k8s-namespace-mismatch
// warning, kubectl refuses it); without, each file mixing objects with and without a namespace
// (k8s-mixed-namespaces note). Once per file.
void report_namespaces(const std::vector<ScopedFile>& files, std::vector<Diagnostic>& diagnostics);

}  // namespace blastgraph::analyzer::k8s_link
