// Cluster-wide structure: namespace containment, admission webhooks and APIServices, and
// ExternalName Services (which leave the cluster).
#include <unordered_map>

#include "kubernetes/admission_scope.hpp"
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

// The labels a webhook's namespaceSelector is matched against (see AdmittedObject).
const kubernetes::Labels* namespace_labels(const ObjectIndex& index, const PlacedObject& placed,
                                           bool cluster_scoped) {
  const auto& object = *placed.object;
  if (cluster_scoped && object.kind != "Namespace") return nullptr;
  const auto& namespaces = index.namespaces();
  const auto found = namespaces.find(object.kind == "Namespace" ? object.name : placed.ns);
  return found != namespaces.end() ? &found->second : &object.labels;
}

// The first of the configuration's webhooks that sees `other`, or nullptr. An object with a pod
// template is also seen as the pods it creates: a webhook on pods gates every rollout.
const kubernetes::AdmissionHook* first_hook_seeing(const kubernetes::Object& webhooks,
                                                   const PlacedObject& other,
                                                   const ApiResources& resources,
                                                   const ObjectIndex& index) {
  const auto& object = *other.object;
  auto resource = resources.of(object);
  const auto* ns_labels = namespace_labels(index, other, resource.cluster_scoped);
  const AdmittedObject as_itself{std::move(resource), object.labels, ns_labels};
  const AdmittedObject as_pods{{"", "v1", "pods", false}, object.pod_template_labels, ns_labels};
  for (const auto& hook : webhooks.admission_hooks) {
    if (hook_sees(hook, as_itself)) return &hook;
    if (object.has_pod_template && hook_sees(hook, as_pods)) return &hook;
  }
  return nullptr;
}

// Everything a webhook admits depends on it: a broken webhook blocks those writes. Only what
// its rules and selectors let through, though: an operator's webhook for its own custom
// resources does not stand between the cluster and every Deployment.
void link_webhook(Linker& linker, const PlacedObject& placed, const ApiResources& resources) {
  const auto& index = linker.index();
  for (const auto& other : index.objects()) {
    if (&other == &placed) continue;
    const auto* hook = first_hook_seeing(*placed.object, other, resources, index);
    if (hook == nullptr) continue;
    linker.edge(other.id, placed.id, EdgeKind::admission, *placed.object, hook->position,
                hook->path + ".rules");
  }
}

// A GitOps application applies (and prunes) every object of its directory: a change to it,
// its path or its target namespace reaches them all.
void link_application(Linker& linker, const PlacedObject& placed) {
  const auto* app = linker.index().placed(placed.app->applied_by);
  if (app == nullptr || app == &placed) return;
  linker.raw_edge(
      placed.id, app->id, EdgeKind::owner,
      {app->object->span.file, placed.app->source->position.line, placed.app->source->field});
}

}  // namespace

void add_cluster_edges(Linker& linker) {
  const auto& objects = linker.index().objects();
  const ApiResources resources(linker.index());
  // Objects by apiVersion, for the APIServices that serve them.
  std::unordered_map<std::string_view, std::vector<const PlacedObject*>> by_api_version;
  if (!linker.index().of_kind("APIService", "").empty()) {
    for (const auto& placed : objects)
      by_api_version[placed.object->api_version].push_back(&placed);
  }
  for (const auto& placed : objects) {
    const auto& object = *placed.object;
    if (placed.app != nullptr) link_application(linker, placed);
    if (!placed.ns.empty()) {
      for (const auto* ns : linker.index().resolve(placed, "Namespace", "", placed.ns)) {
        linker.edge(placed.id, ns->id, EdgeKind::namespace_, object, object.position,
                    "metadata.namespace");
      }
    }
    if (object.kind == "Service" && !object.external_name.empty()) {
      link_external_name(linker, placed);
    }
    if (is_webhook(object.kind)) {
      link_webhook(linker, placed, resources);
      continue;
    }
    const auto api_version = object.kind == "APIService" ? served_api_version(object.name) : "";
    if (api_version.empty()) continue;
    // Objects of the API it serves are read and written through it.
    const auto served = by_api_version.find(api_version);
    if (served == by_api_version.end()) continue;
    for (const auto* other : served->second) {
      if (other == &placed) continue;
      linker.edge(other->id, placed.id, EdgeKind::admission, object, object.position,
                  "spec.service");
    }
  }
}

}  // namespace blastgraph::analyzer::k8s_link
