#include "change/gitops_changes.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "blastgraph/core/file_io.hpp"

#include "change/node_content.hpp"
#include "change/text.hpp"

namespace blastgraph::analyzer::gitops {
namespace {

struct Field {
  std::string_view path;  // dotted, from the object's root
  GitOpsEffect effect;
};

constexpr auto k_source = GitOpsEffect::source;
constexpr auto k_sync = GitOpsEffect::sync;
constexpr auto k_values = GitOpsEffect::values;

// Argo CD: an Application's spec, and an ApplicationSet's template of one.
constexpr std::array<Field, 13> k_application{{
    {"spec.source.repoURL", k_source},
    {"spec.source.targetRevision", k_source},
    {"spec.source.path", k_source},
    {"spec.source.chart", k_source},
    {"spec.sources", k_source},
    {"spec.destination", k_source},
    {"spec.project", k_source},
    {"spec.syncPolicy", k_sync},
    {"metadata.finalizers", k_sync},
    {"spec.source.helm", k_values},
    {"spec.source.kustomize", k_values},
    {"spec.source.directory", k_values},
    {"spec.source.plugin", k_values},
}};
constexpr std::array<Field, 14> k_application_set{{
    {"spec.generators", k_source},
    {"spec.template.spec.source.repoURL", k_source},
    {"spec.template.spec.source.targetRevision", k_source},
    {"spec.template.spec.source.path", k_source},
    {"spec.template.spec.source.chart", k_source},
    {"spec.template.spec.sources", k_source},
    {"spec.template.spec.destination", k_source},
    {"spec.template.spec.project", k_source},
    {"spec.syncPolicy", k_sync},
    {"spec.template.spec.syncPolicy", k_sync},
    {"metadata.finalizers", k_sync},
    {"spec.template.spec.source.helm", k_values},
    {"spec.template.spec.source.kustomize", k_values},
    {"spec.template.spec.source.directory", k_values},
}};
// Flux.
constexpr std::array<Field, 15> k_helm_release{{
    {"spec.chart", k_source},
    {"spec.chartRef", k_source},
    {"spec.releaseName", k_source},
    {"spec.targetNamespace", k_source},
    {"spec.storageNamespace", k_source},
    {"spec.kubeConfig", k_source},
    {"spec.suspend", k_sync},
    {"spec.install", k_sync},
    {"spec.upgrade", k_sync},
    {"spec.uninstall", k_sync},
    {"spec.rollback", k_sync},
    {"metadata.finalizers", k_sync},
    {"spec.values", k_values},
    {"spec.valuesFrom", k_values},
    {"spec.postRenderers", k_values},
}};
constexpr std::array<Field, 13> k_kustomization{{
    {"spec.sourceRef", k_source},
    {"spec.path", k_source},
    {"spec.targetNamespace", k_source},
    {"spec.kubeConfig", k_source},
    {"spec.prune", k_sync},
    {"spec.suspend", k_sync},
    {"spec.force", k_sync},
    {"spec.dependsOn", k_sync},
    {"metadata.finalizers", k_sync},
    {"spec.patches", k_values},
    {"spec.images", k_values},
    {"spec.postBuild", k_values},
    {"spec.components", k_values},
}};
constexpr std::array<Field, 7> k_source_object{{
    {"spec.url", k_source},
    {"spec.ref", k_source},
    {"spec.bucketName", k_source},
    {"spec.layerSelector", k_source},
    {"spec.suspend", k_sync},
    {"spec.ignore", k_values},
    {"metadata.finalizers", k_sync},
}};

yaml::Node at(const yaml::Node& root, std::string_view path) {
  yaml::Node node = root;
  std::size_t begin = 0;
  while (begin <= path.size()) {
    const auto dot = path.find('.', begin);
    const auto key = path.substr(begin, dot == std::string_view::npos ? dot : dot - begin);
    node = node.find(key);
    if (!node || dot == std::string_view::npos) return node;
    begin = dot + 1;
  }
  return node;
}

std::string_view group_of(std::string_view api_version) {
  return api_version.substr(0, api_version.find('/'));
}

template <std::size_t N>
GitOpsChange compare_fields(const std::array<Field, N>& fields, const yaml::Node& base,
                            const yaml::Node& head) {
  GitOpsChange out;
  for (const auto& field : fields) {
    if (content::tree_text(at(base, field.path)) == content::tree_text(at(head, field.path))) {
      continue;
    }
    out.paths.emplace_back(field.path);
    out.effect = std::max(out.effect, field.effect);
  }
  return out;
}

constexpr std::array<std::string_view, 8> k_kinds{
    "Application",   "ApplicationSet", "HelmRelease",   "Kustomization",
    "GitRepository", "HelmRepository", "OCIRepository", "Bucket"};

// The object a node was read from, at one revision; kept alive with its stream.
struct Object {
  yaml::Stream stream;
  yaml::Node root;
};

std::optional<Object> object_of(const Workspace& workspace, const graph::Node& node,
                                std::size_t max_file_bytes) {
  auto text = read_file(workspace.root / node.span.file.str(), max_file_bytes);
  if (!text) return std::nullopt;
  const auto span = content::lines_of(*text, node.span.first_line, node.span.last_line);
  Object out{yaml::load(node.span.file, span), {}};
  if (out.stream.documents.empty()) return std::nullopt;
  out.root = out.stream.documents.front().root;
  if (!is_gitops_kind(out.root.find("apiVersion").scalar(), out.root.find("kind").scalar())) {
    return std::nullopt;
  }
  return out;
}

void add_detail(FoundChange& change, const std::string& detail) {
  change.detail += (change.detail.empty() ? "" : "; ") + detail;
}

}  // namespace

void mark_gitops(const Workspace& base, const Workspace& head, std::size_t max_file_bytes,
                 ChangeFindings& found) {
  for (auto& change : found.changes) {
    if (change.action != ChangeAction::update && change.action != ChangeAction::destroy) continue;
    const auto& before_graph = base.graph;
    const auto before = before_graph.find(change.id);
    if (before == graph::k_no_node) continue;
    const auto& old_node = before_graph.node(before);
    if (old_node.domain != graph::Domain::kubernetes ||
        std::find(k_kinds.begin(), k_kinds.end(), old_node.type) == k_kinds.end()) {
      continue;
    }
    const auto old = object_of(base, old_node, max_file_bytes);
    if (!old) continue;
    if (change.action == ChangeAction::destroy) {
      change.gitops = GitOpsEffect::source;
      add_detail(change, "GitOps object deleted: its controller stops managing what it deployed");
      continue;
    }
    const auto after = head.graph.find(change.id);
    if (after == graph::k_no_node) continue;
    const auto now = object_of(head, head.graph.node(after), max_file_bytes);
    if (!now) continue;
    const auto compared = compare_objects(old->root, now->root);
    if (compared.effect == GitOpsEffect::none) continue;
    change.gitops = compared.effect;
    add_detail(change, "GitOps " + std::string(to_string(compared.effect)) +
                           " changed: " + text::join(compared.paths));
  }
}

bool is_gitops_kind(std::string_view api_version, std::string_view kind) {
  const auto group = group_of(api_version);
  if (group == "argoproj.io") return kind == "Application" || kind == "ApplicationSet";
  if (group == "helm.toolkit.fluxcd.io") return kind == "HelmRelease";
  if (group == "kustomize.toolkit.fluxcd.io") return kind == "Kustomization";
  if (group == "source.toolkit.fluxcd.io") {
    return kind == "GitRepository" || kind == "HelmRepository" || kind == "OCIRepository" ||
           kind == "Bucket" || kind == "HelmChart";
  }
  return false;
}

GitOpsChange compare_objects(const yaml::Node& base, const yaml::Node& head) {
  const auto kind = head.find("kind").scalar();
  const auto group = group_of(head.find("apiVersion").scalar());
  if (group == "argoproj.io" && kind == "Application") {
    return compare_fields(k_application, base, head);
  }
  if (group == "argoproj.io") return compare_fields(k_application_set, base, head);
  if (group == "helm.toolkit.fluxcd.io") return compare_fields(k_helm_release, base, head);
  if (group == "kustomize.toolkit.fluxcd.io") return compare_fields(k_kustomization, base, head);
  return compare_fields(k_source_object, base, head);
}

}  // namespace blastgraph::analyzer::gitops
