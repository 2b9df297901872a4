#include "terraform/identities.hpp"

#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::terraform_link {
namespace {

std::optional<std::string> attribute_pattern(const Instance& instance, const terraform::Block& block,
                                             const std::string& name) {
  auto it = block.attributes.find(name);
  if (it == block.attributes.end()) return std::nullopt;
  return static_pattern(instance, it->second);
}

std::optional<std::string> attribute_string(const Instance& instance, const terraform::Block& block,
                                            const std::string& name) {
  auto it = block.attributes.find(name);
  if (it == block.attributes.end()) return std::nullopt;
  return static_string(instance, it->second);
}

// arn:aws:iam::<account>:role<path><name>; the account comes from the provider at apply time.
std::optional<std::string> role_arn_pattern(const Instance& instance, const terraform::Block& block) {
  auto name = attribute_pattern(instance, block, "name");
  if (!name) {
    auto prefix = attribute_pattern(instance, block, "name_prefix");
    if (!prefix) return std::nullopt;  // a generated name matches nothing written elsewhere
    name = *prefix + "*";
  }
  auto path = attribute_pattern(instance, block, "path").value_or("/");
  if (path.empty() || path.front() != '/') path.insert(path.begin(), '/');
  if (path.back() != '/') path += '/';
  return "arn:aws:iam::*:role" + path + *name;
}

}  // namespace

void collect_identity(const Instance& instance, const terraform::Block& block,
                      const std::string& node, CloudIdentities& identities) {
  if (block.kind != terraform::BlockKind::resource) return;
  if (block.type == "aws_iam_role") {
    if (auto arn = role_arn_pattern(instance, block)) identities.aws_roles.push_back({node, *arn});
  } else if (block.type == "aws_eks_pod_identity_association") {
    auto ns = attribute_string(instance, block, "namespace");
    auto account = attribute_string(instance, block, "service_account");
    if (ns && account) {
      // The evidence points at the `service_account` argument that names the account.
      const auto written = block.attributes.find("service_account");
      const auto line = written->second.position.line > 0 ? written->second.position.line
                                                          : block.span.first_line;
      identities.pod_identities.push_back(
          {node, *ns, *account, block.span.file, line, "service_account"});
    }
  } else if (block.type == "google_service_account") {
    if (auto email = gcp_service_account_email(instance, block)) {
      identities.gcp_accounts.push_back({node, *email});
    }
  }
}

std::optional<std::string> gcp_service_account_email(const Instance& instance,
                                                     const terraform::Block& block) {
  auto id = attribute_pattern(instance, block, "account_id");
  if (!id) return std::nullopt;
  // Without `project` the provider's project is used, known only at apply time.
  const auto project = attribute_pattern(instance, block, "project").value_or("*");
  return *id + "@" + project + ".iam.gserviceaccount.com";
}

}  // namespace blastgraph::analyzer::terraform_link
