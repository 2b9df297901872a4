#pragma once
// Kubernetes objects placed in the graph: their ids, namespaces, services and classes.

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/graph/model.hpp"
#include "blastgraph/parsers/kubernetes.hpp"

namespace blastgraph::analyzer::k8s_link {

inline constexpr std::string_view k_default_namespace = "default";

// "k8s:<ns>/<Kind>/<name>"; "k8s:/<Kind>/<name>" for cluster-scoped kinds.
[[nodiscard]] std::string object_id(std::string_view kind, std::string_view ns,
                                    std::string_view name);

// The namespace an object lives in: "" for cluster-scoped kinds, "default" when omitted.
[[nodiscard]] std::string effective_namespace(const kubernetes::Object& object);

// The service an object belongs to: app.kubernetes.io/part-of, name, instance, then app
// (object labels, then pod-template labels, then a Service's selector), then a workload's
// own name. A version suffix (`-v2`) is dropped so versions of one app are one service.
// Empty for objects that belong to no one (a shared ConfigMap without labels).
[[nodiscard]] std::string service_of(const kubernetes::Object& object);

[[nodiscard]] graph::Criticality classify_kind(std::string_view kind);

struct PlacedObject {
  const kubernetes::Object* object = nullptr;
  std::string id;
  std::string ns;  // effective namespace
};

// Every deployed object by id (first declaration wins; later ones are reported).
class ObjectIndex {
 public:
  ObjectIndex(const std::vector<kubernetes::ManifestFile>& files,
              std::vector<Diagnostic>& diagnostics);

  [[nodiscard]] const std::vector<PlacedObject>& objects() const { return m_objects; }
  [[nodiscard]] const PlacedObject* find(const std::string& id) const;
  // Labels of every namespace that has an object or a declaration, with the implicit
  // `kubernetes.io/metadata.name` label.
  [[nodiscard]] const std::map<std::string, kubernetes::Labels>& namespaces() const {
    return m_namespaces;
  }

 private:
  std::vector<PlacedObject> m_objects;  // in file order
  std::unordered_map<std::string, std::size_t> m_by_id;
  std::map<std::string, kubernetes::Labels> m_namespaces;
};

}  // namespace blastgraph::analyzer::k8s_link
