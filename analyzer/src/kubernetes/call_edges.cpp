// Service-to-service calls inferred from addresses in env values, ConfigMap data and Secret
// stringData: `svc:port`, `svc.ns`, `svc.ns.svc[.cluster.local]`, URLs of any scheme.
#include "kubernetes/link.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

// Grafana's dashboard sidecar loads ConfigMaps with this label: their data are dashboards,
// whose queries and links name Services without calling them.
constexpr std::string_view k_dashboard_label = "grafana_dashboard";

// `svc.ns...` where no manifest has namespace `ns`. An address that cannot be a dotted word
// (a port, a scheme, `.svc`) is a call to something this repository does not hold: it reaches
// an external DNS node, with a note, rather than vanishing. Anything else (`org.example`) is
// most likely not an address at all and is left out.
void link_outside_repository(Linker& linker, const PlacedObject& caller,
                             const kubernetes::AddressSite& site,
                             const kubernetes::ServiceAddress& address) {
  if (!address.unmistakable) return;
  const auto host = "ext:dns:" + address.host;
  linker.ensure_external(host, "dns_name");
  linker.report(*caller.object, site.position, Severity::note, "k8s-namespace-not-in-repository",
                caller.id + " calls " + address.host + " (\"" + site.value + "\"); namespace " +
                    address.namespace_name + " is not in the repository, so it is kept as " + host);
  linker.edge(caller.id, host, graph::EdgeKind::service_call, *caller.object, site.position,
              site.path);
}

void link_address(Linker& linker, const PlacedObject& caller, const kubernetes::AddressSite& site,
                  const kubernetes::ServiceAddress& address) {
  const auto& index = linker.index();
  const bool qualified = !address.namespace_name.empty();
  if (qualified && !index.namespaces().contains(address.namespace_name)) {
    link_outside_repository(linker, caller, site, address);
    return;
  }
  const auto ns = qualified ? address.namespace_name : caller.ns;
  // A Service is called by its DNS name, whichever application declares it.
  const auto found = index.resolve(caller, "Service", ns, address.name);
  const auto caller_service = service_of(*caller.object);
  if (!found.empty() && !caller_service.empty() &&
      service_of(*found.front()->object) == caller_service) {
    return;  // a workload talking to its own Service is not a dependency between services
  }
  const auto targets = linker.targets(caller, "Service", ns, address.name);
  if (targets.ids.empty()) return;  // a placeholder namespace: the callee is unknown
  if (!targets.declared) {
    linker.report(*caller.object, site.position, Severity::warning, "k8s-dangling-call",
                  caller.id + " calls " + targets.ids.front() + " (\"" + site.value +
                      "\"), which no manifest declares");
  }
  for (const auto& service : targets.ids) {
    linker.edge(caller.id, service, graph::EdgeKind::service_call, *caller.object, site.position,
                site.path);
  }
}

}  // namespace

void add_call_edges(Linker& linker) {
  for (const auto& placed : linker.index().objects()) {
    if (placed.object->labels.contains(std::string(k_dashboard_label))) continue;
    for (const auto& site : placed.object->addresses) {
      for (const auto& address : kubernetes::find_called_services(site)) {
        link_address(linker, placed, site, address);
      }
    }
  }
}

}  // namespace blastgraph::analyzer::k8s_link
