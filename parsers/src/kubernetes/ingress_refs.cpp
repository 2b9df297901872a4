// Traffic entry points: Ingress backends, TLS secrets and class; Gateway API gateways, routes
// and ReferenceGrants.

#include "kubernetes/extract.hpp"

namespace blastgraph::kubernetes::detail {
namespace {

// networking.k8s.io/v1 writes `service.name`; the older extensions/v1beta1 `serviceName`.
void extract_ingress_backend(Extraction& x, yaml::Node backend, RefVia via,
                             const std::string& path) {
  if (yaml::Node service = backend.find("service")) {
    x.add_ref("Service", service.find("name"), via, path + ".service");
  } else {
    x.add_ref("Service", backend.find("serviceName"), via, path + ".serviceName");
  }
  yaml::Node resource = backend.find("resource");
  x.add_ref(text_of(resource.find("kind")), resource.find("name"), via, path + ".resource");
}

void extract_ingress_rules(Extraction& x, yaml::Node rules) {
  for (std::size_t i = 0; i < rules.size() && rules.is_sequence(); ++i) {
    yaml::Node rule = rules.item(i);
    std::string rule_path = "spec.rules" + item_label(rule, i, "host") + ".http.paths";
    yaml::Node paths = rule.find("http").find("paths");
    for (std::size_t p = 0; p < paths.size() && paths.is_sequence(); ++p) {
      yaml::Node entry = paths.item(p);
      extract_ingress_backend(x, entry.find("backend"), RefVia::ingress_backend,
                              rule_path + item_label(entry, p, "path") + ".backend");
    }
  }
}

// A Gateway API object reference: `kind` defaults per field, `namespace` to the route's own.
void add_gateway_api_ref(Extraction& x, yaml::Node ref, std::string_view default_kind, RefVia via,
                         std::string path) {
  std::string kind = text_of(ref.find("kind"));
  x.add_ref(kind.empty() ? default_kind : std::string_view(kind), ref.find("name"), via,
            std::move(path), ref.find("namespace"));
}

void extract_backend_refs(Extraction& x, yaml::Node backends, const std::string& path) {
  for (std::size_t i = 0; i < backends.size() && backends.is_sequence(); ++i) {
    add_gateway_api_ref(x, backends.item(i), "Service", RefVia::route_backend,
                        path + item_label(backends.item(i), i));
  }
}

void extract_route_rules(Extraction& x, yaml::Node rules) {
  for (std::size_t i = 0; i < rules.size() && rules.is_sequence(); ++i) {
    yaml::Node rule = rules.item(i);
    std::string rule_path = "spec.rules" + item_label(rule, i);
    extract_backend_refs(x, rule.find("backendRefs"), rule_path + ".backendRefs");
    // Mirrored traffic reaches its backend as surely as routed traffic.
    yaml::Node filters = rule.find("filters");
    for (std::size_t f = 0; f < filters.size() && filters.is_sequence(); ++f) {
      yaml::Node mirror = filters.item(f).find("requestMirror").find("backendRef");
      if (!mirror) continue;
      add_gateway_api_ref(
          x, mirror, "Service", RefVia::route_backend,
          rule_path + ".filters[" + std::to_string(f) + "].requestMirror.backendRef");
    }
  }
}

void extract_gateway(Extraction& x, yaml::Node spec) {
  x.add_ref("GatewayClass", spec.find("gatewayClassName"), RefVia::gateway_class,
            "spec.gatewayClassName");
  yaml::Node listeners = spec.find("listeners");
  for (std::size_t i = 0; i < listeners.size() && listeners.is_sequence(); ++i) {
    yaml::Node listener = listeners.item(i);
    yaml::Node certificates = listener.find("tls").find("certificateRefs");
    std::string path = "spec.listeners" + item_label(listener, i) + ".tls.certificateRefs";
    for (std::size_t c = 0; c < certificates.size() && certificates.is_sequence(); ++c) {
      add_gateway_api_ref(x, certificates.item(c), "Secret", RefVia::gateway_certificate,
                          path + item_label(certificates.item(c), c));
    }
  }
}

}  // namespace

void extract_ingress_refs(Extraction& x, yaml::Node root) {
  yaml::Node spec = root.find("spec");
  x.add_ref("IngressClass", spec.find("ingressClassName"), RefVia::ingress_class,
            "spec.ingressClassName");
  yaml::Node fallback = spec.find("defaultBackend");
  std::string fallback_path = "spec.defaultBackend";
  if (!fallback) {
    fallback = spec.find("backend");
    fallback_path = "spec.backend";
  }
  extract_ingress_backend(x, fallback, RefVia::ingress_default_backend, fallback_path);
  extract_ingress_rules(x, spec.find("rules"));
  yaml::Node tls = spec.find("tls");
  for (std::size_t i = 0; i < tls.size() && tls.is_sequence(); ++i) {
    x.add_ref("Secret", tls.item(i).find("secretName"), RefVia::ingress_tls,
              "spec.tls[" + std::to_string(i) + "].secretName");
  }
}

void extract_gateway_refs(Extraction& x, yaml::Node root) {
  yaml::Node spec = root.find("spec");
  if (x.object().kind == "Gateway") {
    extract_gateway(x, spec);
    return;
  }
  yaml::Node parents = spec.find("parentRefs");
  for (std::size_t i = 0; i < parents.size() && parents.is_sequence(); ++i) {
    add_gateway_api_ref(x, parents.item(i), "Gateway", RefVia::route_parent,
                        "spec.parentRefs" + item_label(parents.item(i), i));
  }
  extract_route_rules(x, spec.find("rules"));
}

void extract_reference_grant(Extraction& x, yaml::Node root) {
  // Grants name kinds and namespaces, not objects: an empty name means "any".
  yaml::Node spec = root.find("spec");
  for (auto [field, via] : {std::pair{"from", RefVia::reference_grant_from},
                            std::pair{"to", RefVia::reference_grant_to}}) {
    yaml::Node entries = spec.find(field);
    for (std::size_t i = 0; i < entries.size() && entries.is_sequence(); ++i) {
      yaml::Node entry = entries.item(i);
      if (!entry.find("kind").is_text()) continue;
      x.object().references.push_back(
          ObjectRef{text_of(entry.find("kind")), text_of(entry.find("namespace")),
                    text_of(entry.find("name")), via,
                    "spec." + std::string(field) + "[" + std::to_string(i) + "]", entry.position(),
                    false, false});
    }
  }
}

}  // namespace blastgraph::kubernetes::detail
