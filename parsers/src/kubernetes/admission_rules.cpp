// What admission webhooks can see (their rules and selectors) and what CustomResourceDefinitions
// add to the API: the analyzer matches one against the other to scope a webhook's reach.

#include "kubernetes/extract.hpp"

namespace blastgraph::kubernetes::detail {
namespace {

std::vector<std::string> read_strings(yaml::Node list) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < list.size() && list.is_sequence(); ++i) {
    // The core group is written `""`: keep empty scalars, they are a value here.
    if (list.item(i).is_scalar()) out.push_back(text_of(list.item(i)));
  }
  return out;
}

AdmissionRule read_rule(yaml::Node rule) {
  AdmissionRule out;
  out.api_groups = read_strings(rule.find("apiGroups"));
  out.api_versions = read_strings(rule.find("apiVersions"));
  out.resources = read_strings(rule.find("resources"));
  if (std::string scope = text_of(rule.find("scope")); !scope.empty()) out.scope = scope;
  return out;
}

AdmissionHook read_hook(Extraction& x, yaml::Node hook, std::size_t index) {
  AdmissionHook out;
  out.name = text_of(hook.find("name"));
  out.path = "webhooks" + item_label(hook, index);
  out.position = hook.position();
  yaml::Node rules = hook.find("rules");
  for (std::size_t i = 0; i < rules.size() && rules.is_sequence(); ++i) {
    out.rules.push_back(read_rule(rules.item(i)));
  }
  out.exact_match = text_of(hook.find("matchPolicy")) == "Exact";
  if (yaml::Node selector = hook.find("namespaceSelector"); selector.is_mapping()) {
    out.namespace_selector = read_label_selector(x, selector);
  }
  if (yaml::Node selector = hook.find("objectSelector"); selector.is_mapping()) {
    out.object_selector = read_label_selector(x, selector);
  }
  return out;
}

}  // namespace

void extract_admission_hooks(Extraction& x, yaml::Node root) {
  yaml::Node webhooks = root.find("webhooks");
  for (std::size_t i = 0; i < webhooks.size() && webhooks.is_sequence(); ++i) {
    x.object().admission_hooks.push_back(read_hook(x, webhooks.item(i), i));
  }
}

void extract_custom_resource_definition(Extraction& x, yaml::Node root) {
  yaml::Node spec = root.find("spec");
  yaml::Node names = spec.find("names");
  CustomResourceType type{text_of(spec.find("group")), text_of(names.find("kind")),
                          text_of(names.find("plural")), text_of(spec.find("scope")) == "Cluster"};
  if (type.kind.empty() || type.plural.empty()) return;
  x.object().defines = std::move(type);
}

}  // namespace blastgraph::kubernetes::detail
