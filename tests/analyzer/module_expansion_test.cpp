// Module expansion and wiring: instances per call, inputs, outputs, roots, remote sources,
// bad sources, services.
#include <gtest/gtest.h>

#include <algorithm>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

constexpr const char* k_queue_module = R"(
variable "name" {}
variable "kms_key" { default = null }
resource "aws_sqs_queue" "this" {
  name              = var.name
  kms_master_key_id = var.kms_key
  tags              = { service = var.name }
}
output "arn" { value = aws_sqs_queue.this.arn }
output "url" { value = aws_sqs_queue.this.url }
)";

TEST(ModuleExpansion, EachCallIsAnInstanceWiredThroughInputsAndOutputs) {
  TempTree tree;
  tree.write("modules/queue/main.tf", k_queue_module);
  tree.write("live/main.tf", R"(
resource "aws_kms_key" "k" {}
module "orders" {
  source  = "../modules/queue"
  name    = "orders"
  kms_key = aws_kms_key.k.arn
}
module "billing" {
  source = "../modules/queue"
  name   = "billing"
  count  = 2
}
resource "aws_iam_policy" "p" { policy = module.orders.arn }
)");
  auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(ws.terraform_roots, std::vector<std::string>{"live"});
  ASSERT_NE(g.find("live:module.orders.aws_sqs_queue.this"), graph::k_no_node);
  ASSERT_NE(g.find("live:module.billing.aws_sqs_queue.this"), graph::k_no_node);
  EXPECT_EQ(g.find("modules/queue:aws_sqs_queue.this"), graph::k_no_node);  // not a root

  EXPECT_EQ(edge_kind(g, "live:module.orders.var.kms_key", "live:aws_kms_key.k"), "module_input");
  EXPECT_EQ(edge_kind(g, "live:module.orders.aws_sqs_queue.this", "live:module.orders.var.kms_key"),
            "reference");
  EXPECT_EQ(edge_kind(g, "live:aws_iam_policy.p", "live:module.orders.output.arn"), "module_output");
  EXPECT_EQ(edge_kind(g, "live:module.billing.aws_sqs_queue.this", "live:module.billing"),
            "module_member");

  // The key reaches orders' queue and the policy reading its output, not billing.
  const auto reached = reached_ids(g, {"live:aws_kms_key.k"});
  EXPECT_TRUE(reached.contains("live:module.orders.aws_sqs_queue.this"));
  EXPECT_TRUE(reached.contains("live:aws_iam_policy.p"));
  EXPECT_FALSE(reached.contains("live:module.billing.aws_sqs_queue.this"));

  // Services from the tag, evaluated through the call's literal input.
  EXPECT_EQ(g.node(g.find("live:module.orders.aws_sqs_queue.this")).service, "orders");
  EXPECT_EQ(g.node(g.find("live:module.billing.aws_sqs_queue.this")).service, "billing");
  EXPECT_EQ(g.node(g.find("live:aws_kms_key.k")).service, "live");
}

TEST(ModuleExpansion, DependsOnAWholeModuleReachesFromEveryResourceInIt) {
  TempTree tree;
  tree.write("net/main.tf", "resource \"aws_vpc\" \"v\" {}\nresource \"aws_subnet\" \"s\" { vpc_id = aws_vpc.v.id }\n");
  tree.write("main.tf", R"(
module "net" { source = "./net" }
resource "aws_instance" "i" { depends_on = [module.net] }
)");
  auto ws = load(tree.root());
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_instance.i", ".:module.net.aws_subnet.s"), "depends_on");
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_instance.i", ".:module.net.aws_vpc.v"), "depends_on");
}

TEST(ModuleExpansion, SeveralRootsShareAModuleAsSeparateInstances) {
  TempTree tree;
  tree.write("modules/queue/main.tf", k_queue_module);
  tree.write("envs/prod/main.tf", "module \"q\" {\n  source = \"../../modules/queue\"\n  name = \"a\"\n}\n");
  tree.write("envs/staging/main.tf", "module \"q\" {\n  source = \"../../modules/queue\"\n  name = \"b\"\n}\n");
  auto ws = load(tree.root());
  EXPECT_EQ(ws.terraform_roots, (std::vector<std::string>{"envs/prod", "envs/staging"}));
  EXPECT_NE(ws.graph.find("envs/prod:module.q.aws_sqs_queue.this"), graph::k_no_node);
  EXPECT_NE(ws.graph.find("envs/staging:module.q.aws_sqs_queue.this"), graph::k_no_node);
  const auto reached = reached_ids(ws.graph, {"envs/prod:module.q.aws_sqs_queue.this"});
  EXPECT_FALSE(reached.contains("envs/staging:module.q.output.arn"));
}

TEST(ModuleExpansion, RemoteSourcesBecomeExternalNodes) {
  TempTree tree;
  tree.write("main.tf", R"(
module "bucket" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.2"
  bucket  = var.name
}
variable "name" {}
resource "aws_cloudtrail" "t" { s3_bucket_name = module.bucket.s3_bucket_id }
)");
  auto ws = load(tree.root());
  const auto& g = ws.graph;
  const auto ext = g.find("ext:module:terraform-aws-modules/s3-bucket/aws@4.1.2");
  ASSERT_NE(ext, graph::k_no_node);
  EXPECT_EQ(g.node(ext).domain, graph::Domain::external);
  EXPECT_EQ(g.node(ext).role, graph::Role::external);
  EXPECT_EQ(ws.coverage.external_modules, 1U);
  EXPECT_EQ(edge_kind(g, ".:module.bucket", "ext:module:terraform-aws-modules/s3-bucket/aws@4.1.2"),
            "reference");
  EXPECT_EQ(edge_kind(g, ".:module.bucket", ".:var.name"), "reference");
  EXPECT_EQ(edge_kind(g, ".:aws_cloudtrail.t", ".:module.bucket"), "module_output");
  const auto reached = reached_ids(g, {"ext:module:terraform-aws-modules/s3-bucket/aws@4.1.2"});
  EXPECT_TRUE(reached.contains(".:aws_cloudtrail.t"));
  // The coverage says which call was not expanded, and why.
  ASSERT_EQ(ws.coverage.unexpanded_modules.size(), 1U);
  const auto& unexpanded = ws.coverage.unexpanded_modules.front();
  EXPECT_EQ(unexpanded.call, ".:module.bucket");
  EXPECT_EQ(unexpanded.source, "terraform-aws-modules/s3-bucket/aws@4.1.2");
  EXPECT_EQ(unexpanded.file, "main.tf");
  EXPECT_EQ(unexpanded.line, 2U);
  EXPECT_EQ(unexpanded.reason,
            "not installed: no .terraform/modules/modules.json (run `terraform init` in . before "
            "scanning to expand it)");
}

TEST(ModuleExpansion, SourcesEscapingTheRootMissingOrRecursiveAreRefused) {
  TempTree tree;
  tree.write("repo/main.tf", R"(
module "outside" { source = "../../etc" }
module "missing" { source = "./nothing-here" }
module "loop" { source = "./loop" }
resource "aws_sqs_queue" "q" {}
)");
  tree.write("repo/loop/main.tf", "module \"again\" { source = \"../loop\" }\nresource \"aws_sns_topic\" \"t\" {}\n");
  auto ws = load(tree.root() / "repo");
  const auto codes = diagnostic_codes(ws);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "tf-module-escape"), codes.end());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "tf-module-missing"), codes.end());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "tf-module-cycle"), codes.end());
  for (const auto& d : ws.diagnostics) {
    if (d.code == "tf-module-escape") {
      EXPECT_EQ(d.file, "main.tf");
      EXPECT_EQ(d.position.line, 2U);
      EXPECT_EQ(d.severity, Severity::error);
    }
  }
  // The rest is still analyzed: the root's own resource and one level of the loop.
  EXPECT_NE(ws.graph.find(".:aws_sqs_queue.q"), graph::k_no_node);
  EXPECT_NE(ws.graph.find(".:module.loop.aws_sns_topic.t"), graph::k_no_node);
}

}  // namespace
}  // namespace blastgraph::testing

namespace blastgraph::testing {
namespace {

TEST(ModuleExpansion, InstalledRemoteModulesAreExpandedOfflineFromModulesJson) {
  TempTree tree;
  tree.write("live/main.tf", R"(
module "bucket" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.2"
  name    = "logs"
}
module "other" { source = "git::https://example.com/not-installed.git" }
module "empty" { source = "acme/empty/aws" }
resource "aws_cloudtrail" "t" { s3_bucket_name = module.bucket.id }
)");
  tree.write("live/.terraform/modules/modules.json", R"({"Modules":[
    {"Key":"","Source":"","Dir":"."},
    {"Key":"bucket","Source":"registry.terraform.io/terraform-aws-modules/s3-bucket/aws",
     "Version":"4.1.2","Dir":".terraform/modules/bucket"},
    {"Key":"empty","Source":"registry.terraform.io/acme/empty/aws","Dir":".terraform/modules/empty"},
    {"Key":"evil","Source":"x","Dir":"../../../etc"}]})");
  tree.write("live/.terraform/modules/bucket/main.tf", R"(
variable "name" {}
resource "aws_s3_bucket" "this" { bucket = var.name }
output "id" { value = aws_s3_bucket.this.id }
)");
  tree.write("live/.terraform/modules/bucket/examples/simple/main.tf", "resource \"aws_sqs_queue\" \"q\" {}\n");
  auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(ws.terraform_roots, std::vector<std::string>{"live"});  // installed dirs are not roots
  ASSERT_NE(g.find("live:module.bucket.aws_s3_bucket.this"), graph::k_no_node);
  EXPECT_EQ(edge_kind(g, "live:aws_cloudtrail.t", "live:module.bucket.output.id"), "module_output");
  EXPECT_EQ(g.find("ext:module:terraform-aws-modules/s3-bucket/aws@4.1.2"), graph::k_no_node);
  EXPECT_NE(g.find("ext:module:git::https://example.com/not-installed.git"), graph::k_no_node);
  EXPECT_EQ(ws.coverage.external_modules, 2U);
  std::vector<std::string> reasons;
  for (const auto& m : ws.coverage.unexpanded_modules) reasons.push_back(m.call + ": " + m.reason);
  EXPECT_EQ(reasons, (std::vector<std::string>{
                         "live:module.empty: live/.terraform/modules/modules.json installs it in "
                         "live/.terraform/modules/empty, which holds no Terraform files here",
                         "live:module.other: live/.terraform/modules/modules.json has no entry for "
                         "module key other"}));
  const auto codes = diagnostic_codes(ws);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "tf-module-escape"), codes.end());
}

}  // namespace
}  // namespace blastgraph::testing
