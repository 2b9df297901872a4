// Files that could not be fully read: every file with an error diagnostic counts (whatever
// stage found it), and such a file raises a change's tier only where its unread part could
// touch the change (README "Coverage").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/change.hpp"
#include "blastgraph/analyzer/score.hpp"

namespace blastgraph::testing {
namespace {

using analyzer::ReadProblem;
using analyzer::Tier;

constexpr const char* k_bucket = "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n";
constexpr const char* k_broken_hcl = "resource \"aws_sqs_queue\" \"q\" {\n  name = \n";

std::vector<std::string> unread_names(const analyzer::Workspace& ws) {
  std::vector<std::string> names;
  for (const auto& unread : ws.coverage.unread_files) names.push_back(unread.file);
  return names;
}

analyzer::ScoreReport score(const analyzer::Workspace& ws, const std::string& id,
                            const analyzer::ScorePolicy& policy = {}) {
  std::vector<std::string> ids{id};
  const auto changes = analyzer::select_changes(ws.graph, ids, analyzer::ChangeAction::update);
  EXPECT_TRUE(changes.unmatched_patterns.empty()) << id;
  return analyzer::score_change(ws, changes, policy);
}

// The bucket change alone is LOW; the floor is what the unread file adds.
void expect_raised(const analyzer::Workspace& ws, const std::string& id, const std::string& file) {
  const auto report = score(ws, id);
  EXPECT_EQ(report.score_tier, Tier::low) << id;
  EXPECT_EQ(report.tier, Tier::medium) << id;
  EXPECT_NE(report.floor.reason.find("could not be fully read: " + file), std::string::npos)
      << report.floor.reason;
}

void expect_not_raised(const analyzer::Workspace& ws, const std::string& id) {
  const auto report = score(ws, id);
  EXPECT_EQ(report.tier, Tier::low) << id << ": " << report.floor.reason;
  EXPECT_EQ(report.floor.reason, "") << id;
  // Still listed: coverage never hides what was not read.
  EXPECT_FALSE(report.coverage.unread_files.empty());
}

TEST(FilesWithErrors, CountsEveryFileWithAnErrorDiagnosticOnce) {
  TempTree tree;
  // Parses, but declares the queue twice (tf-duplicate, an error of module loading).
  tree.write("a/main.tf",
             "resource \"aws_sqs_queue\" \"q\" {}\nresource \"aws_sqs_queue\" \"q\" {}\n");
  // Parses, but its policy is invalid (an IAM error found while linking).
  tree.write("b/main.tf", R"(resource "aws_iam_policy" "p" {
  policy = jsonencode({ Version = 2012, Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}
)");
  // Two syntax errors, one file.
  tree.write("c/main.tf", "resource \"x\" \"y\" {\n  a = \n  b = \n");
  tree.write("d/main.tf", k_bucket);
  const auto ws = load(tree.root());
  EXPECT_EQ(ws.coverage.files_with_errors, 3U);
  EXPECT_EQ(ws.coverage.files_unparsed, 0U);
  EXPECT_EQ(unread_names(ws), (std::vector<std::string>{"a/main.tf", "b/main.tf", "c/main.tf"}));
  for (const auto& unread : ws.coverage.unread_files) {
    EXPECT_EQ(unread.problem, ReadProblem::errors) << unread.file;
  }
}

TEST(FilesWithErrors, AnUnparsedFileIsNotCountedTwice) {
  TempTree tree;
  tree.write("big/main.tf", std::string(2048, '#'));
  tree.write("ok/main.tf", k_bucket);
  analyzer::LoadOptions options;
  options.max_file_bytes = 1024;
  const auto ws = analyzer::load_workspace(tree.root(), options);
  ASSERT_TRUE(ws.has_value());
  EXPECT_EQ(ws->coverage.files_unparsed, 1U);
  EXPECT_EQ(ws->coverage.files_with_errors, 0U);
  ASSERT_EQ(ws->coverage.unread_files.size(), 1U);
  EXPECT_EQ(ws->coverage.unread_files[0].problem, ReadProblem::unparsed);
  EXPECT_EQ(ws->coverage.unread_files[0].terraform_roots, std::vector<std::string>{"big"});
}

TEST(UnreadFloor, AnotherRootDoesNotRaiseAnUnrelatedChange) {
  TempTree tree;
  tree.write("envs/prod/main.tf", k_bucket);
  tree.write("envs/other/main.tf", k_broken_hcl);
  const auto ws = load(tree.root());
  EXPECT_EQ(unread_names(ws), std::vector<std::string>{"envs/other/main.tf"});
  expect_not_raised(ws, "envs/prod:aws_s3_bucket.logs");
}

TEST(UnreadFloor, TheSameRootRaisesTheChange) {
  TempTree tree;
  tree.write("envs/prod/main.tf", k_bucket);
  tree.write("envs/prod/queues.tf", k_broken_hcl);
  const auto ws = load(tree.root());
  expect_raised(ws, "envs/prod:aws_s3_bucket.logs", "envs/prod/queues.tf");
}

TEST(UnreadFloor, ALocalModuleRaisesTheRootsThatCallIt) {
  TempTree tree;
  tree.write("envs/prod/main.tf",
             std::string(k_bucket) + "module \"q\" {\n  source = \"../../modules/q\"\n}\n");
  tree.write("envs/staging/main.tf", k_bucket);
  tree.write("modules/q/main.tf", k_broken_hcl);
  const auto ws = load(tree.root());
  ASSERT_EQ(ws.coverage.unread_files.size(), 1U);
  EXPECT_EQ(ws.coverage.unread_files[0].terraform_roots, std::vector<std::string>{"envs/prod"});
  expect_raised(ws, "envs/prod:aws_s3_bucket.logs", "modules/q/main.tf");
  expect_not_raised(ws, "envs/staging:aws_s3_bucket.logs");
}

TEST(UnreadFloor, ARootWhoseStateTheChangedRootReadsRaisesIt) {
  TempTree tree;
  tree.write("network/main.tf", "resource \"aws_vpc\" \"v\" {}\n");
  tree.write("network/broken.tf", k_broken_hcl);
  tree.write("storage/main.tf",
             "terraform {\n  backend \"s3\" {\n    bucket = \"acme-state\"\n"
             "    key    = \"storage.tfstate\"\n  }\n}\n" +
                 std::string(k_bucket));
  tree.write("storage/broken.tf", k_broken_hcl);
  tree.write("app/main.tf", std::string(k_bucket) + R"(
data "terraform_remote_state" "network" {
  backend = "local"
  config = { path = "../network/terraform.tfstate" }
}
data "terraform_remote_state" "storage" {
  backend = "s3"
  config = { bucket = "acme-state", key = "storage.tfstate", region = "eu-west-1" }
}
)");
  tree.write("other/main.tf", k_bucket);
  const auto ws = load(tree.root());
  for (const auto& unread : ws.coverage.unread_files) {
    EXPECT_EQ(unread.terraform_roots,
              (std::vector<std::string>{"app", unread.file.substr(0, unread.file.find('/'))}))
        << unread.file;
  }
  expect_raised(ws, "app:aws_s3_bucket.logs", "network/broken.tf, storage/broken.tf");
  // The readers' files do not raise the roots they read.
  expect_not_raised(ws, "other:aws_s3_bucket.logs");
}

TEST(UnreadFloor, AStateReadThatCannotBeResolvedLinksNothing) {
  TempTree tree;
  tree.write("network/main.tf", k_broken_hcl);
  tree.write("app/main.tf", std::string(k_bucket) + R"(
variable "state_bucket" {}
data "terraform_remote_state" "network" {
  backend = "s3"
  config = { bucket = var.state_bucket, key = "network.tfstate" }
}
)");
  const auto ws = load(tree.root());
  expect_not_raised(ws, "app:aws_s3_bucket.logs");
}

constexpr const char* k_config_map = R"(apiVersion: v1
kind: ConfigMap
metadata: {name: NAME, namespace: NS}
data: {a: "1"}
)";

std::string config_map(const std::string& name, const std::string& ns) {
  std::string text = k_config_map;
  text.replace(text.find("NAME"), 4, name);
  text.replace(text.find("NS"), 2, ns);
  return text;
}

// A first document that reads, then one that does not.
std::string broken_manifest(const std::string& ns) {
  return config_map("partial", ns) +
         "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   namespace: bad\n";
}

TEST(UnreadFloor, KubernetesSameKustomizationOrNamespaceRaises) {
  TempTree tree;
  tree.write("apps/shop/kustomization.yaml", "resources: [web.yaml, broken/]\n");
  tree.write("apps/shop/web.yaml", config_map("web", "shop"));
  tree.write("apps/shop/broken/x.yaml", broken_manifest("elsewhere"));
  tree.write("apps/billing/billing.yaml", config_map("billing", "billing"));
  tree.write("apps/other/o.yaml", config_map("other", "other"));
  tree.write("apps/partial/p.yaml", broken_manifest("billing"));
  const auto ws = load(tree.root());
  ASSERT_EQ(unread_names(ws),
            (std::vector<std::string>{"apps/partial/p.yaml", "apps/shop/broken/x.yaml"}));
  EXPECT_EQ(ws.coverage.unread_files[1].kustomization, "apps/shop");
  EXPECT_EQ(ws.coverage.unread_files[0].namespaces, std::vector<std::string>{"billing"});
  expect_raised(ws, "k8s:shop/ConfigMap/web", "apps/shop/broken/x.yaml");
  expect_raised(ws, "k8s:billing/ConfigMap/billing", "apps/partial/p.yaml");
  expect_not_raised(ws, "k8s:other/ConfigMap/other");
}

TEST(UnreadFloor, AFileBesideAReachedNodeRaises) {
  TempTree tree;
  tree.write("infra/main.tf", "resource \"aws_iam_role\" \"app\" {\n  name = \"app\"\n}\n");
  tree.write("k8s/app/sa.yaml", R"(apiVersion: v1
kind: ServiceAccount
metadata:
  name: app
  namespace: apps
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/app
)");
  tree.write("k8s/app/broken.yaml", broken_manifest("tools"));
  tree.write("k8s/tools/other.yaml", config_map("other", "misc"));
  const auto ws = load(tree.root());
  // The role change reaches the ServiceAccount, which lives beside the broken file. (Without
  // the IAM floor, which would outrank the coverage floor.)
  analyzer::ScorePolicy policy;
  policy.floors.iam = Tier::low;
  const auto report = score(ws, "infra:aws_iam_role.app", policy);
  EXPECT_EQ(report.floor.tier, Tier::medium);
  EXPECT_NE(report.floor.reason.find("k8s/app/broken.yaml"), std::string::npos)
      << report.floor.reason;
  expect_not_raised(ws, "k8s:misc/ConfigMap/other");
}

}  // namespace
}  // namespace blastgraph::testing
