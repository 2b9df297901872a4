// Which configuration values are calls: TLS server names, dashboards and addresses into
// namespaces the repository does not hold. Each rule has a test that fails without it.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

constexpr const char* k_services = R"(apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Service
metadata: {name: payments, namespace: shop}
spec: {selector: {app: payments}}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {selector: {app: cart}}
)";

constexpr const char* k_caller = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web:1
          env:
            - {name: PAYMENTS_SNI, value: payments.shop.svc.cluster.local}
            - {name: LEDGER_URL, value: "http://ledger.finance.svc.cluster.local:8080/api"}
            - {name: LOGGER, value: org.slf4j}
)";

class KubernetesCalls : public ::testing::Test {
 protected:
  void SetUp() override {
    m_tree.write("k8s/services.yaml", k_services);
    m_tree.write("k8s/web.yaml", k_caller);
  }
  TempTree m_tree;
};

TEST_F(KubernetesCalls, ATlsServerNameIsNoCall) {
  const auto ws = load(m_tree.root());
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/Deployment/web", "k8s:shop/Service/payments"), "");
}

TEST_F(KubernetesCalls, DashboardsAreNoCalls) {
  m_tree.write("k8s/dashboards.yaml", R"(apiVersion: v1
kind: ConfigMap
metadata: {name: by-label, namespace: shop, labels: {grafana_dashboard: "1"}}
data:
  links.txt: "cart: http://cart.shop:8080"
---
apiVersion: v1
kind: ConfigMap
metadata: {name: by-shape, namespace: shop}
data:
  payments.json: '{"title": "Payments", "panels": [{"datasource": "http://payments.shop:9090"}]}'
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data:
  app.json: '{"upstream": "http://cart.shop:8080"}'
)");
  const auto ws = load(m_tree.root());
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/ConfigMap/by-label", "k8s:shop/Service/cart"), "");
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/ConfigMap/by-shape", "k8s:shop/Service/payments"), "");
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/ConfigMap/settings", "k8s:shop/Service/cart"),
            "service_call");
}

TEST_F(KubernetesCalls, ACallIntoANamespaceOutsideTheRepositoryReachesAnExternalHost) {
  const auto ws = load(m_tree.root());
  const std::string host = "ext:dns:ledger.finance.svc.cluster.local";
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/Deployment/web", host), "service_call");
  ASSERT_NE(ws.graph.find(host), graph::k_no_node);
  EXPECT_EQ(ws.graph.node(ws.graph.find(host)).domain, graph::Domain::external);
  std::vector<std::string> notes;
  for (const auto& d : ws.diagnostics) {
    if (d.code == "k8s-namespace-not-in-repository") notes.push_back(d.message);
  }
  ASSERT_EQ(notes.size(), 1U);  // not for `org.slf4j`, which is a word, not an address
  EXPECT_NE(notes[0].find("namespace finance is not in the repository"), std::string::npos)
      << notes[0];
  // The change to the external host reaches the caller.
  EXPECT_TRUE(reached_ids(ws.graph, {host}).contains("k8s:shop/Deployment/web"));
}

}  // namespace
}  // namespace blastgraph::testing
