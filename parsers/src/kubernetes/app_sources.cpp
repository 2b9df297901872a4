// GitOps applications: where Argo CD and Flux apply manifests from, and into which namespace.
#include "kubernetes/extract.hpp"

namespace blastgraph::kubernetes::detail {
namespace {

std::string group_of(const std::string& api_version) {
  const auto slash = api_version.find('/');
  return slash == std::string::npos ? std::string() : api_version.substr(0, slash);
}

// An Argo CD source (`spec.source`, `spec.sources[i]`) with a path; Helm chart and
// directory sources alike.
void add_argo_source(Extraction& x, yaml::Node source, const std::string& field,
                     const std::string& destination_namespace) {
  yaml::Node path = source.find("path");
  if (!path.is_text()) return;
  x.object().app_sources.push_back(AppSource{std::string(path.scalar()), destination_namespace,
                                             false, text_of(source.find("repoURL")),
                                             field + ".path", path.position()});
}

// spec of an Application, or of an ApplicationSet's template.
void extract_argo_spec(Extraction& x, yaml::Node spec, const std::string& prefix) {
  const auto destination = text_of(spec.find("destination").find("namespace"));
  add_argo_source(x, spec.find("source"), prefix + ".source", destination);
  yaml::Node sources = spec.find("sources");
  for (std::size_t i = 0; i < sources.size() && sources.is_sequence(); ++i) {
    add_argo_source(x, sources.item(i), prefix + ".sources[" + std::to_string(i) + "]",
                    destination);
  }
}

}  // namespace

void extract_app_sources(Extraction& x, yaml::Node root) {
  const auto& object = x.object();
  const auto group = group_of(object.api_version);
  yaml::Node spec = root.find("spec");
  if (group == "argoproj.io" && object.kind == "Application") {
    extract_argo_spec(x, spec, "spec");
  } else if (group == "argoproj.io" && object.kind == "ApplicationSet") {
    extract_argo_spec(x, spec.find("template").find("spec"), "spec.template.spec");
  } else if (group == "kustomize.toolkit.fluxcd.io" && object.kind == "Kustomization") {
    yaml::Node path = spec.find("path");
    if (!path.is_text()) return;
    yaml::Node target = spec.find("targetNamespace");
    x.object().app_sources.push_back(AppSource{std::string(path.scalar()),
                                               text_of(target),
                                               target.is_text(),
                                               {},
                                               "spec.path",
                                               path.position()});
  }
}

}  // namespace blastgraph::kubernetes::detail
