// Workloads running as cloud identities: a ServiceAccount depends on the role it assumes
// (IRSA annotation, EKS pod identity, GKE workload identity), so a change to the role or to
// anything bounding it reaches the account, its workloads and their callers.
#include "blastgraph/analyzer/change.hpp"
#include "config/glob_index.hpp"
#include "kubernetes/link.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

constexpr std::string_view k_irsa_annotation = "eks.amazonaws.com/role-arn";
constexpr std::string_view k_gke_annotation = "iam.gke.io/gcp-service-account";

// Identities of one kind and their patterns, indexed once.
template <typename Identity>
struct IndexedIdentities {
  IndexedIdentities(const std::vector<Identity>& all, std::string Identity::*member)
      : identities(all), pattern(member), index(patterns_of(all, member)) {}

  static std::vector<std::string> patterns_of(const std::vector<Identity>& all,
                                              std::string Identity::*member) {
    std::vector<std::string> out;
    out.reserve(all.size());
    for (const auto& identity : all) out.push_back(identity.*member);
    return out;
  }

  const std::vector<Identity>& identities;
  std::string Identity::*pattern;
  config::GlobIndex index;
};

template <typename Identity>
void link_annotation(Linker& linker, const PlacedObject& account, std::string_view annotation,
                     const IndexedIdentities<Identity>& indexed, const std::string& external_type) {
  const auto& object = *account.object;
  auto it = object.annotations.find(std::string(annotation));
  if (it == object.annotations.end() || it->second.empty()) return;
  const auto& value = it->second;
  const auto path = "metadata.annotations." + std::string(annotation);
  // The evidence is the annotation's line: that is where the link is written.
  const auto written = object.annotation_positions.find(std::string(annotation));
  const auto position = written != object.annotation_positions.end() && written->second.line > 0
                            ? written->second
                            : object.position;
  bool matched = false;
  for (const auto candidate : indexed.index.candidates(value)) {
    const auto& identity = indexed.identities[candidate];
    if (!glob_match(identity.*indexed.pattern, value)) continue;
    linker.edge(account.id, identity.node, graph::EdgeKind::runs_as, object, position, path);
    matched = true;
  }
  if (matched) return;
  // Not defined in the scanned Terraform: keep it as an external node, never drop it.
  const auto external = "ext:" + value;
  linker.ensure_external(external, external_type);
  linker.edge(account.id, external, graph::EdgeKind::runs_as, object, position, path);
}

}  // namespace

void add_identity_edges(Linker& linker, const CloudIdentities& identities) {
  const IndexedIdentities aws(identities.aws_roles, &AwsRoleIdentity::arn_pattern);
  const IndexedIdentities gcp(identities.gcp_accounts, &GcpServiceAccountIdentity::email_pattern);
  for (const auto& placed : linker.index().objects()) {
    if (placed.object->kind != "ServiceAccount") continue;
    link_annotation(linker, placed, k_irsa_annotation, aws, "aws_iam_role");
    link_annotation(linker, placed, k_gke_annotation, gcp, "google_service_account");
  }
  for (const auto& association : identities.pod_identities) {
    // Every application's ServiceAccount of that name runs as the role.
    const auto accounts = linker.targets_anywhere("ServiceAccount", association.namespace_name,
                                                  association.service_account);
    for (const auto& account : accounts.ids) {
      linker.raw_edge(account, association.node, graph::EdgeKind::runs_as,
                      {association.file, association.line, association.attribute});
    }
  }
}

}  // namespace blastgraph::analyzer::k8s_link
