// Kustomizations are rendered before linking: the graph holds the objects the cluster gets,
// with their rendered names and namespaces, and the files an overlay reads are deployed.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/change_sources.hpp"

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

// The ids an edit of `file` (one changed line) maps to.
std::set<std::string> mapped_ids(const analyzer::Workspace& ws, const std::string& file) {
  const auto diff = "--- a/" + file + "\n+++ b/" + file + "\n@@ -2,1 +2,1 @@\n-x\n+y\n";
  const auto findings = analyzer::diff_changes(ws, diff, "change.diff");
  std::set<std::string> ids;
  for (const auto& change : findings.changes) ids.insert(change.id);
  return ids;
}

TEST_F(KustomizeRender, AnEditToAPatchOrAnOverlayChangesWhatItRenders) {
  const auto ws = workspace();
  // The patch shapes the Deployment it patches, written in the base.
  EXPECT_EQ(mapped_ids(ws, "k8s/prod/web-env.yaml"),
            (std::set<std::string>{"k8s:shop/Deployment/web-prod"}));
  // The overlay's namespace and suffix shape everything it renders.
  const auto overlay = mapped_ids(ws, "k8s/prod/kustomization.yaml");
  EXPECT_TRUE(overlay.contains("k8s:shop/Deployment/api-prod"));
  EXPECT_TRUE(overlay.contains("k8s:shop/Service/api-prod"));
  EXPECT_TRUE(overlay.contains("k8s:shop/Deployment/web-prod"));
  // A generator's source file shapes what it generates.
  m_tree.write("k8s/prod/kustomization.yaml",
               "namespace: shop\nresources:\n- ../base\nconfigMapGenerator:\n- name: extra\n"
               "  files:\n  - extra.properties\n");
  m_tree.write("k8s/prod/extra.properties", "a=1\nb=2\n");
  const auto regenerated = workspace();
  const auto from_source = mapped_ids(regenerated, "k8s/prod/extra.properties");
  ASSERT_EQ(from_source.size(), 1U);
  EXPECT_TRUE(from_source.begin()->starts_with("k8s:shop/ConfigMap/extra-"))
      << *from_source.begin();
}

}  // namespace
}  // namespace blastgraph::testing
