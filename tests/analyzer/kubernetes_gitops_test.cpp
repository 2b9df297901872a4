// GitOps applications (fixtures/k8s-gitops, README there): the directories Argo CD and Flux
// apply are applications, with the namespace their controller gives objects.
#include <gtest/gtest.h>

#include <algorithm>

#include "analyzer_test_support.hpp"
#include "blastgraph/parsers/kubernetes.hpp"

namespace blastgraph::testing {
namespace {

constexpr const char* k_api = "k8s:apps/shop:shop/Deployment/api";
constexpr const char* k_flux = "k8s:clusters/prod:flux-system/Kustomization/shop";
constexpr const char* k_web = "k8s:services/web:web-prod/Deployment/web";
constexpr const char* k_argo = "k8s:clusters/prod:argocd/Application/web";

class KubernetesGitops : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_ws = new analyzer::Workspace(load(fixtures_dir() / "k8s-gitops"));
  }
  static void TearDownTestSuite() {
    delete s_ws;
    s_ws = nullptr;
  }
  static const graph::Graph& graph() { return s_ws->graph; }
  static inline analyzer::Workspace* s_ws = nullptr;
};

TEST_F(KubernetesGitops, FluxTargetNamespaceIsEveryNamespacedObjectsNamespace) {
  EXPECT_NE(graph().find(k_api), graph::k_no_node);
  EXPECT_EQ(edge_kind(graph(), k_api, "k8s:apps/shop:shop/ConfigMap/api-settings"),
            "config_reference");
  EXPECT_EQ(graph().find("k8s:apps/shop:legacy/ConfigMap/api-settings"), graph::k_no_node);
}

TEST_F(KubernetesGitops, ArgoDestinationIsTheNamespaceOfObjectsWithoutOne) {
  EXPECT_NE(graph().find(k_web), graph::k_no_node);
  EXPECT_NE(graph().find("k8s:services/web:monitoring/ConfigMap/web-dashboards"), graph::k_no_node);
}

TEST_F(KubernetesGitops, AnApplicationReachesEveryObjectItApplies) {
  const auto evidence = edge_evidence(graph(), k_api, k_flux);
  ASSERT_TRUE(evidence.has_value());
  EXPECT_EQ(evidence->file, "clusters/prod/apps.yaml");
  EXPECT_EQ(evidence->attribute, "spec.path");
  EXPECT_EQ(edge_kind(graph(), k_web, k_argo), "owner");
  const auto reached = reached_ids(graph(), {k_argo});
  EXPECT_TRUE(reached.contains("k8s:services/web:monitoring/ConfigMap/web-dashboards"));
  EXPECT_FALSE(reached.contains(k_api));
}

TEST_F(KubernetesGitops, AChartAnApplicationDeploysIsRenderedIntoItsNamespace) {
  bool found = false;
  for (const auto& d : s_ws->diagnostics) {
    if (d.code != "k8s-helm-chart") continue;
    found = true;
    EXPECT_EQ(d.file, "charts/queue/Chart.yaml");
    EXPECT_NE(d.message.find("helm template queue charts/queue --namespace messaging"),
              std::string::npos)
        << d.message;
  }
  EXPECT_TRUE(found);
}

TEST(HelmRendered, ObjectsWithoutANamespaceGoToTheReleaseNamespaceGiven) {
  analyzer::LoadOptions options;
  options.release_namespaces = {{"rendered/queue.yaml", "messaging"}};
  const auto ws = analyzer::load_workspace(fixtures_dir() / "k8s-helm-rendered", options);
  ASSERT_TRUE(ws.has_value());
  EXPECT_EQ(
      edge_kind(ws->graph, "k8s:messaging/Deployment/queue", "k8s:messaging/ServiceAccount/queue"),
      "service_account");
  const auto codes = diagnostic_codes(*ws);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "k8s-helm-rendered"), 0);
}

TEST(HelmRendered, WithoutOneTheyAreReadInDefaultWithANote) {
  const auto ws = load(fixtures_dir() / "k8s-helm-rendered");
  EXPECT_NE(ws.graph.find("k8s:default/Deployment/queue"), graph::k_no_node);
  std::vector<Diagnostic> notes;
  for (const auto& d : ws.diagnostics) {
    if (d.code == "k8s-helm-rendered") notes.push_back(d);
  }
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_EQ(notes[0].file, "rendered/queue.yaml");
  EXPECT_NE(notes[0].message.find("2 object(s)"), std::string::npos) << notes[0].message;
  EXPECT_NE(notes[0].message.find("--release-namespace rendered/queue.yaml=<namespace>"),
            std::string::npos);
}

TEST(AppSources, ArgoAndFluxApplicationsNameTheirPathAndNamespace) {
  const auto file = kubernetes::parse_manifests(
      "apps.yaml",
      "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata: {name: all}\nspec:\n"
      "  template:\n    spec:\n      sources:\n        - repoURL: https://x/y.git\n"
      "          path: charts/web\n      destination: {namespace: web}\n---\n"
      "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: a}\n"
      "spec: {path: ./apps}\n---\n"
      "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n");
  ASSERT_EQ(file.objects.size(), 2U);
  ASSERT_EQ(file.objects[0].app_sources.size(), 1U);
  const auto& argo = file.objects[0].app_sources[0];
  EXPECT_EQ(argo.path, "charts/web");
  EXPECT_EQ(argo.target_namespace, "web");
  EXPECT_FALSE(argo.overrides_namespace);
  EXPECT_EQ(argo.repository, "https://x/y.git");
  EXPECT_EQ(argo.field, "spec.template.spec.sources[0].path");
  ASSERT_EQ(file.objects[1].app_sources.size(), 1U);
  EXPECT_EQ(file.objects[1].app_sources[0].path, "./apps");
  EXPECT_TRUE(file.objects[1].app_sources[0].target_namespace.empty());
}

}  // namespace
}  // namespace blastgraph::testing
