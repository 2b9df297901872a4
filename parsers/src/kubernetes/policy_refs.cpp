// Objects that act on other objects: storage claims and volumes, autoscalers and disruption
// budgets, NetworkPolicies, admission webhooks and APIServices.

#include "kubernetes/extract.hpp"

namespace blastgraph::kubernetes::detail {
namespace {

// A NetworkPolicy peer; ipBlock-only peers reach outside the cluster and are skipped.
void extract_peers(Extraction& x, yaml::Node rules, std::string_view rules_field,
                   std::string_view peers_field, SelectorVia via) {
  for (std::size_t r = 0; r < rules.size() && rules.is_sequence(); ++r) {
    yaml::Node peers = rules.item(r).find(peers_field);
    for (std::size_t p = 0; p < peers.size() && peers.is_sequence(); ++p) {
      yaml::Node peer = peers.item(p);
      SelectorRef selector{via, std::nullopt, std::nullopt,
                           "spec." + std::string(rules_field) + "[" + std::to_string(r) + "]." +
                               std::string(peers_field) + "[" + std::to_string(p) + "]",
                           peer.position()};
      if (yaml::Node pods = peer.find("podSelector"); pods.is_mapping()) {
        selector.pod_selector = read_label_selector(x, pods);
      }
      if (yaml::Node namespaces = peer.find("namespaceSelector"); namespaces.is_mapping()) {
        selector.namespace_selector = read_label_selector(x, namespaces);
      }
      if (selector.pod_selector || selector.namespace_selector) x.add_selector(std::move(selector));
    }
  }
}

}  // namespace

void extract_storage_refs(Extraction& x, yaml::Node root) {
  yaml::Node spec = root.find("spec");
  x.add_ref("StorageClass", spec.find("storageClassName"), RefVia::storage_class,
            "spec.storageClassName");
  if (x.object().kind == "PersistentVolumeClaim") {
    x.add_ref("PersistentVolume", spec.find("volumeName"), RefVia::persistent_volume,
              "spec.volumeName");
    return;
  }
  yaml::Node claim = spec.find("claimRef");
  x.add_ref("PersistentVolumeClaim", claim.find("name"), RefVia::volume_claim, "spec.claimRef",
            claim.find("namespace"));
}

void extract_scaling_refs(Extraction& x, yaml::Node root) {
  Object& object = x.object();
  yaml::Node spec = root.find("spec");
  if (object.kind == "PodDisruptionBudget") {
    yaml::Node selector = spec.find("selector");
    if (!selector.is_mapping()) return;
    x.add_selector(SelectorRef{SelectorVia::pod_disruption_budget, read_label_selector(x, selector),
                               std::nullopt, "spec.selector", selector.position()});
    return;
  }
  // HPA and KEDA: scaleTargetRef (KEDA's kind defaults to Deployment); VPA: targetRef.
  std::string_view field = object.kind == "VerticalPodAutoscaler" ? "targetRef" : "scaleTargetRef";
  yaml::Node target = spec.find(field);
  std::string kind = text_of(target.find("kind"));
  if (kind.empty() && object.kind == "ScaledObject") kind = "Deployment";
  x.add_ref(kind, target.find("name"), RefVia::scale_target, "spec." + std::string(field));
}

void extract_network_policy(Extraction& x, yaml::Node root) {
  yaml::Node spec = root.find("spec");
  yaml::Node pods = spec.find("podSelector");
  // podSelector is required; `{}` (or leaving it out) selects every pod of the namespace.
  x.add_selector(SelectorRef{SelectorVia::network_policy_target, read_label_selector(x, pods),
                             std::nullopt, "spec.podSelector",
                             pods ? pods.position() : spec.position()});
  extract_peers(x, spec.find("ingress"), "ingress", "from", SelectorVia::network_policy_from);
  extract_peers(x, spec.find("egress"), "egress", "to", SelectorVia::network_policy_to);
}

void extract_admission_refs(Extraction& x, yaml::Node root) {
  if (x.object().kind == "APIService") {
    yaml::Node service = root.find("spec").find("service");
    x.add_ref("Service", service.find("name"), RefVia::api_service, "spec.service",
              service.find("namespace"));
    return;
  }
  extract_admission_hooks(x, root);
  yaml::Node webhooks = root.find("webhooks");
  for (std::size_t i = 0; i < webhooks.size() && webhooks.is_sequence(); ++i) {
    yaml::Node service = webhooks.item(i).find("clientConfig").find("service");
    x.add_ref("Service", service.find("name"), RefVia::webhook_service,
              "webhooks" + item_label(webhooks.item(i), i) + ".clientConfig.service",
              service.find("namespace"));
  }
}

}  // namespace blastgraph::kubernetes::detail
