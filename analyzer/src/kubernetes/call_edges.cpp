// Service-to-service calls inferred from addresses in env values, ConfigMap data, Secret data
// and command lines: `svc:port`, `svc.ns`, `svc.ns.svc[.cluster.local]`, URLs of any scheme,
// gRPC targets, and bare hosts under keys that name an address.
#include <algorithm>

#include "kubernetes/link.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

using kubernetes::AddressSite;

// Grafana's dashboard sidecar loads ConfigMaps with this label: their data are dashboards,
// whose queries and links name Services without calling them.
constexpr std::string_view k_dashboard_label = "grafana_dashboard";
constexpr std::size_t k_quoted_line = 120;

// The line of `value` that holds `host`, at most k_quoted_line characters, with its number
// when the value has several: what a diagnostic quotes instead of a whole ConfigMap file.
std::string quote_site(const AddressSite& site, const std::string& host) {
  const auto& value = site.value;
  auto at = value.find(host);
  if (at == std::string::npos) at = 0;
  const auto newline = at == 0 ? std::string::npos : value.rfind('\n', at - 1);
  const auto start = newline == std::string::npos ? 0 : newline + 1;
  const auto end = std::min(value.find('\n', at), value.size());
  std::string line = value.substr(start, end - start);
  const auto first = line.find_first_not_of(" \t");
  line = first == std::string::npos ? std::string() : line.substr(first);
  if (line.size() > k_quoted_line) line = line.substr(0, k_quoted_line - 3) + "...";
  std::string where = site.key.empty() ? site.path : site.key;
  if (value.find('\n') != std::string::npos) {
    const auto number = std::count(value.begin(), value.begin() + static_cast<long>(start), '\n');
    where += ", line " + std::to_string(number + 1);
  }
  return where + ": \"" + line + "\"";
}

// `<name>-<ordinal>` where no Service has that name: the pod of StatefulSet `<name>` a
// client lists by its pod name (`kafka-0:9092,kafka-1:9092`).
std::vector<const PlacedObject*> statefulset_pod(const ObjectIndex& index,
                                                 const PlacedObject& caller, const std::string& ns,
                                                 const std::string& host) {
  const auto dash = host.rfind('-');
  if (dash == std::string::npos || dash == 0 || dash + 1 == host.size()) return {};
  if (!std::all_of(host.begin() + static_cast<long>(dash) + 1, host.end(),
                   [](char c) { return c >= '0' && c <= '9'; })) {
    return {};
  }
  return index.resolve(caller, "StatefulSet", ns, host.substr(0, dash));
}

// `svc.ns...` where no manifest has namespace `ns`. An address that cannot be a dotted word
// (a port, a scheme, `.svc`) is a call to something this repository does not hold: it reaches
// an external DNS node, with a note, rather than vanishing. Anything else (`org.example`) is
// most likely not an address at all and is left out.
void link_outside_repository(Linker& linker, const PlacedObject& caller, const AddressSite& site,
                             const kubernetes::ServiceAddress& address) {
  if (!address.unmistakable || site.via == AddressSite::Via::command_line) return;
  const auto host = "ext:dns:" + address.host;
  linker.ensure_external(host, "dns_name");
  linker.report(*caller.object, site.position, Severity::note, "k8s-namespace-not-in-repository",
                caller.id + " calls " + address.host + " (" + quote_site(site, address.host) +
                    "); namespace " + address.namespace_name +
                    " is not in the repository, so it is kept as " + host);
  linker.edge(caller.id, host, graph::EdgeKind::service_call, *caller.object, site.position,
              site.path);
}

void link_address(Linker& linker, const PlacedObject& caller, const AddressSite& site,
                  const kubernetes::ServiceAddress& address) {
  const auto& index = linker.index();
  const bool qualified = !address.namespace_name.empty();
  if (qualified && !index.namespaces().contains(address.namespace_name)) {
    link_outside_repository(linker, caller, site, address);
    return;
  }
  const auto ns = qualified ? address.namespace_name : caller.ns;
  // A Service is called by its DNS name, whichever application declares it.
  auto found = index.resolve(caller, "Service", ns, address.name);
  if (found.empty() && !qualified) found = statefulset_pod(index, caller, ns, address.name);
  if (!found.empty() && !caller.service.empty() && found.front()->service == caller.service) {
    return;  // a workload talking to its own Service is not a dependency between services
  }
  const bool weak = site.via == AddressSite::Via::command_line;
  if (!found.empty()) {
    for (const auto* callee : found) {
      linker.edge(caller.id, callee->id, graph::EdgeKind::service_call, *caller.object,
                  site.position, site.path, weak);
    }
    return;
  }
  // Nothing declares it: a bare word or a command-line item is most likely not a call.
  if (address.bare || weak) return;
  const auto targets = linker.targets(caller, "Service", ns, address.name);
  if (targets.ids.empty()) return;  // a placeholder namespace: the callee is unknown
  linker.report(*caller.object, site.position, Severity::warning, "k8s-dangling-call",
                caller.id + " calls " + targets.ids.front() + " (" +
                    quote_site(site, address.host) + "), which no manifest declares");
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
