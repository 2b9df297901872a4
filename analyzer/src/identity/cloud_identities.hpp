#pragma once
// Cloud identities declared in Terraform that Kubernetes workloads can run as. Collected
// while Terraform nodes are added; consumed when Kubernetes edges are added.

#include <cstdint>
#include <string>
#include <vector>

namespace blastgraph::analyzer {

struct AwsRoleIdentity {
  std::string node;         // the aws_iam_role node
  std::string arn_pattern;  // glob: `*` where the ARN is not static (account, unknown parts)
};

struct PodIdentityAssociation {
  std::string node;  // the aws_eks_pod_identity_association node
  std::string namespace_name;
  std::string service_account;
  // Where the association is written: the evidence of the ServiceAccount's runs_as edge.
  std::string file;
  std::uint32_t line = 0;
  std::string attribute;  // "service_account"
};

struct GcpServiceAccountIdentity {
  std::string node;           // the google_service_account node
  std::string email_pattern;  // `<account_id>@<project>.iam.gserviceaccount.com`, `*` where unknown
};

struct CloudIdentities {
  std::vector<AwsRoleIdentity> aws_roles;
  std::vector<PodIdentityAssociation> pod_identities;
  std::vector<GcpServiceAccountIdentity> gcp_accounts;
};

}  // namespace blastgraph::analyzer
