// The bundled Kubernetes example (fixtures/kubernetes, stories in its README).
#include <gtest/gtest.h>

#include <algorithm>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/score.hpp"

namespace blastgraph::testing {
namespace {

class ExampleCluster : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { s_ws = new analyzer::Workspace(load(fixtures_dir() / "acme" / "kubernetes")); }
  static void TearDownTestSuite() { delete s_ws; }

  static std::vector<std::string> services_reached(const std::string& id) {
    std::vector<std::string> ids{id};
    const auto report = analyzer::score_change(
        *s_ws, analyzer::select_changes(s_ws->graph, ids, analyzer::ChangeAction::update));
    std::vector<std::string> out;
    for (const auto& s : report.services) out.push_back(s.service);
    std::sort(out.begin(), out.end());
    return out;
  }

  static analyzer::Workspace* s_ws;
};

analyzer::Workspace* ExampleCluster::s_ws = nullptr;

TEST_F(ExampleCluster, SharedConfigMapReachesItsConsumersAndTheirCallers) {
  EXPECT_EQ(services_reached("k8s:shop:shop/ConfigMap/shop-config"),
            (std::vector<std::string>{"checkout", "frontend", "orders", "payments"}));
  const auto reached = reached_ids(s_ws->graph, {"k8s:shop:shop/ConfigMap/shop-config"});
  EXPECT_TRUE(reached.contains("k8s:shop:shop/Ingress/frontend"));
  EXPECT_FALSE(reached.contains("k8s:shop:shop/Deployment/shipping"));
}

TEST_F(ExampleCluster, LeafServiceReachesItsOnlyCallerAndNoOneElse) {
  EXPECT_EQ(services_reached("k8s:shop:shop/Deployment/search-v1"),
            (std::vector<std::string>{"frontend", "search"}));
}

TEST_F(ExampleCluster, EveryCallWrittenInTheManifestsIsAnEdge) {
  const std::vector<std::pair<std::string, std::string>> calls{
      {"k8s:shop:shop/Deployment/frontend", "k8s:shop:shop/Service/catalog"},
      {"k8s:shop:shop/Deployment/frontend", "k8s:shop:shop/Service/search"},
      {"k8s:shop:shop/Deployment/frontend", "k8s:shop:shop/Service/checkout"},
      {"k8s:shop:shop/Deployment/checkout", "k8s:shop:shop/Service/payments"},
      {"k8s:shop:shop/Deployment/checkout", "k8s:shop:shop/Service/orders"},
      {"k8s:shop:shop/Deployment/checkout", "k8s:.:platform/Service/auth"},
      {"k8s:shop:shop/Deployment/payments", "k8s:.:platform/Service/auth"},
      {"k8s:shop:shop/Deployment/payments", "k8s:.:platform/Service/redis"},
      {"k8s:shop:shop/Deployment/orders", "k8s:.:platform/Service/mongodb"},
      {"k8s:shop:shop/Deployment/orders", "k8s:shop:shop/Service/inventory"},
      {"k8s:shop:shop/ConfigMap/shop-config", "k8s:shop:shop/Service/shipping"},
      {"k8s:shop:shop/Deployment/orders", "k8s:shop:shop/Service/legacy-billing"},
      {"k8s:shop:shop/Deployment/catalog", "k8s:.:platform/Service/mongodb"},
      {"k8s:shop:shop/Deployment/inventory", "k8s:.:platform/Service/mongodb"},
      {"k8s:shop:shop/Deployment/shipping", "k8s:shop:shop/Service/notifications"},
      {"k8s:.:platform/Deployment/auth", "k8s:.:platform/Service/redis"},
  };
  for (const auto& [caller, callee] : calls) {
    EXPECT_EQ(edge_kind(s_ws->graph, caller, callee), "service_call") << caller << " -> " << callee;
  }
  // Nothing calls out of the cluster or to the node-local collector.
  for (const auto& edge : s_ws->graph.edges()) {
    if (edge.kind != graph::EdgeKind::service_call) continue;
    const auto& target = s_ws->graph.node(edge.target).id;
    EXPECT_TRUE(target.starts_with("k8s:")) << target;
    EXPECT_EQ(target.find("sendgrid"), std::string::npos);
  }
  EXPECT_EQ(s_ws->graph.node(s_ws->graph.find("k8s:shop:shop/Service/legacy-billing")).role,
            graph::Role::external);
}

TEST_F(ExampleCluster, BrokenHelmAndUndeployedFilesAreReportedWhileTheRestIsAnalyzed) {
  std::set<std::string> codes;
  for (const auto& d : s_ws->diagnostics) {
    if (d.file == "broken/bad-indent.yaml") {
      EXPECT_EQ(d.position.line, 15U);
      EXPECT_EQ(d.position.column, 13U);
      codes.insert(d.code);
    }
    if (d.file == "helm/Chart.yaml" || d.file == "helm/templates/deployment.yaml" ||
        d.file == "shop/legacy/old-cron.yaml") {
      codes.insert(d.code);
    }
  }
  EXPECT_EQ(codes, (std::set<std::string>{"k8s-helm-chart", "k8s-not-deployed", "yaml-syntax"}));
  EXPECT_EQ(s_ws->coverage.files_unparsed, 2U);
  EXPECT_NE(s_ws->graph.find("k8s:.:shop/ConfigMap/recommendations-config"), graph::k_no_node);
  EXPECT_EQ(s_ws->graph.find("k8s:shop:shop/CronJob/abandoned-cart-export"), graph::k_no_node);
  EXPECT_NE(s_ws->graph.find("k8s:.:default/ConfigMap/shop-dashboards"), graph::k_no_node);
}

}  // namespace
}  // namespace blastgraph::testing
