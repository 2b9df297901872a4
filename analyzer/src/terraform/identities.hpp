#pragma once
// Which Terraform resources are identities a workload can run as, and their static names.

#include <optional>
#include <string>

#include "identity/cloud_identities.hpp"
#include "terraform/instances.hpp"

namespace blastgraph::analyzer::terraform_link {

// Records `block` (with node id `node`) in `identities` when it is an aws_iam_role with a
// static name, an aws_eks_pod_identity_association, or a google_service_account.
void collect_identity(const Instance& instance, const terraform::Block& block,
                      const std::string& node, CloudIdentities& identities);

// The email of a google_service_account as a glob: `<account_id>@<project>.iam.gserviceaccount.com`,
// `*` where not static (the project when it is the provider's); nullopt without account_id.
[[nodiscard]] std::optional<std::string> gcp_service_account_email(const Instance& instance,
                                                                   const terraform::Block& block);

}  // namespace blastgraph::analyzer::terraform_link
