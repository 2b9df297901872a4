// --git: real repositories in a temporary directory, one commit per case.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/change_sources.hpp"
#include "change_test_support.hpp"
#include "git_repo_support.hpp"

namespace blastgraph::testing {
namespace {

constexpr std::string_view k_queues = R"(resource "aws_sqs_queue" "q" {
  name = "orders"
  visibility_timeout_seconds = 60
}

resource "aws_sns_topic" "t" {
  name = aws_sqs_queue.q.name
}
)";

constexpr std::string_view k_deployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: "nginx:1.27"
)";

constexpr std::string_view k_policy = R"({
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]
}
)";

class GitRepo : public GitRepoTest {
 protected:
  void SetUp() override {
    GitRepoTest::SetUp();
    m_tree.write("main.tf", k_queues);
    m_tree.write("k8s/web.yaml", k_deployment);
    m_tree.write("policies/read.json", k_policy);
    commit("base");
  }
};

using Actions = std::map<std::string, std::string>;

TEST_F(GitRepo, NothingChangedIsNoChange) {
  EXPECT_TRUE(compare().changes.empty());
}

TEST_F(GitRepo, AddedResourceIsACreate) {
  m_tree.write("extra.tf", "resource \"aws_s3_bucket\" \"b\" {}\n");
  EXPECT_EQ(actions_by_id(compare()), (Actions{{".:aws_s3_bucket.b", "create"}}));
}

TEST_F(GitRepo, EditedResourceIsAnUpdate) {
  auto text = std::string(k_queues);
  text.replace(text.find("60"), 2, "90");
  m_tree.write("main.tf", text);
  EXPECT_EQ(actions_by_id(compare()), (Actions{{".:aws_sqs_queue.q", "update"}}));
}

TEST_F(GitRepo, DeletedResourceReachesItsBaseDependents) {
  // The topic still names the queue: only the base graph knows that edge now.
  m_tree.write("main.tf",
               std::string(k_queues).substr(std::string(k_queues).find("resource \"aws_sns")));
  auto found = compare();
  EXPECT_EQ(actions_by_id(found), (Actions{{".:aws_sqs_queue.q", "delete"}}));
  ASSERT_EQ(found.extra_nodes.size(), 1U);
  const auto report = score_findings(m_ws, {std::move(found)});
  ASSERT_EQ(report.changed.size(), 1U);
  EXPECT_EQ(report.changed[0].action, analyzer::ChangeAction::destroy);
  EXPECT_EQ(report.changed[0].file, "main.tf");
  EXPECT_EQ(report.resources_reached, 2U);  // the deleted queue itself, and the topic
  EXPECT_EQ(edge_kind(m_ws.graph, ".:aws_sns_topic.t", ".:aws_sqs_queue.q"), "reference");
}

TEST_F(GitRepo, AnEditedKustomizePatchChangesWhatItPatches) {
  m_tree.write("app/base/kustomization.yaml", "resources: [web.yaml]\n");
  m_tree.write("app/base/web.yaml", k_deployment);
  m_tree.write("app/prod/kustomization.yaml",
               "resources: [../base]\npatches:\n- path: replicas.yaml\n");
  m_tree.write(
      "app/prod/replicas.yaml",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 2}\n");
  commit("overlay");
  m_tree.write(
      "app/prod/replicas.yaml",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 9}\n");
  const auto found = compare();
  EXPECT_EQ(actions_by_id(found), (Actions{{"k8s:app/prod:default/Deployment/web", "update"}}));
  EXPECT_TRUE(found.unmapped.empty());
}

TEST_F(GitRepo, ReformattingIsNoChange) {
  m_tree.write("main.tf", R"(resource "aws_sqs_queue" "q" {
    name                       = "orders"


    visibility_timeout_seconds = 60
}
resource "aws_sns_topic" "t" { name = aws_sqs_queue.q.name }
)");
  m_tree.write("k8s/web.yaml", R"(---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
    selector: {matchLabels: {app: web}}
    template:
        metadata:
            labels: {app: web}
        spec:
            containers:
            -   name: web
                image: 'nginx:1.27'
)");
  m_tree.write(
      "policies/read.json",
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]})");
  const auto found = compare();
  EXPECT_TRUE(found.changes.empty()) << found.changes.front().id;
}

TEST_F(GitRepo, CommentsAreNoChange) {
  m_tree.write("main.tf", "# queues of the shop\n" + std::string(k_queues) +
                              "// trailing note\n/* block\ncomment */\n");
  auto yaml = std::string(k_deployment);
  yaml.insert(yaml.find("spec:"), "  # owned by the web team\n");
  m_tree.write("k8s/web.yaml", "# web tier\n" + yaml);
  const auto found = compare();
  EXPECT_TRUE(found.changes.empty());
  auto ws = load(m_tree.root());
  EXPECT_EQ(score_findings(ws, {found}).score, 0);
}

TEST_F(GitRepo, MovingFilesWithTheSameContentIsNoChange) {
  remove("main.tf");
  m_tree.write("queues.tf", k_queues);
  remove("policies/read.json");
  m_tree.write("policies/storage/read.json", k_policy);
  git({"mv", "k8s/web.yaml", "k8s/frontend.yaml"});
  const auto found = compare();
  EXPECT_TRUE(found.changes.empty());
  EXPECT_EQ(unmapped_lines(found.unmapped),
            (std::vector<std::string>{
                "iam:policies/storage/read.json no-effect: moved from iam:policies/read.json with "
                "equal content",
                "k8s/frontend.yaml no-effect: moved from k8s/web.yaml with equal content",
                "k8s/web.yaml no-effect: moved to k8s/frontend.yaml with equal content",
                "main.tf no-effect: moved to queues.tf with equal content",
                "policies/read.json no-effect: moved to policies/storage/read.json with equal "
                "content",
                "policies/storage/read.json no-effect: moved from policies/read.json with equal "
                "content",
                "queues.tf no-effect: moved from main.tf with equal content"}));
}

TEST_F(GitRepo, AnApplicationMovedWholeIsNoChange) {
  // Two kustomization roots: ids carry the root, so moving one changes its objects' ids.
  m_tree.write("apps/shop/kustomization.yaml", "resources: [web.yaml]\n");
  m_tree.write("apps/shop/web.yaml", k_deployment);
  m_tree.write("apps/blog/kustomization.yaml", "resources: [web.yaml]\n");
  m_tree.write("apps/blog/web.yaml", k_deployment);
  remove("k8s/web.yaml");
  commit("two applications");
  git({"mv", "apps/shop", "apps/store"});
  const auto found = compare();
  EXPECT_TRUE(found.changes.empty()) << ::testing::PrintToString(actions_by_id(found));
  const auto lines = unmapped_lines(found.unmapped);
  EXPECT_NE(std::find(lines.begin(), lines.end(),
                      "k8s:apps/store:default/Deployment/web no-effect: moved from "
                      "k8s:apps/shop:default/Deployment/web with equal content"),
            lines.end())
      << ::testing::PrintToString(lines);
}

TEST_F(GitRepo, MovedBlockIsARenameNotDeletePlusCreate) {
  auto text = std::string(k_queues);
  for (auto at = text.find("\"q\""); at != std::string::npos; at = text.find("\"q\""))
    text.replace(at, 3, "\"orders\"");
  for (auto at = text.find(".q."); at != std::string::npos; at = text.find(".q."))
    text.replace(at, 3, ".orders.");
  m_tree.write("main.tf",
               text + "\nmoved {\n  from = aws_sqs_queue.q\n  to   = aws_sqs_queue.orders\n}\n");
  const auto found = compare();
  // The topic's reference text changed with the rename: it is an update too.
  EXPECT_EQ(actions_by_id(found),
            (Actions{{".:aws_sns_topic.t", "update"}, {".:aws_sqs_queue.orders", "update"}}));
  for (const auto& change : found.changes) {
    if (change.id == ".:aws_sqs_queue.orders") {
      EXPECT_EQ(change.detail, "moved from .:aws_sqs_queue.q");
    }
  }
  EXPECT_TRUE(found.extra_nodes.empty());
}

TEST_F(GitRepo, RenamedKubernetesObjectIsDeleteAndCreate) {
  auto yaml = std::string(k_deployment);
  yaml.replace(yaml.find("name: web"), 9, "name: storefront");
  m_tree.write("k8s/web.yaml", yaml);
  EXPECT_EQ(actions_by_id(compare()), (Actions{{"k8s:default/Deployment/storefront", "create"},
                                               {"k8s:default/Deployment/web", "delete"}}));
}

TEST_F(GitRepo, EditedPolicyDocumentIsAnUpdate) {
  auto policy = std::string(k_policy);
  policy.replace(policy.find("s3:GetObject"), 12, "s3:*");
  m_tree.write("policies/read.json", policy);
  EXPECT_EQ(actions_by_id(compare()), (Actions{{"iam:policies/read.json", "update"}}));
}

TEST_F(GitRepo, RangeComparesTwoCommitsAndLeavesTheCheckoutAlone) {
  m_tree.write("extra.tf", "resource \"aws_s3_bucket\" \"b\" {}\n");
  commit("add a bucket");
  m_tree.write("dirty.tf", "resource \"aws_s3_bucket\" \"dirty\" {}\n");  // not committed
  const auto status = git({"status", "--porcelain"});
  const auto found = compare("HEAD~1..HEAD");
  EXPECT_EQ(actions_by_id(found), (Actions{{".:aws_s3_bucket.b", "create"}}));
  EXPECT_EQ(m_ws.graph.find(".:aws_s3_bucket.dirty"), graph::k_no_node);  // HEAD's graph
  EXPECT_EQ(m_ws.root, m_tree.root());
  EXPECT_EQ(git({"status", "--porcelain"}), status);
}

TEST_F(GitRepo, BadRangesAreErrors) {
  const auto ws = load(m_tree.root());
  for (const auto* range : {"nope", "--output=/tmp/x", "main...HEAD", "..HEAD"}) {
    auto result = analyzer::git_changes(ws, range);
    EXPECT_FALSE(result.has_value()) << range;
  }
  TempTree plain;
  plain.write("main.tf", "resource \"aws_sqs_queue\" \"q\" {}\n");
  auto outside = analyzer::git_changes(load(plain.root()), "main");
  ASSERT_FALSE(outside.has_value());
  EXPECT_NE(outside.error().message.find("not inside a git repository"), std::string::npos);
}

TEST_F(GitRepo, SubdirectoryIsComparedOnItsOwn) {
  git({"mv", "main.tf", "infra.tf"});
  commit("move");
  m_tree.write("sub/main.tf", "resource \"aws_sqs_queue\" \"s\" {}\n");
  commit("sub");
  m_tree.write("sub/main.tf", "resource \"aws_sqs_queue\" \"s\" { delay_seconds = 5 }\n");
  auto ws = load(m_tree.root() / "sub");
  auto result = analyzer::git_changes(ws, "main");
  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(actions_by_id(result->findings), (Actions{{".:aws_sqs_queue.s", "update"}}));
  EXPECT_EQ(*analyzer::git_path_prefix(m_tree.root() / "sub"), "sub/");
}

}  // namespace
}  // namespace blastgraph::testing
