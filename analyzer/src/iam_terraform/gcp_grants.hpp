#pragma once
// GCP IAM in Terraform, read as grants: `google_<resource>_iam_member` (one role, one
// member), `_iam_binding` (one role, a list of members) and `_iam_policy` (the `binding`
// blocks of the `data "google_iam_policy"` its `policy_data` names). Members and roles are
// evaluated statically; a google_service_account's `.email`, `.member`, `.name` and `.id`
// evaluate to its email pattern, so `"serviceAccount:${google_service_account.app.email}"`
// can be matched like a literal.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"
#include "iam_terraform/principals.hpp"
#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::iam_terraform {

// What kind of IAM resource a Terraform type is, and what it is attached to.
struct GcpIamType {
  std::string target_type;        // "google_storage_bucket" for google_storage_bucket_iam_member
  std::string_view id_attribute;  // the attribute naming the target ("bucket"); empty if unknown
};

// nullopt for a type that is not a google_*_iam_member|binding|policy.
[[nodiscard]] std::optional<GcpIamType> gcp_iam_type(std::string_view type);

struct GcpGrant {
  std::string role;  // evaluated; `*` where unknown
  std::string role_file;
  SourcePosition role_position;
  std::string member;  // evaluated glob, e.g. "serviceAccount:app@*.iam.gserviceaccount.com"
  std::string file;    // where the member is written
  SourcePosition position;
  std::string attribute;  // "member", "members" or "binding.members"
  // The google_service_account node the member names by reference
  // (`google_service_account.app.email`, `"serviceAccount:${google_service_account.app.email}"`);
  // empty when it is written otherwise.
  std::string account;
};

// The grants `placed` (an IAM resource of gcp_iam_type) holds; members that cannot be
// evaluated at all are left out.
[[nodiscard]] std::vector<GcpGrant> read_gcp_grants(const PlacedBlock& placed);

// "serviceAccount:<project>.svc.id.goog[<ns>/<ksa>]" -> "k8s:<ns>/ServiceAccount/<ksa>";
// nullopt for any other member or when namespace or name are not static.
[[nodiscard]] std::optional<std::string> workload_identity_account(const std::string& member);

// "serviceAccount:<email>" -> the email, when its account part (before `@`) is partly
// static; nullopt otherwise (`serviceAccount:*` would match every account).
[[nodiscard]] std::optional<std::string> service_account_email(const std::string& member);

}  // namespace blastgraph::analyzer::iam_terraform
