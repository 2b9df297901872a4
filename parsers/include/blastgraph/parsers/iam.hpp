#pragma once
// IAM policy parser: one JSON file's text -> the policy documents it holds, plus diagnostics.
//
// Reads standalone policies (identity, resource, trust, SCP) and the AWS CLI outputs that nest
// them: `get-policy-version`, `get-account-authorization-details`, `get-role` and
// `get-{role,user,group}-policy`. Every statement keeps its source position.
//
// Never throws on bad input. Bad JSON becomes an `iam-json` diagnostic at the offending
// line:col and the statements completed before it are kept; an invalid statement (no or bad
// Effect, both Action and NotAction, ...) is reported and dropped while the others are kept.
// Diagnostic codes. Errors: iam-json, iam-too-deep, iam-too-large, iam-not-a-policy (also a
// warning for JSON that is no policy shape at all), iam-missing-statement,
// iam-missing-effect, iam-bad-effect, iam-missing-action, iam-action-and-notaction,
// iam-resource-and-notresource, iam-principal-and-notprincipal, iam-unknown-element,
// iam-bad-value. Warnings (the statement is kept): iam-bad-version, iam-duplicate-element,
// iam-unknown-condition-operator, iam-unknown-service, iam-unknown-action.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/core/source_span.hpp"

namespace blastgraph::iam {

enum class Effect : std::uint8_t { allow, deny };

// Which of a pair of elements a statement wrote: `Action` (listed) or `NotAction`
// (all_except); likewise `Resource`/`NotResource` and `Principal`/`NotPrincipal`.
enum class ListMode : std::uint8_t { absent, listed, all_except };

// The values of Action/NotAction or Resource/NotResource, verbatim (wildcards and policy
// variables such as `${aws:username}` included). A single string is a one-element list.
struct PatternList {
  ListMode mode = ListMode::absent;
  std::vector<std::string> patterns;
  SourcePosition position;  // of the element's value

  auto operator<=>(const PatternList&) const = default;
};

// Principal/NotPrincipal. `"Principal": "*"` sets `any`; `{"AWS": "*"}` is listed in `aws`
// and means anyone too (see admits_anyone).
struct Principals {
  ListMode mode = ListMode::absent;
  bool any = false;
  std::vector<std::string> aws;      // account ids, ARNs, "*"
  std::vector<std::string> service;  // "ec2.amazonaws.com"
  std::vector<std::string>
      federated;  // OIDC/SAML provider ARNs or "cognito-identity.amazonaws.com"
  std::vector<std::string> canonical_user;
  SourcePosition position;

  [[nodiscard]] bool admits_anyone() const;
  auto operator<=>(const Principals&) const = default;
};

enum class SetOperator : std::uint8_t { none, for_any_value, for_all_values };

// One `operator -> key -> values` entry of a Condition block. Conditions are kept, never
// evaluated (see iam/evaluate.hpp for what that means for matching).
struct Condition {
  std::string op;             // as written: "ForAnyValue:StringLikeIfExists"
  std::string base_operator;  // "StringLike"
  SetOperator set_operator = SetOperator::none;
  bool if_exists = false;
  std::string key;                  // "token.actions.githubusercontent.com:sub"
  std::vector<std::string> values;  // strings verbatim; numbers and booleans as written
  SourcePosition position;          // of the key

  auto operator<=>(const Condition&) const = default;
};

struct Statement {
  std::string sid;
  Effect effect = Effect::allow;
  PatternList actions;    // mode all_except for NotAction
  PatternList resources;  // mode all_except for NotResource; absent in trust policies
  Principals principals;  // mode all_except for NotPrincipal; absent in identity policies
  std::vector<Condition> conditions;
  SourcePosition position;  // of the statement object's '{'

  auto operator<=>(const Statement&) const = default;
};

enum class DocumentKind : std::uint8_t { identity, resource, trust, boundary, scp };

[[nodiscard]] std::string_view to_string(DocumentKind kind);

enum class PrincipalType : std::uint8_t { none, user, group, role };

// Where a document came from. For a standalone file only `kind` is set: `trust` when every
// statement names a principal and only sts:AssumeRole*-style actions, `resource` when
// statements name principals otherwise, `identity` else. Parsing cannot tell a permission
// boundary or an SCP from an identity policy: the caller that attaches it sets the kind.
struct DocumentOrigin {
  DocumentKind kind = DocumentKind::identity;
  PrincipalType principal_type = PrincipalType::none;
  std::string principal_name;   // the role whose trust or inline policy this is
  std::string policy_name;      // inline or managed policy name
  std::string policy_arn;       // managed policies
  std::string version_id;       // managed policy version: "v3"
  bool default_version = true;  // false for a managed policy version that is not in force

  auto operator<=>(const DocumentOrigin&) const = default;
};

struct PolicyDocument {
  std::string version;  // "2012-10-17"; empty when not written
  std::string id;
  std::vector<Statement> statements;  // the valid ones, in source order
  DocumentOrigin origin;
  SourcePosition position;  // of the document object, or of the string that encodes it

  auto operator<=>(const PolicyDocument&) const = default;
};

// A user, group or role listed by get-account-authorization-details: how documents attach.
struct PrincipalRecord {
  PrincipalType type = PrincipalType::none;
  std::string name;
  std::string arn;
  std::vector<std::string> managed_policy_arns;  // AttachedManagedPolicies
  std::string boundary_arn;                      // PermissionsBoundary, empty when none
  std::vector<std::string> groups;               // users: the groups they are in
  std::vector<std::string> instance_profiles;    // roles: instance profile ARNs
  SourcePosition position;

  auto operator<=>(const PrincipalRecord&) const = default;
};

struct PolicyFile {
  std::string path;
  std::vector<PolicyDocument> documents;
  std::vector<PrincipalRecord> principals;  // only from get-account-authorization-details
  std::vector<Diagnostic> diagnostics;
};

// Parses one JSON file. `path` is recorded in diagnostics as given. Thread-safe.
[[nodiscard]] PolicyFile parse_policy(std::string_view path, std::string_view text);

struct EmbeddedPolicy {
  std::optional<PolicyDocument> document;  // nullopt when nothing readable was found
  std::vector<Diagnostic> diagnostics;
};

// Parses one policy document written inside another file, such as a Terraform heredoc:
// positions are shifted so that the first character of `text` is at `start` in `path`.
[[nodiscard]] EmbeddedPolicy parse_policy_text(std::string_view path, std::string_view text,
                                               SourcePosition start);

}  // namespace blastgraph::iam
