#include "blastgraph/graph/model.hpp"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace blastgraph::graph {
namespace {

// Written out by hand so a reordered name table in model.cpp cannot go unnoticed.
const std::vector<std::pair<EdgeKind, std::string>> k_edge_kinds = {
    {EdgeKind::reference, "reference"},
    {EdgeKind::depends_on, "depends_on"},
    {EdgeKind::meta_argument, "meta_argument"},
    {EdgeKind::module_input, "module_input"},
    {EdgeKind::module_output, "module_output"},
    {EdgeKind::module_member, "module_member"},
    {EdgeKind::provider, "provider"},
    {EdgeKind::owner, "owner"},
    {EdgeKind::workload_selector, "workload_selector"},
    {EdgeKind::service_selector, "service_selector"},
    {EdgeKind::ingress_backend, "ingress_backend"},
    {EdgeKind::route_backend, "route_backend"},
    {EdgeKind::tls_secret, "tls_secret"},
    {EdgeKind::config_reference, "config_reference"},
    {EdgeKind::image_pull_secret, "image_pull_secret"},
    {EdgeKind::service_account, "service_account"},
    {EdgeKind::rbac_role, "rbac_role"},
    {EdgeKind::rbac_subject, "rbac_subject"},
    {EdgeKind::network_policy, "network_policy"},
    {EdgeKind::scale_target, "scale_target"},
    {EdgeKind::disruption_budget, "disruption_budget"},
    {EdgeKind::storage, "storage"},
    {EdgeKind::namespace_, "namespace"},
    {EdgeKind::admission, "admission"},
    {EdgeKind::service_call, "service_call"},
    {EdgeKind::policy_attachment, "policy_attachment"},
    {EdgeKind::permission_boundary, "permission_boundary"},
    {EdgeKind::group_membership, "group_membership"},
    {EdgeKind::assume_role, "assume_role"},
    {EdgeKind::runs_as, "runs_as"},
    {EdgeKind::acts_on, "acts_on"},
};

TEST(EdgeKindNames, MatchEnumeratorsAndCoverTheWholeEnum) {
  ASSERT_EQ(k_edge_kinds.size(), static_cast<std::size_t>(EdgeKind::acts_on) + 1);
  for (std::size_t i = 0; i < k_edge_kinds.size(); ++i) {
    const auto& [kind, name] = k_edge_kinds[i];
    EXPECT_EQ(static_cast<std::size_t>(kind), i) << name;
    EXPECT_EQ(to_string(kind), name);
  }
}

TEST(EdgeKindNames, AreDistinctAndParseBack) {
  std::set<std::string> seen;
  for (const auto& [kind, name] : k_edge_kinds) {
    EXPECT_TRUE(seen.insert(std::string(to_string(kind))).second) << name;
    EXPECT_EQ(parse_edge_kind(to_string(kind)), kind) << name;
  }
}

TEST(EdgeKindNames, UnknownNamesDoNotParse) {
  EXPECT_EQ(parse_edge_kind(""), std::nullopt);
  EXPECT_EQ(parse_edge_kind("namespace_"), std::nullopt);
  EXPECT_EQ(parse_edge_kind("Reference"), std::nullopt);
  EXPECT_EQ(parse_edge_kind("reference "), std::nullopt);
}

TEST(EnumNames, DomainRoleAndCriticality) {
  EXPECT_EQ(to_string(Domain::terraform), "terraform");
  EXPECT_EQ(to_string(Domain::kubernetes), "kubernetes");
  EXPECT_EQ(to_string(Domain::iam), "iam");
  EXPECT_EQ(to_string(Domain::external), "external");

  EXPECT_EQ(to_string(Role::resource), "resource");
  EXPECT_EQ(to_string(Role::value), "value");
  EXPECT_EQ(to_string(Role::module), "module");
  EXPECT_EQ(to_string(Role::external), "external");

  const std::vector<std::pair<Criticality, std::string>> classes = {
      {Criticality::normal, "normal"},   {Criticality::compute, "compute"},
      {Criticality::storage, "storage"}, {Criticality::network, "network"},
      {Criticality::iam, "iam"},         {Criticality::database, "database"},
      {Criticality::secrets, "secrets"}, {Criticality::crypto, "crypto"},
      {Criticality::auth, "auth"},       {Criticality::account, "account"},
  };
  for (const auto& [criticality, name] : classes) {
    EXPECT_EQ(to_string(criticality), name);
  }
}

TEST(Evidence, OrdersByFileThenLineThenAttribute) {
  EXPECT_LT((Evidence{"a.tf", 9, "z"}), (Evidence{"b.tf", 1, "a"}));
  EXPECT_LT((Evidence{"a.tf", 1, "z"}), (Evidence{"a.tf", 2, "a"}));
  EXPECT_LT((Evidence{"a.tf", 1, "a"}), (Evidence{"a.tf", 1, "b"}));
}

}  // namespace
}  // namespace blastgraph::graph
