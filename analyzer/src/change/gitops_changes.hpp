#pragma once
// GitOps objects deploy things: what a change to an Argo CD Application or ApplicationSet, a
// Flux Kustomization or HelmRelease, or a Flux source (GitRepository, HelmRepository,
// OCIRepository, Bucket) does to what it deploys.
//  - source: where it deploys from or to (repoURL, targetRevision, path, chart and its
//    version, sourceRef, destination) — repointing it may replace everything it deploys;
//  - sync: how it applies (automated sync, prune, self-heal, suspend, install/upgrade
//    policies, finalizers) — removing prune or automation changes what happens to it all;
//  - values: what it renders with (Helm values, kustomize patches and images, postBuild).
// Deleting the object is a source change: its controller prunes what it deployed.

#include <string>
#include <vector>

#include "blastgraph/analyzer/change.hpp"
#include "blastgraph/analyzer/change_sources.hpp"
#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/parsers/yaml.hpp"

namespace blastgraph::analyzer::gitops {

struct GitOpsChange {
  GitOpsEffect effect = GitOpsEffect::none;
  std::vector<std::string> paths;  // the fields that changed, e.g. "spec.chart"
};

// Whether `kind` (with its apiVersion) is a GitOps object this file reads.
[[nodiscard]] bool is_gitops_kind(std::string_view api_version, std::string_view kind);

// The effect of changing `base` into `head`, two versions of one GitOps object: the
// strongest class of field that differs, with every differing field.
[[nodiscard]] GitOpsChange compare_objects(const yaml::Node& base, const yaml::Node& head);

// Sets FoundChange::gitops (and adds the fields to its detail) for every update of a GitOps
// object among `found`, from its YAML at both revisions, and for every deletion of one.
void mark_gitops(const Workspace& base, const Workspace& head, std::size_t max_file_bytes,
                 ChangeFindings& found);

}  // namespace blastgraph::analyzer::gitops
