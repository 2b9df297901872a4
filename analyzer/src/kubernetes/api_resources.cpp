#include "kubernetes/api_resources.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace blastgraph::analyzer::k8s_link {
namespace {

struct BuiltinKind {
  std::string_view group;
  std::string_view kind;
  std::string_view resource;
};

// Built-in kinds whose resource the guess would get wrong, and the common ones written out so
// the table reads as the API's discovery document does. Scope comes from is_cluster_scoped.
constexpr std::array<BuiltinKind, 36> k_builtin_kinds{{
    {"", "Pod", "pods"},
    {"", "Service", "services"},
    {"", "Endpoints", "endpoints"},  // the guess says "endpointses"
    {"", "ConfigMap", "configmaps"},
    {"", "Secret", "secrets"},
    {"", "ServiceAccount", "serviceaccounts"},
    {"", "Namespace", "namespaces"},
    {"", "Node", "nodes"},
    {"", "PersistentVolume", "persistentvolumes"},
    {"", "PersistentVolumeClaim", "persistentvolumeclaims"},
    {"", "ReplicationController", "replicationcontrollers"},
    {"", "LimitRange", "limitranges"},
    {"", "ResourceQuota", "resourcequotas"},
    {"apps", "Deployment", "deployments"},
    {"apps", "StatefulSet", "statefulsets"},
    {"apps", "DaemonSet", "daemonsets"},
    {"apps", "ReplicaSet", "replicasets"},
    {"batch", "Job", "jobs"},
    {"batch", "CronJob", "cronjobs"},
    {"autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers"},
    {"policy", "PodDisruptionBudget", "poddisruptionbudgets"},
    {"networking.k8s.io", "Ingress", "ingresses"},
    {"networking.k8s.io", "IngressClass", "ingressclasses"},
    {"networking.k8s.io", "NetworkPolicy", "networkpolicies"},
    {"discovery.k8s.io", "EndpointSlice", "endpointslices"},
    {"rbac.authorization.k8s.io", "Role", "roles"},
    {"rbac.authorization.k8s.io", "ClusterRole", "clusterroles"},
    {"rbac.authorization.k8s.io", "RoleBinding", "rolebindings"},
    {"rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings"},
    {"storage.k8s.io", "StorageClass", "storageclasses"},
    {"scheduling.k8s.io", "PriorityClass", "priorityclasses"},
    {"apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions"},
    {"admissionregistration.k8s.io", "MutatingWebhookConfiguration",
     "mutatingwebhookconfigurations"},
    {"admissionregistration.k8s.io", "ValidatingWebhookConfiguration",
     "validatingwebhookconfigurations"},
    {"apiregistration.k8s.io", "APIService", "apiservices"},
    {"node.k8s.io", "RuntimeClass", "runtimeclasses"},
}};

}  // namespace

std::pair<std::string, std::string> split_api_version(const std::string& api_version) {
  const auto slash = api_version.find('/');
  if (slash == std::string::npos) return {"", api_version};
  return {api_version.substr(0, slash), api_version.substr(slash + 1)};
}

std::string guess_resource(std::string_view kind) {
  std::string out;
  for (char c : kind) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (out.ends_with('s')) return out + "es";
  if (out.ends_with('y')) return out.substr(0, out.size() - 1) + "ies";
  return out + "s";
}

ApiResources::ApiResources(const ObjectIndex& index) {
  for (const auto& placed : index.objects()) {
    const auto& defines = placed.object->defines;
    if (defines) m_custom.emplace(std::pair{defines->group, defines->kind}, *defines);
  }
}

ApiResource ApiResources::of(const kubernetes::Object& object) const {
  auto [group, version] = split_api_version(object.api_version);
  ApiResource out{group, version, {}, kubernetes::is_cluster_scoped(object.kind)};
  if (const auto custom = m_custom.find({group, object.kind}); custom != m_custom.end()) {
    out.resource = custom->second.plural;
    out.cluster_scoped = custom->second.cluster_scoped;
    return out;
  }
  const auto builtin =
      std::find_if(k_builtin_kinds.begin(), k_builtin_kinds.end(),
                   [&, &api_group = group](const BuiltinKind& b) {
                     return b.group == api_group && b.kind == object.kind;
                   });
  out.resource = builtin != k_builtin_kinds.end() ? std::string(builtin->resource)
                                                  : guess_resource(object.kind);
  return out;
}

}  // namespace blastgraph::analyzer::k8s_link
