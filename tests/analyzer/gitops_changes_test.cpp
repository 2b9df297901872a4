// GitOps objects deploy things: a change to their source, sync policy or values is scored for
// what it does to what they deploy.
#include <gtest/gtest.h>

#include "change/gitops_changes.hpp"
#include "change_test_support.hpp"
#include "git_repo_support.hpp"

namespace blastgraph::testing {
namespace {

using analyzer::GitOpsEffect;

constexpr std::string_view k_release = R"(apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: redis
  namespace: cache
spec:
  interval: 10m
  chart:
    spec:
      chart: redis
      version: "11.3.4"
      sourceRef: {kind: HelmRepository, name: bitnami}
  values:
    replica:
      replicaCount: 1
)";

constexpr std::string_view k_application = R"(apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: guestbook
  namespace: argocd
spec:
  project: default
  source:
    repoURL: https://github.com/example/apps.git
    targetRevision: HEAD
    path: guestbook
  destination:
    server: https://kubernetes.default.svc
    namespace: guestbook
  syncPolicy:
    automated:
      prune: true
      selfHeal: true
)";

std::string replaced(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  out.replace(out.find(from), from.size(), to);
  return out;
}

analyzer::gitops::GitOpsChange compare(std::string_view before, const std::string& after) {
  const auto a = yaml::load("a.yaml", before);
  const auto b = yaml::load("b.yaml", after);
  return analyzer::gitops::compare_objects(a.documents.at(0).root, b.documents.at(0).root);
}

TEST(GitOpsObjects, WhatChangedDecidesTheEffect) {
  const auto version = compare(k_release, replaced(k_release, "\"11.3.4\"", "\"16.x\""));
  EXPECT_EQ(version.effect, GitOpsEffect::source);
  EXPECT_EQ(version.paths, std::vector<std::string>{"spec.chart"});
  const auto values = compare(k_release, replaced(k_release, "replicaCount: 1", "replicaCount: 3"));
  EXPECT_EQ(values.effect, GitOpsEffect::values);
  EXPECT_EQ(values.paths, std::vector<std::string>{"spec.values"});
  EXPECT_EQ(compare(k_release, replaced(k_release, "interval: 10m", "interval: 5m")).effect,
            GitOpsEffect::none);  // how often it reconciles deploys nothing new
  const auto sync = compare(k_application, replaced(k_application, "      prune: true\n", ""));
  EXPECT_EQ(sync.effect, GitOpsEffect::sync);
  EXPECT_EQ(sync.paths, std::vector<std::string>{"spec.syncPolicy"});
  const auto repoint = compare(k_application, replaced(k_application, "HEAD", "feature-x"));
  EXPECT_EQ(repoint.paths, std::vector<std::string>{"spec.source.targetRevision"});
  EXPECT_EQ(repoint.effect, GitOpsEffect::source);
}

TEST(GitOpsObjects, OnlyControllersObjectsAreRead) {
  EXPECT_TRUE(analyzer::gitops::is_gitops_kind("argoproj.io/v1alpha1", "ApplicationSet"));
  EXPECT_TRUE(analyzer::gitops::is_gitops_kind("kustomize.toolkit.fluxcd.io/v1", "Kustomization"));
  EXPECT_FALSE(
      analyzer::gitops::is_gitops_kind("kustomize.config.k8s.io/v1beta1", "Kustomization"));
  EXPECT_FALSE(analyzer::gitops::is_gitops_kind("apps/v1", "Deployment"));
}

class GitOpsRepo : public GitRepoTest {
 protected:
  void SetUp() override {
    GitRepoTest::SetUp();
    m_tree.write("clusters/prod/redis.yaml", k_release);
    m_tree.write("clusters/prod/guestbook.yaml", k_application);
    commit("base");
  }
};

TEST_F(GitOpsRepo, AValuesChangeIsMedium) {
  m_tree.write("clusters/prod/redis.yaml",
               replaced(k_release, "replicaCount: 1", "replicaCount: 3"));
  const auto report = score();
  ASSERT_EQ(report.changed.size(), 1U);
  EXPECT_EQ(report.changed[0].detail, "GitOps values changed: spec.values");
  EXPECT_EQ(report.tier, analyzer::Tier::medium);
  EXPECT_EQ(report.floor.reason, "GitOps values changed: what it deploys is rendered anew");
}

TEST_F(GitOpsRepo, AChartVersionRangeIsHigh) {
  m_tree.write("clusters/prod/redis.yaml", replaced(k_release, "\"11.3.4\"", "\"16.x\""));
  const auto report = score();
  EXPECT_EQ(report.tier, analyzer::Tier::high);
  EXPECT_EQ(report.changed.at(0).detail, "GitOps source changed: spec.chart");
}

TEST_F(GitOpsRepo, RemovingAutomatedPruneIsHigh) {
  m_tree.write("clusters/prod/guestbook.yaml", replaced(k_application, "      prune: true\n", ""));
  EXPECT_EQ(score().tier, analyzer::Tier::high);
}

TEST_F(GitOpsRepo, DeletingAnApplicationIsHigh) {
  remove("clusters/prod/guestbook.yaml");
  const auto report = score();
  ASSERT_EQ(report.changed.size(), 1U);
  EXPECT_EQ(report.changed[0].action, analyzer::ChangeAction::destroy);
  EXPECT_EQ(report.tier, analyzer::Tier::high);
}

TEST_F(GitOpsRepo, AnAppOfAppsChartThatCannotBeRenderedIsHigh) {
  m_tree.write("apps/Chart.yaml", "apiVersion: v2\nname: apps\nversion: 1.0.0\n");
  m_tree.write("apps/values.yaml", "spec:\n  source:\n    targetRevision: main\n");
  m_tree.write("apps/templates/guestbook.yaml",
               "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: guestbook\n"
               "spec:\n  source:\n    targetRevision: {{ .Values.spec.source.targetRevision }}\n");
  m_tree.write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
  m_tree.write("charts/web/values.yaml", "replicas: 1\n");
  m_tree.write("charts/web/templates/deployment.yaml", "kind: Deployment\n");
  commit("charts");
  m_tree.write("apps/values.yaml", "spec:\n  source:\n    targetRevision: feature-x\n");
  const auto repointed = score();
  EXPECT_EQ(repointed.tier, analyzer::Tier::high);
  EXPECT_EQ(repointed.floor.reason,
            "could not assess a chart that renders GitOps applications, which may repoint what "
            "they deploy: apps/values.yaml");
  // A chart of plain workloads stays at the could_not_assess floor.
  m_tree.write("apps/values.yaml", "spec:\n  source:\n    targetRevision: main\n");
  m_tree.write("charts/web/values.yaml", "replicas: 2\n");
  EXPECT_EQ(score().tier, analyzer::Tier::medium);
}

}  // namespace
}  // namespace blastgraph::testing
