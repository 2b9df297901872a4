// Services as the recommended labels name them, applications as `part-of` names them, and the
// policy file's label orders, application rules and floors.
#include <gtest/gtest.h>

#include <sstream>
#include "analyzer_test_support.hpp"

#include "blastgraph/analyzer/explain.hpp"
#include "blastgraph/analyzer/hotspots.hpp"
#include "blastgraph/analyzer/score.hpp"

namespace blastgraph::testing {
namespace {

// A Deployment and its Service labelled as a chart labels its components.
std::string component(const std::string& name, const std::string& labels,
                      const std::string& env = "[]") {
  return R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: )" +
         name + R"(, namespace: shop, labels: )" + labels + R"(}
spec:
  selector: {matchLabels: )" +
         labels + R"(}
  template:
    metadata: {labels: )" +
         labels + R"(}
    spec: {containers: [{name: main, image: "img:1", env: )" +
         env + R"(}]}
---
apiVersion: v1
kind: Service
metadata: {name: )" +
         name + R"(, namespace: shop, labels: )" + labels + R"(}
spec: {selector: )" +
         labels + R"(}
---
)";
}

std::string service_of(const analyzer::Workspace& ws, const std::string& id) {
  const auto index = ws.graph.find(id);
  return index == graph::k_no_node ? "<missing>" : ws.graph.node(index).service;
}

std::string application_of(const analyzer::Workspace& ws, const std::string& id) {
  const auto index = ws.graph.find(id);
  return index == graph::k_no_node ? "<missing>" : ws.graph.node(index).application;
}

class KubernetesServices : public ::testing::Test {
 protected:
  TempTree m_tree;
};

TEST_F(KubernetesServices, PartOfNamesTheApplicationNotTheService) {
  m_tree.write(
      "shop.yaml",
      component("cart", "{app.kubernetes.io/name: cart, app.kubernetes.io/part-of: shop}",
                R"([{name: CHECKOUT_ADDR, value: "checkout:5050"}])") +
          component("checkout",
                    "{app.kubernetes.io/name: checkout, app.kubernetes.io/part-of: shop}"));
  const auto ws = load(m_tree.root());
  EXPECT_EQ(service_of(ws, "k8s:shop/Deployment/cart"), "cart");
  EXPECT_EQ(service_of(ws, "k8s:shop/Service/checkout"), "checkout");
  EXPECT_EQ(application_of(ws, "k8s:shop/Deployment/cart"), "shop");
  // Two services of one application: the call between them is a dependency between services.
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/Deployment/cart", "k8s:shop/Service/checkout"),
            "service_call");
  const auto changes =
      analyzer::select_changes(ws.graph, std::vector<std::string>{"k8s:shop/Deployment/checkout"},
                               analyzer::ChangeAction::update);
  const auto report = analyzer::score_change(ws, changes);
  std::vector<std::string> reached;
  for (const auto& s : report.services) reached.push_back(s.service + "/" + s.application);
  EXPECT_EQ(reached, (std::vector<std::string>{"checkout/shop", "cart/shop"}));
  // Hotspots and explain name it too.
  const auto path =
      analyzer::explain(ws.graph, "k8s:shop/Deployment/checkout", "k8s:shop/Deployment/cart");
  ASSERT_TRUE(path.has_value());
  ASSERT_TRUE(path->reached);
  for (const auto& node : path->paths.front().nodes) EXPECT_EQ(node.application, "shop") << node.id;
  std::ostringstream text;
  analyzer::write_explain_text(*path, text);
  EXPECT_NE(text.str().find("service cart, part of shop"), std::string::npos) << text.str();
  const auto hotspots = analyzer::rank_hotspots(ws.graph, 0);
  ASSERT_FALSE(hotspots.hotspots.empty());
  for (const auto& spot : hotspots.hotspots) {
    if (spot.id.starts_with("k8s:shop/Deployment/")) {
      EXPECT_EQ(spot.application, "shop") << spot.id;
    }
  }
}

TEST_F(KubernetesServices, AppAndK8sAppAndTheWorkloadNameFollowInOrder) {
  m_tree.write("apps.yaml", component("api-v2", "{app: api, version: v2}") +
                                component("dns", "{k8s-app: kube-dns}") +
                                component("plain", "{tier: backend, role: plain}"));
  const auto ws = load(m_tree.root());
  EXPECT_EQ(service_of(ws, "k8s:shop/Deployment/api-v2"), "api");
  EXPECT_EQ(service_of(ws, "k8s:shop/Deployment/dns"), "kube-dns");
  EXPECT_EQ(service_of(ws, "k8s:shop/Deployment/plain"), "plain");
  EXPECT_EQ(application_of(ws, "k8s:shop/Deployment/plain"), "");
}

TEST_F(KubernetesServices, ComponentsTellApartWorkloadsThatShareAName) {
  // One chart, name `store`, three components; and redis, one workload with a component.
  m_tree.write(
      "store.yaml",
      component("store-web", "{app.kubernetes.io/name: store, app.kubernetes.io/component: web}") +
          component("store-worker",
                    "{app.kubernetes.io/name: store, app.kubernetes.io/component: worker}") +
          component("store", "{app.kubernetes.io/name: store}") +
          component("redis",
                    "{app.kubernetes.io/name: redis, app.kubernetes.io/component: master}"));
  const auto ws = load(m_tree.root());
  EXPECT_EQ(service_of(ws, "k8s:shop/Deployment/store-web"), "store-web");
  EXPECT_EQ(service_of(ws, "k8s:shop/Service/store-worker"), "store-worker");
  EXPECT_EQ(service_of(ws, "k8s:shop/Deployment/store"), "store");
  EXPECT_EQ(service_of(ws, "k8s:shop/Deployment/redis"), "redis");
}

TEST_F(KubernetesServices, ThePolicyFileChoosesTheLabelOrders) {
  m_tree.write("teams.yaml",
               component("cart",
                         "{team.example.com/service: basket, app.kubernetes.io/name: cart, "
                         "team.example.com/product: storefront}"));
  m_tree.write(".blastgraph.yaml", R"(kubernetes:
  service_labels: [team.example.com/service, app.kubernetes.io/name]
  application_labels: [team.example.com/product]
)");
  auto loaded = analyzer::find_config(m_tree.root());
  ASSERT_TRUE(loaded.has_value());
  ASSERT_TRUE(loaded->diagnostics.empty());
  const auto ws = load(m_tree.root(), loaded->config);
  EXPECT_EQ(service_of(ws, "k8s:shop/Deployment/cart"), "basket");
  EXPECT_EQ(application_of(ws, "k8s:shop/Deployment/cart"), "storefront");
  const auto defaults = load(m_tree.root());
  EXPECT_EQ(service_of(defaults, "k8s:shop/Deployment/cart"), "cart");
}

TEST_F(KubernetesServices, BadLabelListsAreConfigErrors) {
  const auto loaded = analyzer::parse_config(R"(kubernetes:
  service_labels: ["not a label"]
  namespace: Shop
  labels: []
)",
                                             ".blastgraph.yaml");
  std::vector<std::string> codes;
  for (const auto& d : loaded.diagnostics) codes.push_back(d.code);
  EXPECT_EQ(codes,
            (std::vector<std::string>{"config-value", "config-value", "config-unknown-key"}));
  EXPECT_EQ(loaded.config.kubernetes.labels, analyzer::ServiceLabels{});
}

TEST_F(KubernetesServices, ApplicationsInCriticalityScopeAndFloors) {
  m_tree.write(
      "shop.yaml",
      component("payments",
                "{app.kubernetes.io/name: payments, app.kubernetes.io/part-of: money}") +
          component("cart", "{app.kubernetes.io/name: cart, app.kubernetes.io/part-of: shop}",
                    R"([{name: PAYMENTS_HOST, value: payments}])"));
  const auto loaded = analyzer::parse_config(R"(criticality:
  - applications: [mon*]
    class: database
scope:
  - name: agents-keep-out-of-money
    change_sources: [ai-agent]
    applications: [money]
score:
  floors:
    applications: {shop: HIGH}
)",
                                             ".blastgraph.yaml");
  ASSERT_TRUE(loaded.diagnostics.empty()) << loaded.diagnostics.front().message;
  const auto ws = load(m_tree.root(), loaded.config);
  EXPECT_EQ(ws.graph.node(ws.graph.find("k8s:shop/Deployment/payments")).criticality,
            graph::Criticality::database);
  EXPECT_EQ(ws.graph.node(ws.graph.find("k8s:shop/Deployment/cart")).criticality,
            graph::Criticality::compute);

  const auto changes =
      analyzer::select_changes(ws.graph, std::vector<std::string>{"k8s:shop/Service/payments"},
                               analyzer::ChangeAction::update);
  EXPECT_EQ(analyzer::check_scope(loaded.config, ws.graph, changes, "ai-agent").size(), 1U);
  EXPECT_EQ(analyzer::check_scope(loaded.config, ws.graph, changes, "human").size(), 0U);
  const auto cart =
      analyzer::select_changes(ws.graph, std::vector<std::string>{"k8s:shop/Deployment/cart"},
                               analyzer::ChangeAction::update);
  EXPECT_EQ(analyzer::check_scope(loaded.config, ws.graph, cart, "ai-agent").size(), 0U);

  // The payments Service is reached by cart, part of shop: the shop floor holds.
  const auto report = analyzer::score_change(ws, changes, loaded.config.score);
  EXPECT_EQ(report.tier, analyzer::Tier::high);
  EXPECT_NE(report.floor.reason.find("reaches application shop"), std::string::npos)
      << report.floor.reason;
  const auto unfloored = analyzer::score_change(ws, changes);
  EXPECT_LT(unfloored.tier, analyzer::Tier::high);
}

}  // namespace
}  // namespace blastgraph::testing
