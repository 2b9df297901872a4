// RBAC subjects: a ServiceAccount depends on every binding that grants it something, so a
// change to a Role reaches binding -> account -> the workloads running as that account.
#include "kubernetes/builtin_objects.hpp"
#include "kubernetes/link.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

constexpr std::string_view k_all_accounts = "system:serviceaccounts";
constexpr std::string_view k_namespace_accounts = "system:serviceaccounts:";

// Whether a Group subject names the accounts of namespace `ns` ("" for cluster-scoped).
bool group_includes(const std::string& group, const std::string& ns) {
  if (group == k_all_accounts) return true;
  return group.starts_with(k_namespace_accounts) &&
         group.compare(k_namespace_accounts.size(), std::string::npos, ns) == 0;
}

void link_subject(Linker& linker, const PlacedObject& binding, const kubernetes::ObjectRef& ref) {
  const auto& object = *binding.object;
  if (ref.kind == "ServiceAccount") {
    const auto ns = ref.namespace_name.empty() ? binding.ns : ref.namespace_name;
    const auto targets = linker.targets(binding, "ServiceAccount", ns, ref.name);
    if (targets.ids.empty()) {
      linker.report_unknown(binding, ref);
      return;
    }
    const bool builtin = builtin_platform("ServiceAccount", ns, ref.name).has_value();
    if (!targets.declared && !builtin) {
      linker.report(object, ref.position, Severity::note, "k8s-unresolved-reference",
                    binding.id + " binds " + targets.ids.front() + ", which no manifest declares");
    }
    for (const auto& account : targets.ids) {
      linker.edge(account, binding.id, graph::EdgeKind::rbac_subject, object, ref.position,
                  ref.path);
    }
    return;
  }
  if (ref.kind != "Group") return;  // Users live outside the cluster: nothing here reaches them
  if (ref.name != k_all_accounts && !ref.name.starts_with(k_namespace_accounts)) return;
  for (const auto& [account, ns] : linker.service_accounts()) {
    if (!group_includes(ref.name, ns)) continue;
    linker.edge(account, binding.id, graph::EdgeKind::rbac_subject, object, ref.position, ref.path);
  }
}

}  // namespace

void add_rbac_subject_edges(Linker& linker) {
  for (const auto& placed : linker.index().objects()) {
    for (const auto& ref : placed.object->references) {
      if (ref.via == kubernetes::RefVia::subject) link_subject(linker, placed, ref);
    }
  }
}

}  // namespace blastgraph::analyzer::k8s_link
