#include "kubernetes/objects.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

#include "kubernetes/services.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

using graph::Criticality;

struct KindClass {
  std::string_view kind;
  Criticality criticality;
};

// Images of database servers: a workload that runs one holds data (database class), so
// deleting or replacing it is CRITICAL like a managed database.
constexpr std::array<std::string_view, 16> k_database_images{
    "mysql",         "mariadb",           "postgres",  "postgresql",
    "mongo",         "mongodb",           "cassandra", "redis",
    "elasticsearch", "opensearch",        "cockroach", "couchdb",
    "neo4j",         "clickhouse-server", "influxdb",  "timescaledb"};

constexpr std::array<KindClass, 31> k_kind_classes{{
    {"Deployment", Criticality::compute},
    {"StatefulSet", Criticality::compute},
    {"DaemonSet", Criticality::compute},
    {"ReplicaSet", Criticality::compute},
    {"ReplicationController", Criticality::compute},
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

// "<file>:<line>" of an object's declaration.
std::string declared_at(const kubernetes::Object& object) {
  return object.span.file + ":" + std::to_string(object.span.first_line);
}

// A second declaration of `first`'s object in its scope (its id not yet suffixed).
Diagnostic variant_note(const PlacedObject& first, const PlacedObject& variant) {
  const auto& object = *variant.object;
  const bool same_file = first.object->span.file == object.span.file;
  return {object.span.file, object.position, same_file ? Severity::warning : Severity::note,
          same_file ? "k8s-duplicate" : "k8s-variant",
          first.id + " is also declared at " + declared_at(*first.object) +
              "; both are kept as variants of one object, this one as " + variant.id + "@" +
              declared_at(object) + ", and what names the object depends on each"};
}

}  // namespace

std::string shown_name(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size();) {
    const auto rest = value.substr(i);
    if (rest.starts_with("${") || rest.starts_with("{{")) {
      const auto close = value.find('}', i + 2);
      if (close != std::string_view::npos) {
        out += '?';
        i = value.find_first_not_of('}', close);
        if (i == std::string_view::npos) break;
        continue;
      }
    }
    out += value[i++];
  }
  return out;
}

std::string identity_key(std::string_view kind, std::string_view ns, std::string_view name) {
  std::string key(kind);
  key += '\0';
  key += ns;
  key += '\0';
  key += name;
  return key;
}

std::string object_id(std::string_view kind, std::string_view ns, std::string_view name,
                      std::string_view scope) {
  std::string id = "k8s:";
  if (!scope.empty()) {
    id += scope;
    id += ':';
  }
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

graph::Criticality classify_kind(std::string_view kind) {
  for (const auto& entry : k_kind_classes) {
    if (entry.kind == kind) return entry.criticality;
  }
  return kind == "CustomResourceDefinition" ? Criticality::account : Criticality::normal;
}

namespace {

// "docker.io/bitnami/postgresql:16.2@sha256:..." -> "postgresql".
std::string_view image_name(std::string_view image) {
  image = image.substr(0, image.find('@'));
  const auto slash = image.rfind('/');
  if (slash != std::string_view::npos) image.remove_prefix(slash + 1);
  return image.substr(0, image.find(':'));
}

bool runs_database(const kubernetes::Object& object) {
  return std::any_of(object.images.begin(), object.images.end(), [](const std::string& image) {
    const auto name = image_name(image);
    return std::find(k_database_images.begin(), k_database_images.end(), name) !=
           k_database_images.end();
  });
}

}  // namespace

graph::Criticality classify_object(const kubernetes::Object& object) {
  const auto criticality = classify_kind(object.kind);
  return criticality == Criticality::compute && runs_database(object) ? Criticality::database
                                                                      : criticality;
}

ObjectIndex::ObjectIndex(const std::vector<ScopedFile>& files, const ServiceLabels& labels,
                         std::vector<Diagnostic>& diagnostics) {
  std::set<std::string_view> scopes;
  for (const auto& file : files) {
    if (!file.file->objects.empty()) scopes.insert(file.scope);
  }
  m_scoped = scopes.size() > 1;
  // (scope, identity) -> the first declaration, for variants.
  std::map<std::pair<std::string, std::string>, std::size_t> first;
  for (const auto& file : files) {
    for (const auto& object : file.file->objects) {
      PlacedObject placed{&object, {}, effective_namespace(object), file.scope, file.app, {}, {}};
      const bool takes_target = !placed.ns.empty() && !file.target_namespace.empty() &&
                                (file.overrides_namespace || object.namespace_name.empty());
      if (takes_target) placed.ns = file.target_namespace;
      const auto scope = m_scoped ? std::string_view(file.scope) : std::string_view();
      placed.id = object_id(object.kind, shown_name(placed.ns), shown_name(object.name), scope);
      auto key = identity_key(object.kind, placed.ns, object.name);
      const auto [it, inserted] = first.emplace(std::pair{file.scope, key}, m_objects.size());
      const bool symbolic =
          kubernetes::is_placeholder(object.name) || kubernetes::is_placeholder(placed.ns);
      if (symbolic || !inserted) {
        if (!symbolic) diagnostics.push_back(variant_note(m_objects[it->second], placed));
        placed.id += "@" + declared_at(object);
      }
      if (!placed.ns.empty()) m_namespaces[placed.ns];  // namespaces in use exist
      if (object.kind == "Namespace") {
        auto& ns_labels = m_namespaces[object.name];
        ns_labels.insert(object.labels.begin(), object.labels.end());
      }
      m_by_identity[std::move(key)].push_back(m_objects.size());
      m_by_object.emplace(&object, m_objects.size());
      m_objects.push_back(std::move(placed));
    }
  }
  for (auto& [name, ns_labels] : m_namespaces) ns_labels["kubernetes.io/metadata.name"] = name;
  std::vector<ObjectServiceInput> inputs;
  inputs.reserve(m_objects.size());
  for (const auto& placed : m_objects) inputs.push_back({placed.object, placed.scope, placed.ns});
  auto services = name_services(inputs, labels);
  for (std::size_t i = 0; i < m_objects.size(); ++i) {
    auto& placed = m_objects[i];
    placed.service = std::move(services[i].service);
    placed.application = std::move(services[i].application);
    m_by_kind[identity_key(placed.object->kind, placed.ns, {})].push_back(i);
    if (!placed.object->has_pod_template) continue;
    m_pod_owners[placed.ns].push_back(i);
    for (const auto& [key, value] : placed.object->pod_template_labels) {
      m_pod_owners_by_label[identity_key(placed.ns, key, value)].push_back(i);
    }
  }
}

const std::vector<std::size_t>& ObjectIndex::of_kind(std::string_view kind,
                                                     const std::string& ns) const {
  static const std::vector<std::size_t> k_none;
  const auto it = m_by_kind.find(identity_key(kind, ns, {}));
  return it == m_by_kind.end() ? k_none : it->second;
}

std::vector<std::size_t> ObjectIndex::pod_owners(const std::string& ns,
                                                 const kubernetes::Labels& required) const {
  static const std::vector<std::size_t> k_none;
  const std::vector<std::size_t>* rarest = nullptr;
  if (const auto it = m_pod_owners.find(ns); it != m_pod_owners.end()) rarest = &it->second;
  for (const auto& [key, value] : required) {
    const auto it = m_pod_owners_by_label.find(identity_key(ns, key, value));
    const auto* owners = it == m_pod_owners_by_label.end() ? &k_none : &it->second;
    if (rarest == nullptr || owners->size() < rarest->size()) rarest = owners;
  }
  if (rarest == nullptr) return {};
  std::vector<std::size_t> out;
  for (const auto i : *rarest) {
    const auto& labels = m_objects[i].object->pod_template_labels;
    const bool all = std::all_of(required.begin(), required.end(), [&](const auto& pair) {
      const auto it = labels.find(pair.first);
      return it != labels.end() && it->second == pair.second;
    });
    if (all) out.push_back(i);
  }
  return out;
}

std::vector<const PlacedObject*> ObjectIndex::everywhere(std::string_view kind,
                                                         const std::string& ns,
                                                         const std::string& name) const {
  std::vector<const PlacedObject*> out;
  auto it = m_by_identity.find(identity_key(kind, ns, name));
  if (it == m_by_identity.end()) return out;
  for (auto i : it->second) out.push_back(&m_objects[i]);
  return out;
}

std::vector<const PlacedObject*> ObjectIndex::resolve(const PlacedObject& from,
                                                      std::string_view kind, const std::string& ns,
                                                      const std::string& name) const {
  auto all = everywhere(kind, ns, name);
  std::vector<const PlacedObject*> own;
  for (const auto* placed : all) {
    if (placed->scope == from.scope) own.push_back(placed);
  }
  const bool symbolic = kubernetes::is_placeholder(name) || kubernetes::is_placeholder(ns);
  return own.empty() && !symbolic ? all : own;
}

const PlacedObject* ObjectIndex::placed(const kubernetes::Object* object) const {
  const auto it = m_by_object.find(object);
  return it == m_by_object.end() ? nullptr : &m_objects[it->second];
}

bool ObjectIndex::visible(const PlacedObject& from, const PlacedObject& to) const {
  return !m_scoped || from.scope == to.scope ||
         (to.ns != k_default_namespace && !kubernetes::is_placeholder(to.ns));
}

std::string ObjectIndex::placeholder_id(const PlacedObject& from, std::string_view kind,
                                        const std::string& ns, const std::string& name) const {
  const bool scoped = m_scoped && !kubernetes::is_cluster_scoped(kind);
  return object_id(kind, shown_name(ns), shown_name(name),
                   scoped ? std::string_view(from.scope) : std::string_view());
}

}  // namespace blastgraph::analyzer::k8s_link
