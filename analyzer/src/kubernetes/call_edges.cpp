// Service-to-service calls inferred from addresses in env values, ConfigMap data and Secret
// stringData: `svc:port`, `svc.ns`, `svc.ns.svc[.cluster.local]`, URLs of any scheme.
#include "kubernetes/link.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

void link_address(Linker& linker, const PlacedObject& caller, const kubernetes::AddressSite& site,
                  const kubernetes::ServiceAddress& address) {
  const auto& index = linker.index();
  const bool qualified = !address.namespace_name.empty();
  // `a.b` names Service a in namespace b only when b is a namespace of this cluster;
  // otherwise it is some other host, not a call we can follow.
  if (qualified && !index.namespaces().contains(address.namespace_name)) return;
  const auto ns = qualified ? address.namespace_name : caller.ns;
  const auto service = object_id("Service", ns, address.name);
  const auto* target = index.find(service);
  const auto caller_service = service_of(*caller.object);
  if (target != nullptr && !caller_service.empty() && service_of(*target->object) == caller_service) {
    return;  // a workload talking to its own Service is not a dependency between services
  }
  if (!linker.ensure_target(service, "Service")) {
    linker.report(*caller.object, site.position, Severity::warning, "k8s-dangling-call",
                  caller.id + " calls " + service + " (\"" + site.value +
                      "\"), which no manifest declares");
  }
  linker.edge(caller.id, service, graph::EdgeKind::service_call, *caller.object, site.position,
              site.path);
}

}  // namespace

void add_call_edges(Linker& linker) {
  for (const auto& placed : linker.index().objects()) {
    for (const auto& site : placed.object->addresses) {
      for (const auto& address : kubernetes::find_service_addresses(site.value)) {
        link_address(linker, placed, site, address);
      }
    }
  }
}

}  // namespace blastgraph::analyzer::k8s_link
