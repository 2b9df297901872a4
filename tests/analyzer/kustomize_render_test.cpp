// Kustomizations are rendered before linking: the graph holds the objects the cluster gets,
// with their rendered names and namespaces, and the files an overlay reads are deployed.

#include <gtest/gtest.h>

#include <algorithm>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

constexpr const char* k_base_app = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web:1
          envFrom: [{configMapRef: {name: web-config}}]
          env:
            - {name: API, value: "http://api:8080"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api:1}]}
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  selector: {app: api}
  ports: [{port: 8080}]
)";

class KustomizeRender : public ::testing::Test {
 protected:
  void SetUp() override {
    m_tree.write("k8s/base/kustomization.yaml", "resources:\n- app.yaml\n");
    m_tree.write("k8s/base/app.yaml", k_base_app);
    // The overlay calls the Service by the name the cluster gives it, in a patch.
    m_tree.write("k8s/prod/kustomization.yaml",
                 "namespace: shop\nnameSuffix: -prod\nresources:\n- ../base\n"
                 "patches:\n- path: web-env.yaml\n"
                 "configMapGenerator:\n- name: web-config\n  literals:\n  - "
                 "UPSTREAM=http://api-prod.shop:8080\n");
    m_tree.write("k8s/prod/web-env.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: web
          env:
            - {name: API, value: "http://api-prod:8080"}
)");
  }
  analyzer::Workspace workspace() { return load(m_tree.root()); }
  TempTree m_tree;
};

TEST_F(KustomizeRender, OverlayNamesMakeCallsResolve) {
  const auto ws = workspace();
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, "k8s:shop/Deployment/web-prod", "k8s:shop/Service/api-prod"),
            "service_call");
  EXPECT_EQ(edge_kind(g, "k8s:shop/Service/api-prod", "k8s:shop/Deployment/api-prod"),
            "service_selector");
  // Nothing of the base is linked under its written name or namespace.
  EXPECT_EQ(g.find("k8s:default/Deployment/web"), graph::k_no_node);
  EXPECT_EQ(g.find("k8s:default/Service/api"), graph::k_no_node);
  for (const auto& d : ws.diagnostics) {
    EXPECT_NE(d.code, "k8s-dangling-call") << d.file << ": " << d.message;
    EXPECT_NE(d.code, "k8s-not-deployed") << d.file << ": " << d.message;
  }
}

TEST_F(KustomizeRender, GeneratedConfigMapsExistAndAreReferencedByTheirHashedName) {
  const auto ws = workspace();
  const auto& g = ws.graph;
  std::string generated;
  for (const auto& node : g.nodes()) {
    if (node.id.starts_with("k8s:shop/ConfigMap/web-config-prod-")) generated = node.id;
  }
  ASSERT_FALSE(generated.empty());
  EXPECT_EQ(edge_kind(g, "k8s:shop/Deployment/web-prod", generated), "config_reference");
  // Its value calls the Service too, and it maps to the kustomization that generates it.
  EXPECT_EQ(edge_kind(g, generated, "k8s:shop/Service/api-prod"), "service_call");
  EXPECT_EQ(g.node(g.find(generated)).span.file, "k8s/prod/kustomization.yaml");
  // The rendered Deployment still maps to the base file where it is written.
  EXPECT_EQ(g.node(g.find("k8s:shop/Deployment/web-prod")).span.file, "k8s/base/app.yaml");
}

TEST_F(KustomizeRender, RemoteBasesAreReportedNotFetched) {
  m_tree.write("k8s/prod/kustomization.yaml",
               "resources:\n- ../base\n- https://github.com/org/repo//deploy?ref=v1\n");
  const auto ws = workspace();
  const auto codes = diagnostic_codes(ws);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "k8s-kustomize-remote"), 1);
  // Its objects are missing, so the kustomization counts as not fully read.
  ASSERT_EQ(ws.coverage.unread_files.size(), 1U);
  EXPECT_EQ(ws.coverage.unread_files.front().file, "k8s/prod/kustomization.yaml");
  EXPECT_EQ(ws.coverage.unread_files.front().kustomization, "k8s/prod");
}

}  // namespace
}  // namespace blastgraph::testing
