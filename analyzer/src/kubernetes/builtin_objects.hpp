#pragma once
// Objects every cluster (or every cluster of a managed platform) has without a manifest: the
// `default` ServiceAccount, `system:` RBAC, platform StorageClasses. The table is data, in
// builtin_objects.inc.

#include <optional>
#include <string_view>

namespace blastgraph::analyzer::k8s_link {

// The platform ("kubernetes", "gke", "eks", "aks") that creates the object of `kind` named
// `name` in namespace `ns` ("" for cluster-scoped kinds) by itself; nullopt for anything a
// manifest has to declare.
[[nodiscard]] std::optional<std::string_view> builtin_platform(std::string_view kind,
                                                               std::string_view ns,
                                                               std::string_view name);

}  // namespace blastgraph::analyzer::k8s_link
