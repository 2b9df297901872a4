#pragma once
// Whether the API server calls an admission webhook for an object: its rules (group, version,
// resource, scope) and its namespace and object selectors, as admissionregistration/v1 says.

#include "blastgraph/parsers/kubernetes.hpp"
#include "kubernetes/api_resources.hpp"

namespace blastgraph::analyzer::k8s_link {

// An object as a webhook sees it.
struct AdmittedObject {
  ApiResource resource;
  const kubernetes::Labels& labels;
  // The labels namespaceSelector is matched against: the object's namespace's, or a
  // Namespace's own; nullptr for other cluster-scoped objects, which every selector admits.
  const kubernetes::Labels* namespace_labels = nullptr;
};

// True when a write of `object` is sent to `hook`. A rule on a subresource (`pods/status`,
// `deployments/scale`) counts for the object it belongs to: a webhook that rejects status or
// scale writes breaks that object's life as surely as one that rejects the object.
[[nodiscard]] bool hook_sees(const kubernetes::AdmissionHook& hook, const AdmittedObject& object);

}  // namespace blastgraph::analyzer::k8s_link
