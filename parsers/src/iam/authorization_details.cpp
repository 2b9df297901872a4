// `aws iam get-account-authorization-details`: every user, group and role with its inline
// policies, attachments and boundary, and every managed policy with its versions.

#include <array>

#include "iam/reader.hpp"

namespace blastgraph::iam::detail {
namespace {

struct PrincipalListShape {
  std::string_view list_key;  // "RoleDetailList"
  PrincipalType type;
  std::string_view name_key;    // "RoleName"
  std::string_view inline_key;  // "RolePolicyList"
};

constexpr std::array<PrincipalListShape, 3> k_principal_lists = {{
    {"UserDetailList", PrincipalType::user, "UserName", "UserPolicyList"},
    {"GroupDetailList", PrincipalType::group, "GroupName", "GroupPolicyList"},
    {"RoleDetailList", PrincipalType::role, "RoleName", "RolePolicyList"},
}};

// The items of an array member; empty when the member is absent or not an array.
const std::vector<json::Node>& items_of(const json::Node& node, std::string_view key) {
  static const std::vector<json::Node> k_none;
  const json::Node* value = node.find(key);
  return value != nullptr && value->is_array() ? value->items : k_none;
}

void add_document(std::optional<PolicyDocument> document, PolicyFile& file) {
  if (document) file.documents.push_back(std::move(*document));
}

void read_inline_policies(const json::Node& entry, const PrincipalListShape& shape,
                          const PrincipalRecord& record, PolicyFile& file, ReadContext& context) {
  for (const json::Node& policy : items_of(entry, shape.inline_key)) {
    const json::Node* document = policy.find("PolicyDocument");
    if (document == nullptr) continue;
    DocumentOrigin origin;
    origin.principal_type = record.type;
    origin.principal_name = record.name;
    origin.policy_name = string_member(policy, "PolicyName");
    add_document(read_nested_document(*document, origin, context), file);
  }
}

PrincipalRecord read_principal_record(const json::Node& entry, const PrincipalListShape& shape) {
  PrincipalRecord record;
  record.type = shape.type;
  record.name = string_member(entry, shape.name_key);
  record.arn = string_member(entry, "Arn");
  record.position = entry.position;
  for (const json::Node& attached : items_of(entry, "AttachedManagedPolicies")) {
    record.managed_policy_arns.push_back(string_member(attached, "PolicyArn"));
  }
  if (const json::Node* boundary = entry.find("PermissionsBoundary")) {
    record.boundary_arn = string_member(*boundary, "PermissionsBoundaryArn");
  }
  for (const json::Node& group : items_of(entry, "GroupList")) {
    if (group.is_string()) record.groups.push_back(group.text);
  }
  for (const json::Node& profile : items_of(entry, "InstanceProfileList")) {
    record.instance_profiles.push_back(string_member(profile, "Arn"));
  }
  return record;
}

void read_principal(const json::Node& entry, const PrincipalListShape& shape, PolicyFile& file,
                    ReadContext& context) {
  PrincipalRecord record = read_principal_record(entry, shape);
  if (const json::Node* trust = entry.find("AssumeRolePolicyDocument")) {
    DocumentOrigin origin;
    origin.kind = DocumentKind::trust;
    origin.principal_type = record.type;
    origin.principal_name = record.name;
    add_document(read_nested_document(*trust, origin, context), file);
  }
  read_inline_policies(entry, shape, record, file, context);
  file.principals.push_back(std::move(record));
}

void read_managed_policy(const json::Node& policy, PolicyFile& file, ReadContext& context) {
  const std::string name = string_member(policy, "PolicyName");
  const std::string arn = string_member(policy, "Arn");
  const std::string default_version = string_member(policy, "DefaultVersionId");
  for (const json::Node& version : items_of(policy, "PolicyVersionList")) {
    const json::Node* document = version.find("Document");
    if (document == nullptr) continue;
    DocumentOrigin origin;
    origin.policy_name = name;
    origin.policy_arn = arn;
    origin.version_id = string_member(version, "VersionId");
    const json::Node* is_default = version.find("IsDefaultVersion");
    origin.default_version =
        is_default != nullptr ? is_default->text == "true" : origin.version_id == default_version;
    add_document(read_nested_document(*document, origin, context), file);
  }
}

}  // namespace

void read_authorization_details(const json::Node& root, PolicyFile& file, ReadContext& context) {
  for (const PrincipalListShape& shape : k_principal_lists) {
    for (const json::Node& entry : items_of(root, shape.list_key)) {
      if (entry.is_object() && entry.complete) read_principal(entry, shape, file, context);
    }
  }
  for (const json::Node& policy : items_of(root, "Policies")) {
    if (policy.is_object() && policy.complete) read_managed_policy(policy, file, context);
  }
}

}  // namespace blastgraph::iam::detail
