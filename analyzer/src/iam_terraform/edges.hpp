#pragma once
// The IAM edge passes over Terraform; each documents its rule where it is applied.

#include <map>
#include <string>
#include <vector>

#include "iam_terraform/grants.hpp"
#include "iam_terraform/principal_names.hpp"
#include "iam_terraform/principals.hpp"
#include "terraform/link.hpp"

namespace blastgraph::analyzer::iam_terraform {

struct EdgeInputs {
  const BlocksByNode& blocks;
  std::map<std::string, PrincipalPolicies> principals;  // by node
  std::vector<ResourceArn> resources;                   // every resource with a known ARN shape
  PolicyReader& reader;
  PrincipalNames names = {};  // of `principals`, indexed once they are collected
};

// Who a statement's Principal element names among the tree's roles and users.
struct Admitted {
  std::vector<std::string> nodes;     // principals of the tree, by ARN or by reference
  bool account_wide = false;          // `*`, an account id or `:root`: anyone the account allows
  std::vector<std::string> external;  // literal AWS principals that are not in the tree
};

// `holder` is the node whose policy the statement is (a role, a bucket policy): ARNs name
// principals of other Terraform roots only as identity_scope.hpp allows.
[[nodiscard]] Admitted admitted_principals(const iam::Statement& statement,
                                           const StatementFacts* facts, const EdgeInputs& inputs,
                                           const std::string& holder);

// "Write: sqs:SendMessage, sqs:GetQueueUrl +3": the evidence attribute of an acts_on edge,
// led by the strongest access level among the actions (Permissions management > Write >
// Tagging > Read > List, from the catalogue), so a path shows how much the principal can do.
[[nodiscard]] std::string action_summary(const std::vector<std::string>& actions);

void add_assume_role_edges(EdgeInputs& inputs, terraform_link::LinkContext& context);
void add_acts_on_edges(EdgeInputs& inputs, terraform_link::LinkContext& context);
void add_resource_policy_edges(EdgeInputs& inputs, terraform_link::LinkContext& context);
void add_runs_as_edges(EdgeInputs& inputs, terraform_link::LinkContext& context);
void add_azure_edges(EdgeInputs& inputs, terraform_link::LinkContext& context);
void add_gcp_edges(EdgeInputs& inputs, terraform_link::LinkContext& context);

}  // namespace blastgraph::analyzer::iam_terraform
