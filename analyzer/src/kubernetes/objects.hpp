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
#include "blastgraph/analyzer/rules.hpp"
#include "kubernetes/scopes.hpp"

namespace blastgraph::analyzer::k8s_link {

inline constexpr std::string_view k_default_namespace = "default";

// "k8s:<ns>/<Kind>/<name>"; "k8s:/<Kind>/<name>" for cluster-scoped kinds. With a scope,
// "k8s:<scope>:<ns>/<Kind>/<name>".
[[nodiscard]] std::string object_id(std::string_view kind, std::string_view ns,
                                    std::string_view name, std::string_view scope = {});

// A name or namespace as an id shows it: each placeholder (`${VAR}`, `{{ ... }}`) as `?`.
[[nodiscard]] std::string shown_name(std::string_view value);

// What makes two declarations the same object: kind, namespace and name, as a map key.
[[nodiscard]] std::string identity_key(std::string_view kind, std::string_view ns,
                                       std::string_view name);

// The namespace an object lives in: "" for cluster-scoped kinds, "default" when omitted.
[[nodiscard]] std::string effective_namespace(const kubernetes::Object& object);

[[nodiscard]] graph::Criticality classify_kind(std::string_view kind);

// An object's class: its kind's, except that a workload running a database server image
// (mysql, postgres, mongo, redis, ...) is a database.
[[nodiscard]] graph::Criticality classify_object(const kubernetes::Object& object);

struct PlacedObject {
  const kubernetes::Object* object = nullptr;
  std::string id;
  std::string ns;     // effective namespace
  std::string scope;  // the application it is applied with (scopes.hpp)
  const AppRoot* app = nullptr;  // the GitOps application that applies it, if any
  std::string service;           // services.hpp; may be empty
  std::string application;       // may be empty
};

// Every deployed object, each a node. Ids carry the scope when there is more than one. Two
// declarations of one object in one scope are variants: both are kept, the later one with
// "@<file>:<line>" after its id, and whatever names the object depends on each. An object
// whose name or namespace holds a placeholder shows `?` for it and always has "@<file>:<line>":
// its identity is unknown, so it never shares a node.
class ObjectIndex {
 public:
  ObjectIndex(const std::vector<ScopedFile>& files, const ServiceLabels& labels,
              std::vector<Diagnostic>& diagnostics);

  [[nodiscard]] const std::vector<PlacedObject>& objects() const { return m_objects; }
  [[nodiscard]] bool scoped() const { return m_scoped; }

  // The declared objects `from` reaches by naming `kind` `name` in `ns`, as the cluster
  // resolves names: the variants in its own scope; when there are none, those of the other
  // scopes (the cluster holds one object of that name, whichever application applied it).
  // A name or namespace holding a placeholder matches the same text in its own scope only
  // (one application fills its placeholders in one way). Empty when nothing declares it.
  [[nodiscard]] std::vector<const PlacedObject*> resolve(const PlacedObject& from,
                                                         std::string_view kind,
                                                         const std::string& ns,
                                                         const std::string& name) const;
  // Every declaration of the object, whatever its scope.
  [[nodiscard]] std::vector<const PlacedObject*> everywhere(std::string_view kind,
                                                            const std::string& ns,
                                                            const std::string& name) const;
  // Whether `from`'s selectors reach `to`: the same scope, or a namespace other than `default`
  // (shared on purpose). Selectors pick by label, so in `default` they stay in their scope.
  [[nodiscard]] bool visible(const PlacedObject& from, const PlacedObject& to) const;
  // The placed object `object` is, or nullptr.
  [[nodiscard]] const PlacedObject* placed(const kubernetes::Object* object) const;
  // The id a placeholder for an undeclared object named from `from` gets: in `from`'s scope,
  // unless the kind is cluster-scoped.
  [[nodiscard]] std::string placeholder_id(const PlacedObject& from, std::string_view kind,
                                           const std::string& ns, const std::string& name) const;
  // Positions (in objects()) of the pod owners (objects with a pod template) in `ns` whose pod
  // labels hold every pair of `required`, ascending. Found through an index of label pairs:
  // a selector visits the owners that carry its rarest pair, not every object.
  [[nodiscard]] std::vector<std::size_t> pod_owners(const std::string& ns,
                                                    const kubernetes::Labels& required) const;
  // Positions (in objects()) of the objects of `kind` in `ns` ("" for cluster-scoped kinds),
  // ascending.
  [[nodiscard]] const std::vector<std::size_t>& of_kind(std::string_view kind,
                                                        const std::string& ns) const;
  // Labels of every namespace that has an object or a declaration, with the implicit
  // `kubernetes.io/metadata.name` label.
  [[nodiscard]] const std::map<std::string, kubernetes::Labels>& namespaces() const {
    return m_namespaces;
  }

 private:
  std::vector<PlacedObject> m_objects;  // in file order
  // "<Kind>\0<ns>\0<name>" -> declarations, in file order.
  std::unordered_map<std::string, std::vector<std::size_t>> m_by_identity;
  std::unordered_map<const kubernetes::Object*, std::size_t> m_by_object;
  bool m_scoped = false;
  std::map<std::string, kubernetes::Labels> m_namespaces;
  // "<ns>" -> pod owners; "<ns>\0<key>\0<value>" -> pod owners with that pod label. Ascending.
  std::unordered_map<std::string, std::vector<std::size_t>> m_pod_owners;
  std::unordered_map<std::string, std::vector<std::size_t>> m_pod_owners_by_label;
  // "<Kind>\0<ns>" -> objects. Ascending.
  std::unordered_map<std::string, std::vector<std::size_t>> m_by_kind;
};

}  // namespace blastgraph::analyzer::k8s_link
