// Blocks switched off per instance: `count = var.x ? 1 : 0` and an empty for_each remove a
// block from the instances where that is statically certain, and only there.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

constexpr const char* k_service_module = R"(
variable "name" {}
variable "boundary_arn" {}
variable "attach_boundary" { default = true }
variable "extra_policies" { default = {} }
variable "environment" { default = "dev" }
resource "aws_iam_role" "this" {
  name               = var.name
  assume_role_policy = "{}"
}
resource "aws_cloudwatch_log_group" "audit" {
  count = var.attach_boundary && var.environment != "sandbox" ? 1 : 0
  name  = var.name
}
resource "aws_iam_role_policy_attachment" "boundary_copy" {
  count      = var.attach_boundary ? 1 : 0
  role       = aws_iam_role.this.name
  policy_arn = var.boundary_arn
}
resource "aws_iam_role_policy_attachment" "extra" {
  for_each   = var.extra_policies
  role       = aws_iam_role.this.name
  policy_arn = each.value
}
resource "aws_sqs_queue" "dlq" {
  count = !var.attach_boundary || var.environment == "prod" ? 1 : 0
  name  = "${var.name}-dlq"
}
resource "aws_sns_topic" "alerts" {
  count = length(var.extra_policies) > 0 ? 1 : 0
  name  = var.name
}
)";

TEST(InstanceExistence, ABlockSwitchedOffByItsCallerHasNoNodeThere) {
  TempTree tree;
  tree.write("modules/service/main.tf", k_service_module);
  tree.write("live/main.tf", R"(
resource "aws_iam_policy" "boundary" { policy = "{}" }
module "payments" {
  source       = "../modules/service"
  name         = "payments"
  boundary_arn = aws_iam_policy.boundary.arn
}
module "sandbox" {
  source          = "../modules/service"
  name            = "sandbox"
  boundary_arn    = aws_iam_policy.boundary.arn
  attach_boundary = false
  environment     = "sandbox"
}
module "ledger" {
  source         = "../modules/service"
  name           = "ledger"
  boundary_arn   = aws_iam_policy.boundary.arn
  environment    = "prod"
  extra_policies = { audit = aws_iam_policy.boundary.arn }
}
)");
  auto ws = load(tree.root());
  const auto& g = ws.graph;
  const auto has = [&](const std::string& id) { return g.find(id) != graph::k_no_node; };
  // Defaults inside a module are certain: payments keeps the attachment, has no extra ones.
  EXPECT_TRUE(has("live:module.payments.aws_iam_role_policy_attachment.boundary_copy"));
  EXPECT_FALSE(has("live:module.payments.aws_iam_role_policy_attachment.extra"));
  EXPECT_FALSE(has("live:module.payments.aws_sqs_queue.dlq"));
  // What is not evaluated (an ordering comparison) switches nothing off.
  EXPECT_TRUE(has("live:module.payments.aws_sns_topic.alerts"));
  // The caller switched them: sandbox has no attachment but a dead-letter queue.
  EXPECT_FALSE(has("live:module.sandbox.aws_iam_role_policy_attachment.boundary_copy"));
  EXPECT_TRUE(has("live:module.sandbox.aws_sqs_queue.dlq"));
  EXPECT_TRUE(has("live:module.ledger.aws_iam_role_policy_attachment.extra"));
  EXPECT_TRUE(has("live:module.ledger.aws_sqs_queue.dlq"));

  EXPECT_TRUE(has("live:module.payments.aws_cloudwatch_log_group.audit"));
  EXPECT_FALSE(has("live:module.sandbox.aws_cloudwatch_log_group.audit"));

  // The boundary reaches the roles it is attached to, payments' and ledger's, not sandbox's.
  const auto reached = reached_ids(g, {"live:aws_iam_policy.boundary"});
  EXPECT_TRUE(reached.contains("live:module.payments.aws_iam_role.this"));
  EXPECT_TRUE(reached.contains("live:module.ledger.aws_iam_role.this"));
  EXPECT_TRUE(
      reached.contains("live:module.payments.aws_iam_role_policy_attachment.boundary_copy"));
  EXPECT_FALSE(reached.contains("live:module.sandbox.aws_iam_role.this"));
  for (const auto& d : ws.diagnostics) {
    EXPECT_NE(d.code, "tf-unresolved-reference") << format_diagnostic(d);
  }
}

// A root's variables are whatever tfvars or -var say on the day: their defaults switch
// nothing off. A literal count of 0 does.
TEST(InstanceExistence, RootVariablesNeverSwitchABlockOff) {
  TempTree tree;
  tree.write("live/main.tf", R"(
variable "enable_audit" { default = false }
resource "aws_s3_bucket" "audit" {
  count  = var.enable_audit ? 1 : 0
  bucket = "audit"
}
resource "aws_s3_bucket" "retired" {
  count  = 0
  bucket = "retired"
}
resource "aws_s3_bucket" "none" {
  for_each = toset([])
  bucket   = each.key
}
)");
  auto ws = load(tree.root());
  EXPECT_NE(ws.graph.find("live:aws_s3_bucket.audit"), graph::k_no_node);
  EXPECT_EQ(ws.graph.find("live:aws_s3_bucket.retired"), graph::k_no_node);
  EXPECT_EQ(ws.graph.find("live:aws_s3_bucket.none"), graph::k_no_node);
}

// A module call switched off takes its whole instance with it, nested calls included; an
// unknown condition switches nothing off.
TEST(InstanceExistence, AModuleCallSwitchedOffRemovesItsInstance) {
  TempTree tree;
  tree.write("modules/inner/main.tf", R"(
resource "aws_sqs_queue" "q" { name = "q" }
)");
  tree.write("modules/outer/main.tf", R"(
variable "enabled" { default = true }
module "inner" {
  source = "../inner"
  count  = var.enabled ? 1 : 0
}
)");
  tree.write("live/main.tf", R"(
variable "flag" {}
module "off" {
  source  = "../modules/outer"
  enabled = false
}
module "on" {
  source = "../modules/outer"
}
module "unknown" {
  source  = "../modules/outer"
  enabled = var.flag
}
)");
  auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(g.find("live:module.off.module.inner"), graph::k_no_node);
  EXPECT_EQ(g.find("live:module.off.module.inner.aws_sqs_queue.q"), graph::k_no_node);
  EXPECT_NE(g.find("live:module.off.var.enabled"), graph::k_no_node);
  EXPECT_NE(g.find("live:module.on.module.inner.aws_sqs_queue.q"), graph::k_no_node);
  EXPECT_NE(g.find("live:module.unknown.module.inner.aws_sqs_queue.q"), graph::k_no_node);
}

}  // namespace
}  // namespace blastgraph::testing
