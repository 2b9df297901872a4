// `kubernetes:` of the policy file: the namespace manifests are applied into and the labels
// that name services, components and applications.
#include <array>

#include "blastgraph/parsers/kubernetes.hpp"
#include "config/sections.hpp"

namespace blastgraph::analyzer::config {
namespace {

constexpr std::array<std::string_view, 4> k_kubernetes_keys{
    "namespace", "service_labels", "component_labels", "application_labels"};

// A label list: each a label key (`prefix/name`), at least one.
void read_label_list(Reader& reader, const yaml::Node& entry, std::string_view key,
                     std::vector<std::string>& out) {
  const auto node = entry.find(key);
  if (!node) return;
  auto labels = reader.read_strings(node, "kubernetes." + std::string(key));
  if (!labels) return;
  if (labels->empty()) {
    reader.error(node, "config-value",
                 "kubernetes." + std::string(key) + " needs at least one label");
    return;
  }
  for (const auto& label : *labels) {
    if (!kubernetes::is_label_key(label)) {
      reader.error(node, "config-value",
                   "kubernetes." + std::string(key) + ": '" + label +
                       "' is not a label key ([prefix/]name)");
      return;
    }
  }
  out = std::move(*labels);
}

}  // namespace

void read_kubernetes(Reader& reader, const yaml::Node& node, KubernetesSettings& out) {
  if (!reader.expect_mapping(node, "kubernetes")) return;
  reader.check_keys(node, k_kubernetes_keys, "kubernetes");
  if (const auto ns = node.find("namespace")) {
    if (auto text = reader.read_string(ns, "kubernetes.namespace")) {
      if (kubernetes::is_dns_label(*text)) {
        out.default_namespace = *text;
      } else {
        reader.error(ns, "config-value",
                     "kubernetes.namespace: '" + *text + "' is not a namespace name (a DNS label)");
      }
    }
  }
  read_label_list(reader, node, "service_labels", out.labels.service);
  read_label_list(reader, node, "component_labels", out.labels.component);
  read_label_list(reader, node, "application_labels", out.labels.application);
}

}  // namespace blastgraph::analyzer::config
