// Edges chosen by label: Service selectors, workload selectors, PDBs and NetworkPolicies.
#include "kubernetes/link.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

using graph::EdgeKind;
using kubernetes::LabelSelector;
using kubernetes::SelectorVia;

// Pod owners in `ns` whose pod labels hold `required` and that `from`'s selectors reach
// (ObjectIndex::visible), in file order.
template <typename Visit>
void for_each_pod_owner(const ObjectIndex& index, const PlacedObject& from, const std::string& ns,
                        const kubernetes::Labels& required, Visit visit) {
  for (const auto position : index.pod_owners(ns, required)) {
    const auto& placed = index.objects()[position];
    if (index.visible(from, placed)) visit(placed);
  }
}

// A Service depends on every workload whose pods it selects (equality only).
void link_service(Linker& linker, const PlacedObject& service) {
  const auto& selector = *service.object->service_selector;
  if (selector.empty()) return;  // no selector: endpoints are managed by hand
  for_each_pod_owner(linker.index(), service, service.ns, selector,
                     [&](const PlacedObject& workload) {
                       linker.edge(service.id, workload.id, EdgeKind::service_selector,
                                   *service.object, service.object->position, "spec.selector");
                     });
}

// A workload whose selector misses its own template never becomes ready; bare Pods and
// ReplicaSets it selects are adopted by it.
void link_workload(Linker& linker, const PlacedObject& workload) {
  const auto& object = *workload.object;
  const auto& selector = *object.selector;
  if (!kubernetes::matches(selector, object.pod_template_labels)) {
    linker.report(object, object.position, Severity::warning, "k8s-selector-mismatch",
                  workload.id + ": spec.selector does not match the pod template's labels");
  }
  for_each_pod_owner(linker.index(), workload, workload.ns, selector.match_labels,
                     [&](const PlacedObject& other) {
                       const auto& kind = other.object->kind;
                       if (&other == &workload || (kind != "Pod" && kind != "ReplicaSet")) return;
                       if (!kubernetes::matches(selector, other.object->pod_template_labels))
                         return;
                       linker.edge(other.id, workload.id, EdgeKind::workload_selector, object,
                                   object.position, "spec.selector");
                     });
}

// Workloads chosen by one selector entry: `pod` in `ns`, or in every namespace `namespaces`
// matches when it is set.
void link_selected(Linker& linker, const PlacedObject& owner, const kubernetes::SelectorRef& ref,
                   EdgeKind kind) {
  const auto& index = linker.index();
  auto in_namespace = [&](const std::string& ns) {
    const auto& required = ref.pod_selector ? ref.pod_selector->match_labels : kubernetes::Labels{};
    for_each_pod_owner(index, owner, ns, required, [&](const PlacedObject& workload) {
      if (ref.pod_selector &&
          !kubernetes::matches(*ref.pod_selector, workload.object->pod_template_labels)) {
        return;
      }
      linker.edge(workload.id, owner.id, kind, *owner.object, ref.position, ref.path);
    });
  };
  if (!ref.namespace_selector) {
    in_namespace(owner.ns);
    return;
  }
  for (const auto& [ns, labels] : index.namespaces()) {
    if (kubernetes::matches(*ref.namespace_selector, labels)) in_namespace(ns);
  }
}

}  // namespace

void add_selector_edges(Linker& linker) {
  for (const auto& placed : linker.index().objects()) {
    const auto& object = *placed.object;
    if (object.kind == "Service" && object.service_selector) link_service(linker, placed);
    if (object.has_pod_template && object.selector) link_workload(linker, placed);
    for (const auto& ref : object.selectors) {
      const auto kind = ref.via == SelectorVia::pod_disruption_budget ? EdgeKind::disruption_budget
                                                                      : EdgeKind::network_policy;
      link_selected(linker, placed, ref, kind);
    }
  }
}

}  // namespace blastgraph::analyzer::k8s_link
