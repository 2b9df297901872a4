// Path rules for files that are not infrastructure: application code under a service's
// folder changes that service's workloads, through a diff and through git.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/change_sources.hpp"
#include "blastgraph/analyzer/config.hpp"
#include "change/process.hpp"
#include "change_test_support.hpp"

namespace blastgraph::testing {
namespace {

constexpr std::string_view k_web = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: "shop/web:1.0"
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: web-cleanup
  namespace: shop
  labels: {app: web}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: cleanup
              image: "shop/web:1.0"
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
)";

constexpr std::string_view k_frontend = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
  namespace: shop
  labels: {app: frontend}
spec:
  selector:
    matchLabels: {app: frontend}
  template:
    metadata:
      labels: {app: frontend}
    spec:
      containers:
        - name: frontend
          image: "shop/frontend:1.0"
          env:
            - name: WEB_URL
              value: "http://web.shop:80"
)";

constexpr std::string_view k_terraform = R"(resource "aws_sqs_queue" "events" {
  name = "events"
  tags = { service = "events" }
}
)";

constexpr std::string_view k_policy = R"(services:
  - service: web
    paths: ["apps/web/**"]
  - service: events
    paths: ["apps/events/**"]
  - service: frontend
    paths: ["apps/frontend/**"]
)";

std::vector<analyzer::ServiceRule> rules() {
  const auto loaded = analyzer::parse_config(k_policy, "p.yaml");
  EXPECT_FALSE(loaded.has_errors());
  return loaded.config.services;
}

std::string file_diff(const std::string& path) {
  return "diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/" + path +
         "\n@@ -1,2 +1,2 @@\n package main\n-// v1\n+// v2\n";
}

void write_tree(const TempTree& tree) {
  tree.write("k8s/web.yaml", k_web);
  tree.write("k8s/frontend.yaml", k_frontend);
  tree.write("infra/main.tf", k_terraform);
  tree.write("apps/web/main.go", "package main\n// v1\n");
  tree.write("apps/events/consumer.py", "# v1\n");
  tree.write("README.md", "# shop\n");
}

// Findings -> code changes mapped -> merged -> scored, as `score` runs them.
analyzer::ScoreReport score_code(analyzer::Workspace& ws, analyzer::ChangeFindings findings) {
  std::vector<analyzer::ChangeFindings> all;
  all.push_back(std::move(findings));
  analyzer::extend_graph(ws, all);
  const auto service_rules = rules();
  for (auto& found : all) found = analyzer::map_code_changes(ws.graph, service_rules, std::move(found));
  const auto changes = analyzer::merge_changes(ws.graph, all);
  return analyzer::score_change(ws, changes);
}

class CodeChanges : public ::testing::Test {
 protected:
  void SetUp() override {
    write_tree(m_tree);
    m_ws = load(m_tree.root());
  }
  analyzer::ScoreReport score_diff(const std::string& diff) {
    return score_code(m_ws, analyzer::diff_changes(m_ws, diff, "change.diff"));
  }
  TempTree m_tree;
  analyzer::Workspace m_ws;
};

TEST_F(CodeChanges, CodeUnderAServiceFolderChangesItsWorkloads) {
  const auto report = score_diff(file_diff("apps/web/main.go"));
  ASSERT_EQ(report.changed.size(), 2U);
  EXPECT_EQ(report.changed[0].id, "k8s:shop/CronJob/web-cleanup");
  EXPECT_EQ(report.changed[1].id, "k8s:shop/Deployment/web");
  for (const auto& changed : report.changed) {
    EXPECT_EQ(changed.action, analyzer::ChangeAction::update);
    EXPECT_EQ(changed.sources, std::vector<std::string>{"diff"});
    EXPECT_EQ(changed.detail, "code change: apps/web/main.go");
    EXPECT_EQ(changed.service, "web");
  }
  EXPECT_TRUE(report.unmapped.empty());
  // The Service in front of web is reached, and through it the frontend that calls web.
  EXPECT_GT(report.score, 0);
  const bool frontend = std::any_of(report.services.begin(), report.services.end(),
                                    [](const analyzer::ServiceImpact& s) { return s.service == "frontend"; });
  EXPECT_TRUE(frontend);
}

TEST_F(CodeChanges, AReadmeChangeScoresZero) {
  const auto report = score_diff(file_diff("README.md"));
  EXPECT_TRUE(report.changed.empty());
  EXPECT_EQ(report.score, 0);
  EXPECT_EQ(report.tier, analyzer::Tier::low);
  EXPECT_EQ(unmapped_lines(report.unmapped),
            std::vector<std::string>{"README.md documentation: documentation"});
}

TEST_F(CodeChanges, AServiceWithoutWorkloadsStaysUnmapped) {
  const auto report = score_diff(file_diff("apps/events/consumer.py"));
  EXPECT_TRUE(report.changed.empty());
  EXPECT_EQ(unmapped_lines(report.unmapped),
            std::vector<std::string>{"apps/events/consumer.py application: service events has no workload"});
}

TEST_F(CodeChanges, WithoutRulesNothingIsMapped) {
  auto found = analyzer::diff_changes(m_ws, file_diff("apps/web/main.go"), "change.diff");
  const auto kept = analyzer::map_code_changes(m_ws.graph, {}, found);
  EXPECT_TRUE(kept.changes.empty());
  EXPECT_EQ(kept.unmapped, found.unmapped);
}

TEST_F(CodeChanges, AManifestChangeAndACodeChangeMergeIntoOneEntry) {
  const std::string manifest =
      "diff --git a/k8s/web.yaml b/k8s/web.yaml\n--- a/k8s/web.yaml\n+++ b/k8s/web.yaml\n"
      "@@ -16,1 +16,1 @@\n-          image: \"shop/web:0.9\"\n+          image: \"shop/web:1.0\"\n";
  const auto report = score_diff(manifest + file_diff("apps/web/main.go"));
  const auto web = std::find_if(report.changed.begin(), report.changed.end(),
                                [](const analyzer::ChangedResource& c) { return c.id == "k8s:shop/Deployment/web"; });
  ASSERT_NE(web, report.changed.end());
  EXPECT_EQ(web->detail, "code change: apps/web/main.go");
  EXPECT_EQ(web->sources, std::vector<std::string>{"diff"});
}

// ---- through git --------------------------------------------------------------------------

class CodeChangesGit : public ::testing::Test {
 protected:
  void SetUp() override {
    git({"init", "-q", "-b", "main"});
    write_tree(m_tree);
    git({"add", "-A"});
    git({"commit", "-q", "-m", "base"});
  }
  void git(std::vector<std::string> args) {
    std::vector<std::string> argv{"git", "-C", m_tree.root().string(), "-c", "user.name=t",
                                  "-c", "user.email=t@t", "-c", "commit.gpgsign=false"};
    argv.insert(argv.end(), args.begin(), args.end());
    auto run = analyzer::process::run(argv);
    ASSERT_TRUE(run.has_value());
    ASSERT_EQ(run->status, 0) << run->err;
  }
  analyzer::ScoreReport score_git(const std::string& range = "main") {
    m_ws = load(m_tree.root());
    auto compared = analyzer::git_changes(m_ws, range);
    EXPECT_TRUE(compared.has_value()) << (compared ? "" : compared.error().message);
    if (!compared) return {};
    if (compared->head) m_ws = std::move(*compared->head);
    return score_code(m_ws, std::move(compared->findings));
  }
  TempTree m_tree;
  analyzer::Workspace m_ws;
};

TEST_F(CodeChangesGit, EditedCodeInTheWorkingTreeChangesTheWorkloads) {
  m_tree.write("apps/web/main.go", "package main\n// v2\n");
  const auto report = score_git();
  ASSERT_EQ(report.changed.size(), 2U);
  EXPECT_EQ(report.changed[1].id, "k8s:shop/Deployment/web");
  EXPECT_EQ(report.changed[1].action, analyzer::ChangeAction::update);
  EXPECT_EQ(report.changed[1].sources, std::vector<std::string>{"git"});
  EXPECT_EQ(report.changed[1].detail, "code change: apps/web/main.go");
  EXPECT_GT(report.score, 0);
}

TEST_F(CodeChangesGit, NewAndDeletedFilesCountAndCommittedRangesToo) {
  m_tree.write("apps/web/handler.go", "package main\n");  // untracked
  const auto untracked = score_git();
  ASSERT_EQ(untracked.changed.size(), 2U);
  EXPECT_EQ(untracked.changed[0].detail, "code change: apps/web/handler.go");

  std::filesystem::remove(m_tree.root() / "apps/web/handler.go");
  std::filesystem::remove(m_tree.root() / "apps/web/main.go");
  git({"add", "-A"});
  git({"commit", "-q", "-m", "drop main.go"});
  const auto committed = score_git("main~1..main");
  ASSERT_EQ(committed.changed.size(), 2U);
  EXPECT_EQ(committed.changed[1].detail, "code change: apps/web/main.go");
}

TEST_F(CodeChangesGit, AReadmeChangeScoresZeroAndIsListed) {
  m_tree.write("README.md", "# shop, now documented\n");
  m_tree.write("apps/events/consumer.py", "# v2\n");
  const auto report = score_git();
  EXPECT_TRUE(report.changed.empty());
  EXPECT_EQ(report.score, 0);
  EXPECT_EQ(report.tier, analyzer::Tier::low);
  EXPECT_EQ(unmapped_lines(report.unmapped),
            (std::vector<std::string>{"README.md documentation: documentation",
                                      "apps/events/consumer.py application: service events has "
                                      "no workload"}));
}

TEST(CodeChangesExample, AcmeCheckoutCodeChangesTheCheckoutDeployment) {
  const auto found = analyzer::find_config(fixtures_dir() / "acme");
  ASSERT_TRUE(found.has_value());
  auto ws = load(fixtures_dir() / "acme", found->config);
  std::vector<analyzer::ChangeFindings> findings;
  findings.push_back(analyzer::diff_changes(ws, file_diff("apps/checkout/main.go") +
                                                    file_diff("apps/edge/purge-cache.sh"), "c.diff"));
  findings[0] = analyzer::map_code_changes(ws.graph, found->config.services, std::move(findings[0]));
  const auto changes = analyzer::merge_changes(ws.graph, findings);
  std::vector<std::string> ids;
  for (const auto& changed : changes.nodes) ids.push_back(ws.graph.node(changed.node).id);
  EXPECT_EQ(ids, std::vector<std::string>{"k8s:kubernetes/shop:shop/Deployment/checkout"});
  EXPECT_EQ(unmapped_lines(changes.unmapped),
            std::vector<std::string>{"apps/edge/purge-cache.sh tooling: service edge has no workload"});
}

TEST(CodeChangesExample, AcmePolicyKeepsEveryExistingService) {
  const auto found = analyzer::find_config(fixtures_dir() / "acme");
  ASSERT_TRUE(found.has_value());
  const auto with = load(fixtures_dir() / "acme", found->config);
  const auto without = load(fixtures_dir() / "acme");
  ASSERT_EQ(with.graph.node_count(), without.graph.node_count());
  for (std::size_t i = 0; i < with.graph.node_count(); ++i) {
    const auto index = static_cast<graph::NodeIndex>(i);
    EXPECT_EQ(with.graph.node(index).service, without.graph.node(index).service)
        << with.graph.node(index).id;
    EXPECT_EQ(with.graph.node(index).criticality, without.graph.node(index).criticality)
        << with.graph.node(index).id;
  }
}

}  // namespace
}  // namespace blastgraph::testing
