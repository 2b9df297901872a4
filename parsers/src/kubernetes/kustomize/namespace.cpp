// `namespace`: every namespaced object moves there, and a binding's subject that is the
// `default` ServiceAccount follows it (kustomize's roleBindingHack); other ServiceAccount
// subjects follow their ServiceAccount in fix_name_references.

#include "kubernetes/kustomize/build.hpp"

namespace blastgraph::kubernetes::kustomize {

void apply_namespace(const Tree& k, std::vector<Resource>& rs) {
  const std::string namespace_name(k.text_at({"namespace"}));
  if (namespace_name.empty()) return;
  for (Resource& r : rs) {
    if (!is_cluster_scoped(r.kind())) r.move_to_namespace(namespace_name);
    if (r.kind() != "RoleBinding" && r.kind() != "ClusterRoleBinding") continue;
    Tree* subjects = r.doc.find("subjects");
    for (std::size_t i = 0; subjects != nullptr && i < subjects->items.size(); ++i) {
      Tree& subject = subjects->items[i];
      if (subject.text_at({"kind"}) == "ServiceAccount" && subject.text_at({"name"}) == "default") {
        subject.set("namespace", Tree::string(namespace_name));
      }
    }
  }
}

}  // namespace blastgraph::kubernetes::kustomize
