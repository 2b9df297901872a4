// RBAC subjects: a ServiceAccount depends on every binding that grants it something, so a
// change to a Role reaches binding -> account -> the workloads running as that account.
#include "kubernetes/builtin_objects.hpp"
#include "kubernetes/link.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

constexpr std::string_view k_all_accounts = "system:serviceaccounts";
constexpr std::string_view k_namespace_accounts = "system:serviceaccounts:";

// The accounts a Group subject names, by id prefix: all of them, or one namespace's.
std::optional<std::string> group_prefix(const std::string& group) {
  if (group == k_all_accounts) return std::string("k8s:");
  if (group.starts_with(k_namespace_accounts)) {
    return "k8s:" + group.substr(k_namespace_accounts.size()) + "/ServiceAccount/";
  }
  return std::nullopt;
}

void link_subject(Linker& linker, const PlacedObject& binding, const kubernetes::ObjectRef& ref) {
  const auto& object = *binding.object;
  if (ref.kind == "ServiceAccount") {
    const auto ns = ref.namespace_name.empty() ? binding.ns : ref.namespace_name;
    const auto account = object_id("ServiceAccount", ns, ref.name);
    const bool builtin = builtin_platform("ServiceAccount", ns, ref.name).has_value();
    if (!linker.ensure_target(account, "ServiceAccount") && !builtin) {
      linker.report(object, ref.position, Severity::note, "k8s-unresolved-reference",
                    binding.id + " binds " + account + ", which no manifest declares");
    }
    linker.edge(account, binding.id, graph::EdgeKind::rbac_subject, object, ref.position, ref.path);
    return;
  }
  if (ref.kind != "Group") return;  // Users live outside the cluster: nothing here reaches them
  const auto prefix = group_prefix(ref.name);
  if (!prefix) return;
  for (const auto& account : linker.service_accounts()) {
    if (!account.starts_with(*prefix)) continue;
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
