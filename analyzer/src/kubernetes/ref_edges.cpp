// Edges from references by name: owner, config and secrets, accounts, storage, ingress and
// routes, RBAC roles, scale targets, webhook services.
#include <optional>

#include "kubernetes/builtin_objects.hpp"
#include "kubernetes/link.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

using graph::EdgeKind;
using kubernetes::ObjectRef;
using kubernetes::RefVia;

struct RefRule {
  EdgeKind kind;
  bool reversed = false;         // the named object depends on the referencing one
  bool skip_undeclared = false;  // generated objects (claim template PVCs) are not placeholders
};

std::optional<RefRule> rule_for(const ObjectRef& ref) {
  switch (ref.via) {
    case RefVia::owner_reference:
      return RefRule{EdgeKind::owner};
    case RefVia::env_value_from:
    case RefVia::env_from:
    case RefVia::volume:
    case RefVia::projected_volume:
      return RefRule{ref.kind == "PersistentVolumeClaim" ? EdgeKind::storage
                                                         : EdgeKind::config_reference};
    case RefVia::image_pull_secret:
      return RefRule{EdgeKind::image_pull_secret};
    case RefVia::service_account:
      return RefRule{EdgeKind::service_account};
    case RefVia::priority_class:
    case RefVia::governing_service:
    case RefVia::ingress_class:
    case RefVia::gateway_class:
    case RefVia::webhook_service:
    case RefVia::api_service:
      return RefRule{EdgeKind::reference};
    case RefVia::volume_claim_template:
      return RefRule{EdgeKind::storage, false, true};
    case RefVia::storage_class:
    case RefVia::persistent_volume:
    case RefVia::volume_claim:
      return RefRule{EdgeKind::storage};
    case RefVia::ingress_backend:
    case RefVia::ingress_default_backend:
      return RefRule{EdgeKind::ingress_backend};
    case RefVia::ingress_tls:
    case RefVia::gateway_certificate:
      return RefRule{EdgeKind::tls_secret};
    case RefVia::route_parent:
    case RefVia::route_backend:
      return RefRule{EdgeKind::route_backend};
    case RefVia::role_ref:
      return RefRule{EdgeKind::rbac_role};
    case RefVia::scale_target:
      return RefRule{EdgeKind::scale_target, true};
    case RefVia::subject:               // add_rbac_subject_edges
    case RefVia::reference_grant_from:  // consulted by grants_backend
    case RefVia::reference_grant_to:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string target_namespace(const PlacedObject& from, const ObjectRef& ref) {
  if (kubernetes::is_cluster_scoped(ref.kind)) return {};
  return ref.namespace_name.empty() ? from.ns : ref.namespace_name;
}

// Gateway API: a route may use a backend in another namespace only when a ReferenceGrant in
// the backend's namespace admits routes of that kind from the route's namespace.
bool grants_backend(const ObjectIndex& index, const PlacedObject& route, const ObjectRef& ref,
                    const std::string& target_ns) {
  for (const auto position : index.of_kind("ReferenceGrant", target_ns)) {
    const auto& grant = index.objects()[position];
    if (!index.visible(route, grant)) continue;
    bool from = false;
    bool to = false;
    for (const auto& r : grant.object->references) {
      if (r.via == RefVia::reference_grant_from) {
        from |= r.kind == route.object->kind && r.namespace_name == route.ns;
      } else if (r.via == RefVia::reference_grant_to) {
        to |= r.kind == ref.kind && (r.name.empty() || r.name == ref.name);
      }
    }
    if (from && to) return true;
  }
  return false;
}

void link_reference(Linker& linker, const PlacedObject& from, const ObjectRef& ref) {
  const auto rule = rule_for(ref);
  if (!rule || ref.name.empty()) return;
  const auto& object = *from.object;
  const auto ns = target_namespace(from, ref);
  if (ref.via == RefVia::route_backend && ns != from.ns &&
      !grants_backend(linker.index(), from, ref, ns)) {
    linker.report(object, ref.position, Severity::warning, "k8s-route-not-granted",
                  "backend " + object_id(ref.kind, ns, ref.name) +
                      " is in another namespace and no ReferenceGrant there admits it; the route "
                      "cannot use it");
    return;
  }
  if (rule->skip_undeclared && linker.index().resolve(from, ref.kind, ns, ref.name).empty()) return;
  const auto targets = linker.targets(from, ref.kind, ns, ref.name);
  if (targets.ids.empty()) {
    linker.report_unknown(from, ref);
    return;
  }
  if (!targets.declared && !ref.implicit && !ref.optional &&
      !builtin_platform(ref.kind, ns, ref.name)) {
    linker.report(object, ref.position, Severity::note, "k8s-unresolved-reference",
                  from.id + " refers to " + targets.ids.front() + ", which no manifest declares");
  }
  const auto path = ref.optional ? ref.path + " (optional)" : ref.path;
  for (const auto& target : targets.ids) {
    if (rule->reversed) {
      linker.edge(target, from.id, rule->kind, object, ref.position, path);
    } else {
      linker.edge(from.id, target, rule->kind, object, ref.position, path);
    }
  }
}

}  // namespace

void add_reference_edges(Linker& linker) {
  for (const auto& placed : linker.index().objects()) {
    for (const auto& ref : placed.object->references) link_reference(linker, placed, ref);
  }
}

}  // namespace blastgraph::analyzer::k8s_link
