#pragma once
// Which Terraform resources are identities a workload can run as, and their static names.

#include "identity/cloud_identities.hpp"
#include "terraform/instances.hpp"

namespace blastgraph::analyzer::terraform_link {

// Records `block` (with node id `node`) in `identities` when it is an aws_iam_role with a
// static name, an aws_eks_pod_identity_association, or a google_service_account.
void collect_identity(const Instance& instance, const terraform::Block& block,
                      const std::string& node, CloudIdentities& identities);

}  // namespace blastgraph::analyzer::terraform_link
