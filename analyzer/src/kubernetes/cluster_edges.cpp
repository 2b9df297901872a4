// Cluster-wide structure: namespace containment, admission webhooks and APIServices, and
// ExternalName Services (which leave the cluster).
#include "kubernetes/link.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

using graph::EdgeKind;

bool is_webhook(const std::string& kind) {
  return kind == "ValidatingWebhookConfiguration" || kind == "MutatingWebhookConfiguration";
}

// "v1beta1.metrics.k8s.io" -> "metrics.k8s.io/v1beta1": the apiVersion it serves.
std::string served_api_version(const std::string& api_service_name) {
  const auto dot = api_service_name.find('.');
  if (dot == std::string::npos) return {};
  return api_service_name.substr(dot + 1) + "/" + api_service_name.substr(0, dot);
}

void link_external_name(Linker& linker, const PlacedObject& service) {
  const auto& host = service.object->external_name;
  linker.ensure_external("ext:dns:" + host, "dns_name");
  linker.edge(service.id, "ext:dns:" + host, EdgeKind::reference, *service.object,
              service.object->position, "spec.externalName");
}

}  // namespace

void add_cluster_edges(Linker& linker) {
  const auto& objects = linker.index().objects();
  for (const auto& placed : objects) {
    const auto& object = *placed.object;
    if (!placed.ns.empty()) {
      const auto ns = object_id("Namespace", "", placed.ns);
      if (linker.index().find(ns) != nullptr) {
        linker.edge(placed.id, ns, EdgeKind::namespace_, object, object.position, "metadata.namespace");
      }
    }
    if (object.kind == "Service" && !object.external_name.empty()) {
      link_external_name(linker, placed);
    }
    const bool webhook = is_webhook(object.kind);
    const auto api_version = object.kind == "APIService" ? served_api_version(object.name) : "";
    if (!webhook && api_version.empty()) continue;
    // Everything admitted (or served) depends on it: a broken webhook blocks every write.
    for (const auto& other : objects) {
      if (&other == &placed) continue;
      if (!webhook && other.object->api_version != api_version) continue;
      linker.edge(other.id, placed.id, EdgeKind::admission, object, object.position,
                  webhook ? "webhooks" : "spec.service");
    }
  }
}

}  // namespace blastgraph::analyzer::k8s_link
