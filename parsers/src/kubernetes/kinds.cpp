// Names: RefVia spellings, cluster-scoped kinds, which paths hold manifests.

#include <algorithm>
#include <array>
#include <cctype>

#include "blastgraph/parsers/kubernetes.hpp"

namespace blastgraph::kubernetes {
namespace {

constexpr std::array<std::string_view, 18> k_cluster_scoped_kinds{
    "APIService",
    "CSIDriver",
    "ClusterRole",
    "ClusterRoleBinding",
    "CustomResourceDefinition",
    "GatewayClass",
    "IngressClass",
    "MutatingWebhookConfiguration",
    "Namespace",
    "Node",
    "PersistentVolume",
    "PriorityClass",
    "RuntimeClass",
    "StorageClass",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration",
    "VolumeAttachment"};

std::string_view base_name(std::string_view path) {
  std::size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(),
                    text.end() - static_cast<std::ptrdiff_t>(suffix.size()), [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) ==
                             std::tolower(static_cast<unsigned char>(b));
                    });
}

}  // namespace

std::string_view to_string(RefVia via) {
  switch (via) {
    case RefVia::owner_reference:
      return "owner_reference";
    case RefVia::env_value_from:
      return "env_value_from";
    case RefVia::env_from:
      return "env_from";
    case RefVia::volume:
      return "volume";
    case RefVia::projected_volume:
      return "projected_volume";
    case RefVia::image_pull_secret:
      return "image_pull_secret";
    case RefVia::service_account:
      return "service_account";
    case RefVia::priority_class:
      return "priority_class";
    case RefVia::volume_claim_template:
      return "volume_claim_template";
    case RefVia::governing_service:
      return "governing_service";
    case RefVia::storage_class:
      return "storage_class";
    case RefVia::persistent_volume:
      return "persistent_volume";
    case RefVia::volume_claim:
      return "volume_claim";
    case RefVia::ingress_backend:
      return "ingress_backend";
    case RefVia::ingress_default_backend:
      return "ingress_default_backend";
    case RefVia::ingress_tls:
      return "ingress_tls";
    case RefVia::ingress_class:
      return "ingress_class";
    case RefVia::gateway_class:
      return "gateway_class";
    case RefVia::gateway_certificate:
      return "gateway_certificate";
    case RefVia::route_parent:
      return "route_parent";
    case RefVia::route_backend:
      return "route_backend";
    case RefVia::reference_grant_from:
      return "reference_grant_from";
    case RefVia::reference_grant_to:
      return "reference_grant_to";
    case RefVia::role_ref:
      return "role_ref";
    case RefVia::subject:
      return "subject";
    case RefVia::scale_target:
      return "scale_target";
    case RefVia::webhook_service:
      return "webhook_service";
    case RefVia::api_service:
      return "api_service";
  }
  return "unknown";
}

bool is_cluster_scoped(std::string_view kind) {
  return std::find(k_cluster_scoped_kinds.begin(), k_cluster_scoped_kinds.end(), kind) !=
         k_cluster_scoped_kinds.end();
}

bool looks_like_manifest_path(std::string_view path) {
  return ends_with_ignoring_case(path, ".yaml") || ends_with_ignoring_case(path, ".yml") ||
         ends_with_ignoring_case(path, ".json");
}

bool looks_like_kustomization_path(std::string_view path) {
  std::string_view name = base_name(path);
  return name == "kustomization.yaml" || name == "kustomization.yml" || name == "Kustomization";
}

}  // namespace blastgraph::kubernetes
