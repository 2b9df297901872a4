#include "kubernetes/objects.hpp"

#include <array>
#include <cctype>

namespace blastgraph::analyzer::k8s_link {
namespace {

using graph::Criticality;

constexpr std::array<std::string_view, 5> k_service_labels{
    "app.kubernetes.io/part-of", "app.kubernetes.io/name", "app.kubernetes.io/instance", "app",
    "k8s-app"};

// "reviews-v2" -> "reviews"; "api-v10" -> "api"; "v2" stays.
std::string drop_version(std::string name) {
  const auto dash = name.rfind("-v");
  if (dash == std::string::npos || dash == 0 || dash + 2 >= name.size()) return name;
  for (std::size_t i = dash + 2; i < name.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(name[i])) == 0) return name;
  }
  return name.substr(0, dash);
}

std::string from_labels(const kubernetes::Labels& labels) {
  for (auto key : k_service_labels) {
    auto it = labels.find(std::string(key));
    if (it != labels.end() && !it->second.empty()) return drop_version(it->second);
  }
  return {};
}

struct KindClass {
  std::string_view kind;
  Criticality criticality;
};

constexpr std::array<KindClass, 31> k_kind_classes{{
    {"Deployment", Criticality::compute},
    {"StatefulSet", Criticality::compute},
    {"DaemonSet", Criticality::compute},
    {"ReplicaSet", Criticality::compute},
    {"Job", Criticality::compute},
    {"CronJob", Criticality::compute},
    {"Pod", Criticality::compute},
    {"HorizontalPodAutoscaler", Criticality::compute},
    {"PodDisruptionBudget", Criticality::compute},
    {"Service", Criticality::network},
    {"Ingress", Criticality::network},
    {"IngressClass", Criticality::network},
    {"NetworkPolicy", Criticality::network},
    {"Gateway", Criticality::network},
    {"GatewayClass", Criticality::network},
    {"HTTPRoute", Criticality::network},
    {"GRPCRoute", Criticality::network},
    {"TLSRoute", Criticality::network},
    {"Namespace", Criticality::network},
    {"Secret", Criticality::secrets},
    {"ServiceAccount", Criticality::iam},
    {"Role", Criticality::iam},
    {"RoleBinding", Criticality::iam},
    {"ClusterRole", Criticality::iam},
    {"ClusterRoleBinding", Criticality::iam},
    {"PersistentVolumeClaim", Criticality::storage},
    {"PersistentVolume", Criticality::storage},
    {"StorageClass", Criticality::storage},
    {"ValidatingWebhookConfiguration", Criticality::account},
    {"MutatingWebhookConfiguration", Criticality::account},
    {"APIService", Criticality::account},
}};

}  // namespace

std::string object_id(std::string_view kind, std::string_view ns, std::string_view name) {
  std::string id = "k8s:";
  id += ns;
  id += '/';
  id += kind;
  id += '/';
  id += name;
  return id;
}

std::string effective_namespace(const kubernetes::Object& object) {
  if (kubernetes::is_cluster_scoped(object.kind)) return {};
  return object.namespace_name.empty() ? std::string(k_default_namespace) : object.namespace_name;
}

std::string service_of(const kubernetes::Object& object) {
  if (auto s = from_labels(object.labels); !s.empty()) return s;
  if (auto s = from_labels(object.pod_template_labels); !s.empty()) return s;
  if (object.service_selector) {
    if (auto s = from_labels(*object.service_selector); !s.empty()) return s;
  }
  if (object.has_pod_template) return drop_version(object.name);
  return {};
}

graph::Criticality classify_kind(std::string_view kind) {
  for (const auto& entry : k_kind_classes) {
    if (entry.kind == kind) return entry.criticality;
  }
  return kind == "CustomResourceDefinition" ? Criticality::account : Criticality::normal;
}

ObjectIndex::ObjectIndex(const std::vector<kubernetes::ManifestFile>& files,
                         std::vector<Diagnostic>& diagnostics) {
  for (const auto& file : files) {
    for (const auto& object : file.objects) {
      PlacedObject placed{&object, {}, effective_namespace(object)};
      placed.id = object_id(object.kind, placed.ns, object.name);
      auto [it, inserted] = m_by_id.emplace(placed.id, m_objects.size());
      if (!inserted) {
        const auto& first = *m_objects[it->second].object;
        diagnostics.push_back({object.span.file, object.position, Severity::warning, "k8s-duplicate",
                               placed.id + " is already declared at " + first.span.file + ":" +
                                   std::to_string(first.span.first_line)});
        continue;
      }
      if (!placed.ns.empty()) m_namespaces[placed.ns];  // namespaces in use exist
      if (object.kind == "Namespace") {
        auto& labels = m_namespaces[object.name];
        labels.insert(object.labels.begin(), object.labels.end());
      }
      m_objects.push_back(std::move(placed));
    }
  }
  for (auto& [name, labels] : m_namespaces) labels["kubernetes.io/metadata.name"] = name;
}

const PlacedObject* ObjectIndex::find(const std::string& id) const {
  auto it = m_by_id.find(id);
  return it == m_by_id.end() ? nullptr : &m_objects[it->second];
}

}  // namespace blastgraph::analyzer::k8s_link
