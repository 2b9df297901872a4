// Namespaces as kubectl applies them: `--namespace` (and the policy file's), kustomization
// `namespace:`, and what is reported when a file's objects disagree.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

// Written for `kubectl apply -n shop`: the Deployment names no namespace, its Service does.
constexpr const char* k_mixed = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend}
spec:
  selector: {matchLabels: {app: frontend}}
  template:
    metadata: {labels: {app: frontend}}
    spec:
      containers:
        - {name: web, image: "web:1", env: [{name: CART_ADDR, value: "cart:7070"}]}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {selector: {app: cart}}
)";

analyzer::Workspace load_in(const std::filesystem::path& root, const std::string& ns) {
  analyzer::LoadOptions options;
  options.default_namespace = ns;
  auto ws = analyzer::load_workspace(root, options);
  EXPECT_TRUE(ws.has_value());
  return ws ? std::move(*ws) : analyzer::Workspace{};
}

class KubernetesNamespaces : public ::testing::Test {
 protected:
  TempTree m_tree;
};

TEST_F(KubernetesNamespaces, WithoutANamespaceAMixedFileIsReportedAndItsCallDangles) {
  m_tree.write("deploy/app.yaml", k_mixed);
  const auto ws = load(m_tree.root());
  ASSERT_NE(ws.graph.find("k8s:default/Deployment/frontend"), graph::k_no_node);
  const auto mixed = diagnostics_with_code(ws, "k8s-mixed-namespaces");
  ASSERT_EQ(mixed.size(), 1U);
  EXPECT_EQ(mixed[0].file, "deploy/app.yaml");
  EXPECT_EQ(mixed[0].position.line, 1U);
  EXPECT_NE(mixed[0].message.find("--namespace shop"), std::string::npos) << mixed[0].message;
  EXPECT_EQ(diagnostics_with_code(ws, "k8s-dangling-call").size(), 1U);
}

TEST_F(KubernetesNamespaces, TheNamespaceOptionPlacesObjectsWithoutOneAsKubectlDoes) {
  m_tree.write("deploy/app.yaml", k_mixed);
  const auto ws = load_in(m_tree.root(), "shop");
  EXPECT_EQ(ws.graph.find("k8s:default/Deployment/frontend"), graph::k_no_node);
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/Deployment/frontend", "k8s:shop/Service/cart"),
            "service_call");
  EXPECT_TRUE(diagnostics_with_code(ws, "k8s-mixed-namespaces").empty());
  EXPECT_TRUE(diagnostics_with_code(ws, "k8s-dangling-call").empty());
  EXPECT_TRUE(diagnostics_with_code(ws, "k8s-namespace-mismatch").empty());
}

TEST_F(KubernetesNamespaces, AnObjectNamingAnotherNamespaceIsAMismatch) {
  m_tree.write("deploy/app.yaml", k_mixed);
  const auto ws = load_in(m_tree.root(), "store");
  const auto mismatches = diagnostics_with_code(ws, "k8s-namespace-mismatch");
  ASSERT_EQ(mismatches.size(), 1U);
  EXPECT_EQ(mismatches[0].severity, Severity::warning);
  EXPECT_NE(mismatches[0].message.find("Service cart names namespace shop"), std::string::npos)
      << mismatches[0].message;
  // It stays where it says.
  EXPECT_NE(ws.graph.find("k8s:shop/Service/cart"), graph::k_no_node);
  EXPECT_NE(ws.graph.find("k8s:store/Deployment/frontend"), graph::k_no_node);
}

TEST_F(KubernetesNamespaces, ThePolicyFileSetsTheNamespace) {
  m_tree.write("deploy/app.yaml", k_mixed);
  const auto loaded =
      analyzer::parse_config("kubernetes:\n  namespace: shop\n", ".blastgraph.yaml");
  ASSERT_TRUE(loaded.diagnostics.empty());
  const auto ws = load(m_tree.root(), loaded.config);
  EXPECT_NE(ws.graph.find("k8s:shop/Deployment/frontend"), graph::k_no_node);
}

TEST_F(KubernetesNamespaces, AKustomizationNamespaceWinsOverTheOption) {
  m_tree.write("overlay/kustomization.yaml", "namespace: checkout\nresources: [app.yaml]\n");
  m_tree.write("overlay/app.yaml", k_mixed);
  const auto ws = load_in(m_tree.root(), "shop");
  EXPECT_NE(ws.graph.find("k8s:checkout/Deployment/frontend"), graph::k_no_node);
  EXPECT_NE(ws.graph.find("k8s:checkout/Service/cart"), graph::k_no_node);
  EXPECT_TRUE(diagnostics_with_code(ws, "k8s-mixed-namespaces").empty());
}

}  // namespace
}  // namespace blastgraph::testing
