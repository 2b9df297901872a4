#include "classify/support.hpp"

#include <algorithm>
#include <array>

namespace blastgraph::analyzer {
namespace {

// Sorted, for binary search.
constexpr std::array<std::string_view, 51> k_kinds{
    "APIService", "CSIDriver", "ClusterRole", "ClusterRoleBinding", "ConfigMap",
    "ControllerRevision", "CronJob", "CustomResourceDefinition", "DaemonSet", "Deployment",
    "EndpointSlice", "Endpoints", "GRPCRoute", "Gateway", "GatewayClass",
    "HTTPRoute", "HorizontalPodAutoscaler", "Ingress", "IngressClass", "Job",
    "Lease", "LimitRange", "MutatingWebhookConfiguration", "Namespace", "NetworkPolicy",
    "Node", "PersistentVolume", "PersistentVolumeClaim", "Pod", "PodDisruptionBudget",
    "PriorityClass", "ReferenceGrant", "ReplicaSet", "ReplicationController", "ResourceQuota",
    "Role", "RoleBinding", "RuntimeClass", "Secret", "Service",
    "ServiceAccount", "StatefulSet", "StorageClass", "TCPRoute", "TLSRoute",
    "UDPRoute", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration", "VerticalPodAutoscaler", "VolumeAttachment",
};

constexpr std::array<std::string_view, 17> k_providers{
    "archive", "aws", "azuread", "azurerm", "cloudinit", "external", "google", "google-beta",
    "helm", "http", "kubernetes", "local", "null", "random", "template", "time", "tls"};

}  // namespace

bool is_supported_kind(std::string_view kind) {
  return std::binary_search(k_kinds.begin(), k_kinds.end(), kind);
}

bool is_supported_terraform_type(std::string_view type) {
  if (type.starts_with("data.")) type.remove_prefix(5);
  const auto provider = type.substr(0, type.find('_'));
  return std::find(k_providers.begin(), k_providers.end(), provider) != k_providers.end();
}

bool is_unsupported_resource(const graph::Node& node) {
  if (node.role != graph::Role::resource) return false;
  switch (node.domain) {
    case graph::Domain::kubernetes: return !is_supported_kind(node.type);
    case graph::Domain::terraform: return !is_supported_terraform_type(node.type);
    default: return false;
  }
}

}  // namespace blastgraph::analyzer
