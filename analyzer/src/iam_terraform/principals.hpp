#pragma once
// Who holds which policies in Terraform: every aws_iam_role, aws_iam_user and aws_iam_group
// with its identity policies (inline, `inline_policy` blocks, attachments of every kind,
// `managed_policy_arns`), its permission boundary and, for roles, its trust policy; a user
// also holds the policies of the groups it belongs to.

#include <map>
#include <string>
#include <vector>

#include "iam_terraform/policy_reader.hpp"
#include "iam_terraform/resource_arns.hpp"

namespace blastgraph::analyzer::iam_terraform {

struct PrincipalPolicies {
  std::string node;
  std::string type;  // aws_iam_role, aws_iam_user, aws_iam_group
  std::string arn;   // pattern; empty when unknown
  std::vector<const TerraformPolicy*> grants;
  // Users: the policies of their groups (aws_iam_user_group_membership,
  // aws_iam_group_membership). They count when a request is checked, as AWS evaluates them,
  // but draw no acts_on edges of the user's own: the group has them, and the user reaches
  // them through its membership.
  std::vector<const TerraformPolicy*> inherited;
  std::vector<const TerraformPolicy*> boundaries;
  std::vector<const TerraformPolicy*> trusts;
};

// A block with the instance it was expanded in.
struct PlacedBlock {
  const terraform_link::Instance* instance = nullptr;
  const terraform::Block* block = nullptr;
};

using BlocksByNode = std::map<std::string, PlacedBlock>;

[[nodiscard]] BlocksByNode index_blocks(const terraform_link::InstanceForest& forest);

// By node id (sorted, so everything built from it is deterministic).
[[nodiscard]] std::map<std::string, PrincipalPolicies> collect_principals(
    const BlocksByNode& blocks,
    PolicyReader& reader);

}  // namespace blastgraph::analyzer::iam_terraform
