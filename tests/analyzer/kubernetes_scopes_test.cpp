// Application scopes (fixtures/k8s-scopes, README there): objects applied independently are
// linked only through what really crosses applications, and nothing is dropped.
#include <gtest/gtest.h>

#include <algorithm>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/change.hpp"
#include "blastgraph/analyzer/change_sources.hpp"
#include "blastgraph/analyzer/explain.hpp"
#include "kubernetes/ids.hpp"
#include "kubernetes/scopes.hpp"

namespace blastgraph::testing {
namespace {

constexpr const char* k_guestbook_frontend = "k8s:examples/guestbook:default/Deployment/frontend";
constexpr const char* k_php_frontend = "k8s:examples/php:default/Deployment/frontend";
constexpr const char* k_guestbook_hpa =
    "k8s:examples/guestbook:default/HorizontalPodAutoscaler/frontend";
constexpr const char* k_redis = "k8s:examples/guestbook:default/Service/redis";
constexpr const char* k_worker = "k8s:examples/variants:default/Deployment/worker";
constexpr const char* k_worker_service = "k8s:examples/variants:default/Service/worker";
constexpr const char* k_checkout = "k8s:apps/shop:shop/Deployment/checkout";

class KubernetesScopes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_ws = new analyzer::Workspace(load(fixtures_dir() / "k8s-scopes"));
  }
  static void TearDownTestSuite() {
    delete s_ws;
    s_ws = nullptr;
  }
  static const graph::Graph& graph() { return s_ws->graph; }
  static inline analyzer::Workspace* s_ws = nullptr;
};

TEST_F(KubernetesScopes, SameObjectInTwoApplicationsIsTwoNodes) {
  EXPECT_NE(graph().find(k_guestbook_frontend), graph::k_no_node);
  EXPECT_NE(graph().find(k_php_frontend), graph::k_no_node);
  EXPECT_EQ(graph().find("k8s:default/Deployment/frontend"), graph::k_no_node);
  const auto codes = diagnostic_codes(*s_ws);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "k8s-duplicate"), 0);
}

TEST_F(KubernetesScopes, ScalerTargetsOnlyItsOwnApplicationsDeployment) {
  EXPECT_EQ(edge_kind(graph(), k_guestbook_frontend, k_guestbook_hpa), "scale_target");
  EXPECT_EQ(edge_kind(graph(), k_php_frontend, k_guestbook_hpa), "");
  const auto reached = reached_ids(graph(), {k_guestbook_hpa});
  EXPECT_FALSE(reached.contains(k_php_frontend));
}

TEST_F(KubernetesScopes, ServiceCalledByDnsNameIsReachedAcrossApplications) {
  EXPECT_EQ(edge_kind(graph(), k_guestbook_frontend, k_redis), "service_call");
  // php declares no redis: the name resolves to the Service the cluster would have.
  EXPECT_EQ(edge_kind(graph(), k_php_frontend, k_redis), "service_call");
}

TEST_F(KubernetesScopes, VariantsInOneDirectoryAreAllKeptAndShareDependants) {
  const std::string gpu = k_worker;
  const std::string cpu = gpu + "@examples/variants/worker.yaml:1";
  ASSERT_NE(graph().find(gpu), graph::k_no_node);
  ASSERT_NE(graph().find(cpu), graph::k_no_node);
  EXPECT_EQ(graph().node(graph().find(gpu)).span.file, "examples/variants/worker-gpu.yaml");
  EXPECT_EQ(edge_kind(graph(), k_worker_service, gpu), "service_selector");
  EXPECT_EQ(edge_kind(graph(), k_worker_service, cpu), "service_selector");
  // Each variant keeps its own dependencies: only the CPU one reads the ConfigMap.
  EXPECT_EQ(edge_kind(graph(), cpu, "k8s:examples/variants:default/ConfigMap/worker-config"),
            "config_reference");
  EXPECT_EQ(edge_kind(graph(), gpu, "k8s:examples/variants:default/ConfigMap/worker-config"), "");
  const auto codes = diagnostic_codes(*s_ws);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "k8s-variant"), 1);
}

TEST_F(KubernetesScopes, AnEditToEitherVariantFileMapsToANodeThatReachesTheService) {
  for (const auto* file : {"examples/variants/worker.yaml", "examples/variants/worker-gpu.yaml"}) {
    const std::string diff = std::string("--- a/") + file + "\n+++ b/" + file +
                             "\n@@ -14,1 +14,1 @@\n-          image: old\n+          image: new\n";
    const auto findings = analyzer::diff_changes(*s_ws, diff, "change.diff");
    ASSERT_EQ(findings.changes.size(), 1U) << file;
    EXPECT_TRUE(findings.changes[0].id.starts_with(k_worker)) << findings.changes[0].id;
    const auto reached = reached_ids(graph(), {findings.changes[0].id});
    EXPECT_TRUE(reached.contains(k_worker_service)) << file;
  }
}

TEST_F(KubernetesScopes, ANamespaceSharedOnPurposeLinksAcrossApplications) {
  EXPECT_EQ(edge_kind(graph(), k_checkout, "k8s:infra:/Namespace/shop"), "namespace");
  EXPECT_EQ(edge_kind(graph(), k_checkout, "k8s:infra:shop/Secret/shop-db"), "config_reference");
  EXPECT_EQ(edge_kind(graph(), k_checkout, "k8s:infra:shop/NetworkPolicy/default-deny"),
            "network_policy");
}

TEST_F(KubernetesScopes, ANameAnotherApplicationDeclaresResolvesThere) {
  EXPECT_EQ(edge_kind(graph(), "k8s:services/ledger:default/Deployment/ledger",
                      "k8s:services/config:default/ConfigMap/environment-config"),
            "config_reference");
  EXPECT_EQ(graph().find("k8s:services/ledger:default/ConfigMap/environment-config"),
            graph::k_no_node);
}

TEST_F(KubernetesScopes, ASubdirectoryThatRedeclaresNothingExtendsItsDirectory) {
  EXPECT_EQ(edge_kind(graph(), k_redis,
                      "k8s:examples/guestbook:default/ReplicationController/redis-legacy"),
            "service_selector");
}

TEST_F(KubernetesScopes, PlaceholdersStayInTheirApplication) {
  // Each example's pods run as its own `default` account, not one node shared by all.
  EXPECT_EQ(edge_kind(graph(), k_guestbook_frontend,
                      "k8s:examples/guestbook:default/ServiceAccount/default"),
            "service_account");
  EXPECT_EQ(edge_kind(graph(), k_php_frontend, "k8s:examples/php:default/ServiceAccount/default"),
            "service_account");
}

TEST_F(KubernetesScopes, AnIdWithoutItsScopeNamesTheObjectInEveryApplication) {
  const std::vector<std::string> patterns{"k8s:default/Deployment/frontend"};
  const auto changes = analyzer::select_changes(graph(), patterns, analyzer::ChangeAction::update);
  ASSERT_EQ(changes.nodes.size(), 2U);
  EXPECT_TRUE(changes.unmatched_patterns.empty());
  const auto ambiguous =
      analyzer::explain(graph(), "k8s:default/Deployment/frontend", k_guestbook_hpa, 1);
  ASSERT_FALSE(ambiguous.has_value());
  EXPECT_NE(ambiguous.error().message.find(k_php_frontend), std::string::npos);
  const auto unique = analyzer::explain(graph(), "k8s:default/Service/redis",
                                        "k8s:default/HorizontalPodAutoscaler/frontend", 1);
  ASSERT_TRUE(unique.has_value()) << unique.error().message;
  EXPECT_EQ(unique->from, k_redis);
}

TEST(KubernetesIds, ScopeAndNamespaceAreReadBack) {
  using analyzer::k8s_link::namespace_of_id;
  using analyzer::k8s_link::unscoped_id;
  EXPECT_EQ(unscoped_id("k8s:apps/web:shop/Deployment/x"), "k8s:shop/Deployment/x");
  EXPECT_EQ(unscoped_id("k8s:.:/ClusterRole/system:view"), "k8s:/ClusterRole/system:view");
  EXPECT_EQ(unscoped_id("k8s:/ClusterRole/system:view"), "k8s:/ClusterRole/system:view");
  EXPECT_EQ(unscoped_id("envs/prod:aws_iam_role.x"), "envs/prod:aws_iam_role.x");
  EXPECT_EQ(namespace_of_id("k8s:apps/web:shop/Deployment/x"), "shop");
  EXPECT_EQ(namespace_of_id("k8s:shop/Deployment/x"), "shop");
  EXPECT_EQ(namespace_of_id("k8s:a:/Namespace/shop"), "");
  // A scope directory that reads like "<ns>/<kind>/..." is still the scope.
  EXPECT_EQ(unscoped_id("k8s:ldap/overlays/production:default/Deployment/ldap"),
            "k8s:default/Deployment/ldap");
  EXPECT_EQ(namespace_of_id("k8s:ldap/overlays/production:default/Deployment/ldap"), "default");
  EXPECT_EQ(unscoped_id("k8s:apps/Web/x:shop/Service/y"), "k8s:shop/Service/y");
  // A variant keeps its suffix, whose file path has slashes of its own.
  EXPECT_EQ(unscoped_id("k8s:ex/v:default/Deployment/w@ex/v/w.yaml:1"),
            "k8s:default/Deployment/w@ex/v/w.yaml:1");
  EXPECT_EQ(unscoped_id("k8s:default/Deployment/w@ex/v/w.yaml:1"),
            "k8s:default/Deployment/w@ex/v/w.yaml:1");
}

kubernetes::ManifestFile file_with(const std::string& path, const std::string& kind,
                                   const std::string& name) {
  kubernetes::ManifestFile file;
  file.path = path;
  kubernetes::Object object;
  object.kind = kind;
  object.name = name;
  file.objects.push_back(object);
  return file;
}

std::vector<std::string> scopes_of(const std::vector<kubernetes::ManifestFile>& files) {
  std::vector<const kubernetes::ManifestFile*> pointers;
  for (const auto& f : files) pointers.push_back(&f);
  std::vector<std::string> out;
  for (const auto& scoped : analyzer::k8s_link::loose_scopes(pointers)) out.push_back(scoped.scope);
  return out;
}

TEST(LooseScopes, OneApplicationWithoutConflictsIsOneScopeNamedByItsDirectory) {
  const std::vector files{file_with("deploy/app/a.yaml", "Deployment", "a"),
                          file_with("deploy/db/b.yaml", "Service", "a")};
  EXPECT_EQ(scopes_of(files), (std::vector<std::string>{"deploy", "deploy"}));
}

TEST(LooseScopes, SplitsOnlyWhereItSeparatesTwoDeclarationsOfOneObject) {
  const std::vector files{file_with("examples/a/x.yaml", "Deployment", "web"),
                          file_with("examples/b/deep/y.yaml", "Deployment", "web"),
                          file_with("examples/c/z.yaml", "Service", "z"),
                          file_with("platform/p.yaml", "Deployment", "web"),
                          file_with("platform/sub/q.yaml", "Service", "q")};
  EXPECT_EQ(scopes_of(files), (std::vector<std::string>{"examples/a", "examples/b/deep",
                                                        "examples/c", "platform", "platform"}));
}

TEST(LooseScopes, ASubdirectoryRedeclaringNothingStaysWithItsDirectorysFiles) {
  const std::vector files{
      file_with("web/guestbook/svc.yaml", "Service", "redis"),
      file_with("web/guestbook/deploy.yaml", "Deployment", "redis"),
      file_with("web/guestbook/all-in-one/all.yaml", "Deployment", "redis"),
      file_with("web/guestbook/legacy/rc.yaml", "ReplicationController", "redis")};
  EXPECT_EQ(scopes_of(files),
            (std::vector<std::string>{"web/guestbook", "web/guestbook", "web/guestbook/all-in-one",
                                      "web/guestbook"}));
}

TEST(LooseScopes, TwoFilesOfOneDirectoryAreVariantsInOneScope) {
  const std::vector files{file_with("app/a.yaml", "Deployment", "web"),
                          file_with("app/b.yaml", "Deployment", "web"),
                          file_with("app/sub/c.yaml", "Service", "web")};
  EXPECT_EQ(scopes_of(files), (std::vector<std::string>{"app", "app", "app"}));
}

}  // namespace
}  // namespace blastgraph::testing
