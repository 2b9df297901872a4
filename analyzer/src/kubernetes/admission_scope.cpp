#include "kubernetes/admission_scope.hpp"

#include <algorithm>

namespace blastgraph::analyzer::k8s_link {
namespace {

bool lists(const std::vector<std::string>& values, const std::string& value) {
  return std::any_of(values.begin(), values.end(),
                     [&](const std::string& v) { return v == "*" || v == value; });
}

// `*` is every resource but no subresource; `*/*` is everything; `x/sub` and `*/sub` name a
// subresource, which counts for its object (see hook_sees).
bool resource_listed(const std::vector<std::string>& resources, const std::string& resource) {
  return std::any_of(resources.begin(), resources.end(), [&](const std::string& r) {
    const auto slash = r.find('/');
    const auto main = r.substr(0, slash);
    return main == "*" || main == resource;
  });
}

bool scope_matches(const std::string& scope, bool cluster_scoped) {
  if (scope == "Cluster") return cluster_scoped;
  if (scope == "Namespaced") return !cluster_scoped;
  return true;  // "*", and values the API server would reject: wider, never narrower
}

bool rule_matches(const kubernetes::AdmissionRule& rule, bool exact, const ApiResource& resource) {
  // Under matchPolicy Equivalent (v1's default) a write through another version of the same
  // resource is converted and sent to the webhook, so versions only narrow under Exact.
  return lists(rule.api_groups, resource.group) &&
         (!exact || lists(rule.api_versions, resource.version)) &&
         resource_listed(rule.resources, resource.resource) &&
         scope_matches(rule.scope, resource.cluster_scoped);
}

}  // namespace

bool hook_sees(const kubernetes::AdmissionHook& hook, const AdmittedObject& object) {
  // The API server never sends webhook and admission policy objects to webhooks, so that a
  // broken webhook can always be removed.
  if (object.resource.group == "admissionregistration.k8s.io") return false;
  const bool ruled = std::any_of(hook.rules.begin(), hook.rules.end(), [&](const auto& rule) {
    return rule_matches(rule, hook.exact_match, object.resource);
  });
  if (!ruled) return false;
  if (object.namespace_labels != nullptr &&
      !kubernetes::matches(hook.namespace_selector, *object.namespace_labels)) {
    return false;
  }
  return kubernetes::matches(hook.object_selector, object.labels);
}

}  // namespace blastgraph::analyzer::k8s_link
