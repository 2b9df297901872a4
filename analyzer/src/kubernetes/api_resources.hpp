#pragma once
// Which API resource an object is written through: admission webhooks name resources
// (`apps/deployments`), manifests name kinds (`Deployment`), and this maps one to the other.

#include <map>
#include <string>
#include <utility>

#include "kubernetes/objects.hpp"

namespace blastgraph::analyzer::k8s_link {

struct ApiResource {
  std::string group;  // "" for the core group
  std::string version;
  std::string resource;  // lowercase plural: "deployments"
  bool cluster_scoped = false;
};

// Kinds to resources: built-in kinds from a table, custom kinds from the repository's
// CustomResourceDefinitions, anything else by the API server's own guess (lowercase plural).
class ApiResources {
 public:
  explicit ApiResources(const ObjectIndex& index);

  // The resource `object` is created through.
  [[nodiscard]] ApiResource of(const kubernetes::Object& object) const;

 private:
  // (group, kind) -> what a CustomResourceDefinition declares.
  std::map<std::pair<std::string, std::string>, kubernetes::CustomResourceType> m_custom;
};

// "apps/v1" -> {"apps", "v1"}; "v1" -> {"", "v1"}.
[[nodiscard]] std::pair<std::string, std::string> split_api_version(const std::string& api_version);

// The API server's guess for a kind without a declaration (meta.UnsafeGuessKindToResource):
// lowercase, then `s` -> `ses`, `y` -> `ies`, otherwise `s`.
[[nodiscard]] std::string guess_resource(std::string_view kind);

}  // namespace blastgraph::analyzer::k8s_link
