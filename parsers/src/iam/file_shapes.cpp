// The top-level shapes a policy file comes in: a policy itself, or an AWS CLI output that
// nests one (get-policy-version, get-role, get-{role,user,group}-policy,
// get-account-authorization-details).

#include <array>

#include "iam/reader.hpp"

namespace blastgraph::iam::detail {
namespace {

void add_document(std::optional<PolicyDocument> document, PolicyFile& file) {
  if (document) file.documents.push_back(std::move(*document));
}

bool is_true(const json::Node* node) {
  return node != nullptr && node->kind == json::Kind::boolean && node->text == "true";
}

// {"PolicyVersion": {"Document": ..., "VersionId": "v2", "IsDefaultVersion": true}}
void read_policy_version(const json::Node& version, PolicyFile& file, ReadContext& context) {
  const json::Node* document = version.find("Document");
  if (document == nullptr) {
    context.report(version.position, Severity::error, "iam-not-a-policy",
                   "PolicyVersion has no Document");
    return;
  }
  DocumentOrigin origin;
  origin.version_id = string_member(version, "VersionId");
  origin.default_version =
      version.find("IsDefaultVersion") == nullptr || is_true(version.find("IsDefaultVersion"));
  add_document(read_nested_document(*document, origin, context), file);
}

// get-role: {"Role": {"RoleName": ..., "AssumeRolePolicyDocument": ...}}
void read_role(const json::Node& role, PolicyFile& file, ReadContext& context) {
  const json::Node* trust = role.find("AssumeRolePolicyDocument");
  if (trust == nullptr) {
    context.report(role.position, Severity::warning, "iam-not-a-policy",
                   "Role has no AssumeRolePolicyDocument");
    return;
  }
  DocumentOrigin origin;
  origin.kind = DocumentKind::trust;
  origin.principal_type = PrincipalType::role;
  origin.principal_name = string_member(role, "RoleName");
  add_document(read_nested_document(*trust, origin, context), file);
}

// get-role-policy and friends: {"RoleName": ..., "PolicyName": ..., "PolicyDocument": ...}
void read_inline_policy(const json::Node& root, PolicyFile& file, ReadContext& context) {
  static constexpr std::array<std::pair<std::string_view, PrincipalType>, 3> k_owners = {{
      {"RoleName", PrincipalType::role},
      {"UserName", PrincipalType::user},
      {"GroupName", PrincipalType::group},
  }};
  DocumentOrigin origin;
  origin.policy_name = string_member(root, "PolicyName");
  for (const auto& [key, type] : k_owners) {
    if (root.find(key) != nullptr) {
      origin.principal_type = type;
      origin.principal_name = string_member(root, key);
    }
  }
  add_document(read_nested_document(*root.find("PolicyDocument"), origin, context), file);
}

bool has_any(const json::Node& node, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (node.find(key) != nullptr) return true;
  }
  return false;
}

}  // namespace

void read_file_root(const json::Node& root, PolicyFile& file, ReadContext& context) {
  if (!root.is_object()) {
    context.report(root.position, Severity::error, "iam-not-a-policy",
                   "a policy file must hold a JSON object");
    return;
  }
  const json::Node* role = root.find("Role");
  if (has_any(root, {"Statement", "Version"})) {
    file.documents.push_back(read_document(root, context));
  } else if (const json::Node* version = root.find("PolicyVersion");
             version && version->is_object()) {
    read_policy_version(*version, file, context);
  } else if (has_any(root, {"UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"})) {
    read_authorization_details(root, file, context);
  } else if (role != nullptr && role->is_object()) {
    read_role(*role, file, context);
  } else if (root.find("PolicyDocument") != nullptr) {
    read_inline_policy(root, file, context);
  } else if (root.complete) {  // a cut-short file may simply not have got that far
    context.report(root.position, Severity::warning, "iam-not-a-policy",
                   "no Statement, PolicyVersion, PolicyDocument, Role or account authorization "
                   "details found");
  }
}

}  // namespace blastgraph::iam::detail
