#pragma once
// Reading Kubernetes node ids back: "k8s:[<scope>:]<ns>/<Kind>/<name>[@<file>:<line>]".

#include <string>
#include <string_view>

namespace blastgraph::analyzer::k8s_link {

// The id without its application scope: "k8s:apps/web:shop/Deployment/x" ->
// "k8s:shop/Deployment/x". Any other id comes back as it is. Lets a user name an object the
// way the manifests do, whichever application declares it.
[[nodiscard]] std::string unscoped_id(std::string_view id);

// The application scope of an id: "k8s:apps/web:shop/Deployment/x" -> "apps/web"; "" when the
// id has none (or is no Kubernetes id).
[[nodiscard]] std::string scope_of_id(std::string_view id);

// "k8s:shop/Deployment/x" -> "shop"; "" for cluster-scoped objects and other ids.
[[nodiscard]] std::string namespace_of_id(std::string_view id);

}  // namespace blastgraph::analyzer::k8s_link
