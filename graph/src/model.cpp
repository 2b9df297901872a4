#include "blastgraph/graph/model.hpp"

#include <array>
#include <cstddef>

namespace blastgraph::graph {
namespace {

// Names are the enumerators spelled as in model.hpp; reports and the JSON contract use them,
// so a rename here is a schema change.
constexpr std::array<std::string_view, 4> k_domain_names = {"terraform", "kubernetes", "iam",
                                                            "external"};

constexpr std::array<std::string_view, 4> k_role_names = {"resource", "value", "module",
                                                          "external"};

constexpr std::array<std::string_view, 10> k_criticality_names = {
    "normal",   "compute", "storage", "network", "iam",
    "database", "secrets", "crypto",  "auth",    "account"};

// Grouped by domain as in the enum.
// clang-format off
constexpr std::array<std::string_view, 31> k_edge_kind_names = {
    // Terraform
    "reference", "depends_on", "meta_argument", "module_input", "module_output",
    "module_member", "provider",
    // Kubernetes
    "owner", "workload_selector", "service_selector", "ingress_backend", "route_backend",
    "tls_secret", "config_reference", "image_pull_secret", "service_account", "rbac_role",
    "rbac_subject", "network_policy", "scale_target", "disruption_budget", "storage",
    "namespace", "admission", "service_call",
    // IAM
    "policy_attachment", "permission_boundary", "group_membership", "assume_role", "runs_as",
    "acts_on"};
// clang-format on

// A new enumerator appended without a name fails here rather than printing garbage.
static_assert(static_cast<std::size_t>(Domain::external) + 1 == k_domain_names.size());
static_assert(static_cast<std::size_t>(Role::external) + 1 == k_role_names.size());
static_assert(static_cast<std::size_t>(Criticality::account) + 1 == k_criticality_names.size());
static_assert(static_cast<std::size_t>(EdgeKind::acts_on) + 1 == k_edge_kind_names.size());

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::string_view, N>& names, Enum value) {
  const auto index = static_cast<std::size_t>(value);
  return index < N ? names[index] : std::string_view{"unknown"};
}

}  // namespace

std::string_view to_string(Domain domain) {
  return name_of(k_domain_names, domain);
}

std::string_view to_string(Role role) {
  return name_of(k_role_names, role);
}

std::string_view to_string(Criticality criticality) {
  return name_of(k_criticality_names, criticality);
}

std::string_view to_string(EdgeKind kind) {
  return name_of(k_edge_kind_names, kind);
}

std::optional<EdgeKind> parse_edge_kind(std::string_view name) {
  for (std::size_t i = 0; i < k_edge_kind_names.size(); ++i) {
    if (k_edge_kind_names[i] == name) {
      return static_cast<EdgeKind>(i);
    }
  }
  return std::nullopt;
}

}  // namespace blastgraph::graph
