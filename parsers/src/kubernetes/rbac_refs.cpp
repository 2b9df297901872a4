// RoleBinding / ClusterRoleBinding: the role they grant and the subjects they grant it to.

#include "kubernetes/extract.hpp"

namespace blastgraph::kubernetes::detail {
namespace {

constexpr std::string_view k_service_account_user = "system:serviceaccount:";

// `system:serviceaccount:<ns>:<name>` is how the API server names a ServiceAccount as a user;
// binding that user is binding the ServiceAccount.
bool add_service_account_user(Extraction& x, yaml::Node name, const std::string& path) {
  std::string_view user = name.scalar();
  if (!user.starts_with(k_service_account_user)) return false;
  std::string_view rest = user.substr(k_service_account_user.size());
  std::size_t colon = rest.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == rest.size()) return false;
  x.object().references.push_back(ObjectRef{"ServiceAccount", std::string(rest.substr(0, colon)),
                                            std::string(rest.substr(colon + 1)), RefVia::subject,
                                            path, name.position(), false, false});
  return true;
}

}  // namespace

void extract_rbac_refs(Extraction& x, yaml::Node root) {
  yaml::Node role = root.find("roleRef");
  x.add_ref(text_of(role.find("kind")), role.find("name"), RefVia::role_ref, "roleRef");
  yaml::Node subjects = root.find("subjects");
  for (std::size_t i = 0; i < subjects.size() && subjects.is_sequence(); ++i) {
    yaml::Node subject = subjects.item(i);
    std::string kind = text_of(subject.find("kind"));
    std::string path = "subjects" + item_label(subject, i);
    if (kind == "User" && add_service_account_user(x, subject.find("name"), path)) continue;
    // Users and groups (`system:serviceaccounts[:<ns>]` included) keep their names verbatim;
    // they have no namespace.
    yaml::Node namespace_node = kind == "ServiceAccount" ? subject.find("namespace") : yaml::Node{};
    x.add_ref(kind, subject.find("name"), RefVia::subject, path, namespace_node);
  }
}

}  // namespace blastgraph::kubernetes::detail
