// Placeholders (fixtures/k8s-placeholders, README there): values filled in before a manifest
// is applied are unknowns, never part of an id and never a node that unrelated names share.
#include <gtest/gtest.h>

#include <algorithm>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

constexpr const char* k_web = "k8s:?/Deployment/web@envsubst/web.yaml:9";
constexpr const char* k_config = "k8s:?/ConfigMap/?-config@envsubst/web.yaml:2";
constexpr const char* k_etcd_service = "k8s:default/Service/etcd-?@templated/etcd.yaml:2";
constexpr const char* k_etcd_controller =
    "k8s:default/ReplicationController/etcd-?@templated/etcd.yaml:12";

class KubernetesPlaceholders : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_ws = new analyzer::Workspace(load(fixtures_dir() / "k8s-placeholders"));
  }
  static void TearDownTestSuite() {
    delete s_ws;
    s_ws = nullptr;
  }
  static const graph::Graph& graph() { return s_ws->graph; }
  static inline analyzer::Workspace* s_ws = nullptr;
};

TEST_F(KubernetesPlaceholders, NoIdHoldsAPlaceholder) {
  for (const auto& node : graph().nodes()) {
    EXPECT_EQ(node.id.find("${"), std::string::npos) << node.id;
    EXPECT_EQ(node.id.find("{{"), std::string::npos) << node.id;
  }
  EXPECT_NE(graph().find(k_web), graph::k_no_node);
  EXPECT_NE(graph().find(k_config), graph::k_no_node);
}

TEST_F(KubernetesPlaceholders, AnUnknownAccountIsNoNodeTheTwoDeploymentsWouldShare) {
  for (const auto& node : graph().nodes()) {
    if (node.type == "ServiceAccount") {
      EXPECT_EQ(node.id, "k8s:default/ServiceAccount/default");
    }
  }
  EXPECT_EQ(
      edge_kind(graph(), "k8s:default/Deployment/worker", "k8s:default/ServiceAccount/default"),
      "");
  const auto codes = diagnostic_codes(*s_ws);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "k8s-symbolic-reference"), 2);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "k8s-unresolved-reference"), 0);
  EXPECT_EQ(s_ws->coverage.symbolic_values, 2U);
}

TEST_F(KubernetesPlaceholders, ANameWrittenAlikeInOneApplicationIsOneObject) {
  EXPECT_EQ(edge_kind(graph(), k_web, k_config), "config_reference");
}

TEST_F(KubernetesPlaceholders, AScriptsTemplateKeepsEveryObject) {
  EXPECT_EQ(edge_kind(graph(), k_etcd_service, k_etcd_controller), "service_selector");
  EXPECT_NE(graph().find("k8s:default/ConfigMap/etcd-defaults"), graph::k_no_node);
  const auto codes = diagnostic_codes(*s_ws);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "k8s-template-placeholder"), 1);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "k8s-helm-template"), 0);
  EXPECT_EQ(s_ws->coverage.files_unparsed, 0U);
}

}  // namespace
}  // namespace blastgraph::testing
