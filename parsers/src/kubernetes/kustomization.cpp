// kustomization.yaml: which files and directories make up an app.

#include "blastgraph/parsers/kubernetes.hpp"
#include "blastgraph/parsers/yaml.hpp"

namespace blastgraph::kubernetes {

Kustomization parse_kustomization(std::string_view path, std::string_view text) {
  Kustomization out;
  out.path = std::string(path);
  yaml::Stream stream = yaml::load(path, text);
  out.diagnostics = std::move(stream.diagnostics);
  if (stream.documents.empty()) return out;
  yaml::Node root = stream.documents.front().root;
  if (!root.is_mapping()) {
    out.diagnostics.push_back(Diagnostic{out.path, root.position(), Severity::warning,
                                         "k8s-kustomization", "kustomization is not a mapping"});
    return out;
  }
  // `bases` is the deprecated spelling of the same list; kustomize still reads both.
  for (std::string_view field : {"resources", "bases"}) {
    yaml::Node list = root.find(field);
    for (std::size_t i = 0; i < list.size() && list.is_sequence(); ++i) {
      if (list.item(i).is_text()) out.resources.emplace_back(list.item(i).scalar());
    }
  }
  return out;
}

}  // namespace blastgraph::kubernetes
