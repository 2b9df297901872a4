// The name-reference fix-up: after prefixes, suffixes and hashes, a field that names a
// renamed object is renamed with it. The fields follow kustomize's nameReference config for
// the common kinds.

#include <array>

#include "kubernetes/kustomize/build.hpp"

namespace blastgraph::kubernetes::kustomize {
namespace {

// A path of keys from a holder; "[]" steps into every item of a list. The last key is the
// name field. `kind_field`: the holder says which kind it names (roleRef, scaleTargetRef).
struct FieldRule {
  std::string_view referral_kind;
  std::string_view path;
  bool kind_field = false;
};

// Relative to a pod spec.
constexpr std::array<FieldRule, 17> k_pod_spec_rules{{
    {"ConfigMap", "volumes.[].configMap.name"},
    {"ConfigMap", "volumes.[].projected.sources.[].configMap.name"},
    {"ConfigMap", "containers.[].env.[].valueFrom.configMapKeyRef.name"},
    {"ConfigMap", "containers.[].envFrom.[].configMapRef.name"},
    {"ConfigMap", "initContainers.[].env.[].valueFrom.configMapKeyRef.name"},
    {"ConfigMap", "initContainers.[].envFrom.[].configMapRef.name"},
    {"Secret", "volumes.[].secret.secretName"},
    {"Secret", "volumes.[].projected.sources.[].secret.name"},
    {"Secret", "containers.[].env.[].valueFrom.secretKeyRef.name"},
    {"Secret", "containers.[].envFrom.[].secretRef.name"},
    {"Secret", "initContainers.[].env.[].valueFrom.secretKeyRef.name"},
    {"Secret", "initContainers.[].envFrom.[].secretRef.name"},
    {"Secret", "imagePullSecrets.[].name"},
    {"ServiceAccount", "serviceAccountName"},
    {"ServiceAccount", "serviceAccount"},
    {"PersistentVolumeClaim", "volumes.[].persistentVolumeClaim.claimName"},
    {"PriorityClass", "priorityClassName"},
}};

// Relative to the object.
constexpr std::array<FieldRule, 19> k_object_rules{{
    {"Service", "spec.rules.[].http.paths.[].backend.service.name"},
    {"Service", "spec.rules.[].http.paths.[].backend.serviceName"},
    {"Service", "spec.defaultBackend.service.name"},
    {"Service", "spec.backend.serviceName"},
    {"Service", "spec.serviceName"},
    {"Service", "spec.service.name"},
    {"Service", "webhooks.[].clientConfig.service.name"},
    {"Secret", "spec.tls.[].secretName"},
    {"Secret", "secrets.[].name"},
    {"Secret", "imagePullSecrets.[].name"},
    {"Role", "roleRef.name", true},
    {"ClusterRole", "roleRef.name", true},
    {"Deployment", "spec.scaleTargetRef.name", true},
    {"StatefulSet", "spec.scaleTargetRef.name", true},
    {"ReplicaSet", "spec.scaleTargetRef.name", true},
    {"Deployment", "spec.targetRef.name", true},
    {"PersistentVolume", "spec.volumeName"},
    {"StorageClass", "spec.storageClassName"},
    {"StorageClass", "spec.volumeClaimTemplates.[].spec.storageClassName"},
}};

constexpr std::array<std::string_view, 3> k_pod_specs{"spec", "spec.template.spec",
                                                      "spec.jobTemplate.spec.template.spec"};

const Resource* find_referral(const std::vector<Resource>& rs, std::string_view kind,
                              std::string_view name, std::string_view namespace_name) {
  const Resource* found = nullptr;
  for (const Resource& r : rs) {
    if (r.kind() != kind || !r.was_named(name)) continue;
    if (r.namespace_name() == namespace_name || is_cluster_scoped(kind)) return &r;
    if (found == nullptr) found = &r;
  }
  return found;
}

template <typename Fn>
void visit(Tree& node, std::string_view path, const Fn& fn) {
  const auto dot = path.find('.');
  const std::string_view step = path.substr(0, dot);
  if (dot == std::string_view::npos) {
    if (Tree* field = node.find(step); field != nullptr && field->is_scalar()) fn(node, *field);
    return;
  }
  const std::string_view rest = path.substr(dot + 1);
  if (step == "[]") {
    for (Tree& item : node.items) visit(item, rest, fn);
  } else if (Tree* next = node.find(step)) {
    visit(*next, rest, fn);
  }
}

void fix_rule(std::vector<Resource>& rs, Tree& holder_root, std::string_view path,
              const FieldRule& rule, std::string_view namespace_name) {
  visit(holder_root, path, [&](Tree& holder, Tree& field) {
    if (rule.kind_field && holder.text_at({"kind"}) != rule.referral_kind) return;
    if (const Resource* referral = find_referral(rs, rule.referral_kind, field.text, namespace_name)) {
      field.text = std::string(referral->name());
    }
  });
}

// Binding subjects name a ServiceAccount with its namespace: both follow it.
void fix_subjects(std::vector<Resource>& rs, Resource& binding) {
  Tree* subjects = binding.doc.find("subjects");
  for (std::size_t i = 0; subjects != nullptr && i < subjects->items.size(); ++i) {
    Tree& subject = subjects->items[i];
    if (subject.text_at({"kind"}) != "ServiceAccount") continue;
    std::string_view ns = subject.text_at({"namespace"});
    for (const Resource& sa : rs) {
      if (sa.kind() != "ServiceAccount" || !sa.was_named(subject.text_at({"name"}))) continue;
      const bool same_ns = ns.empty() || ns == sa.namespace_name() ||
                           std::find(sa.previous_namespaces.begin(), sa.previous_namespaces.end(),
                                     ns) != sa.previous_namespaces.end();
      if (!same_ns) continue;
      subject.set("name", Tree::string(std::string(sa.name())));
      if (!ns.empty() || !sa.namespace_name().empty()) {
        subject.set("namespace", Tree::string(std::string(sa.namespace_name())));
      }
      break;
    }
  }
}

}  // namespace

void fix_name_references(std::vector<Resource>& rs) {
  for (Resource& r : rs) {
    const std::string namespace_name(r.namespace_name());
    for (std::string_view pod_spec : k_pod_specs) {
      for (const FieldRule& rule : k_pod_spec_rules) {
        fix_rule(rs, r.doc, std::string(pod_spec) + "." + std::string(rule.path), rule, namespace_name);
      }
    }
    for (const FieldRule& rule : k_object_rules) fix_rule(rs, r.doc, rule.path, rule, namespace_name);
    if (r.kind() == "RoleBinding" || r.kind() == "ClusterRoleBinding") fix_subjects(rs, r);
  }
}

}  // namespace blastgraph::kubernetes::kustomize
