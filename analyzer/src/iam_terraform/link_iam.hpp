#pragma once
// IAM inside Terraform, as edges: who can assume which role (assume_role), who can act on
// which resource (acts_on: identity policies, resource policies, GCP IAM members and
// bindings), and which workloads run as which identity (runs_as: Lambda, ECS tasks, instance
// profiles, Azure federated credentials, GKE workload identity bindings). Runs after every
// node of every domain exists. See README "IAM policies".

#include "iam/load_iam.hpp"
#include "terraform/link.hpp"

namespace blastgraph::analyzer::iam_terraform {

void add_iam_terraform_edges(const terraform_link::InstanceForest& forest,
                             const iam_link::IamInput& files, terraform_link::LinkContext& context);

}  // namespace blastgraph::analyzer::iam_terraform
