// `accounts:` of the policy file: the AWS account each Terraform root deploys to, for the ARNs
// its resources are offered under in an organization (README "Organization").
#include "blastgraph/graph/interface.hpp"
#include "config/sections.hpp"

namespace blastgraph::analyzer::config {

void read_accounts(Reader& reader, const yaml::Node& node,
                   std::map<std::string, std::string>& out) {
  if (!reader.expect_mapping(node, "accounts")) return;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const auto key = node.key(i);
    auto root = reader.read_string(key, "accounts: a Terraform root");
    auto account = reader.read_string(node.value(i), "accounts." + std::string(key.scalar()));
    if (!root || !account) continue;
    if (!graph::is_account_id(*account)) {
      reader.error(node.value(i), "config-value",
                   "accounts." + *root + ": '" + *account +
                       "' is not an AWS account (twelve digits; quote it)");
      continue;
    }
    out[*root] = *account;
  }
}

}  // namespace blastgraph::analyzer::config
