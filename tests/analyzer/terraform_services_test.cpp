// Which service a Terraform resource belongs to: tag, module call, what it attaches to, root.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

std::string service(const analyzer::Workspace& ws, const std::string& id) {
  const auto index = ws.graph.find(id);
  return index == graph::k_no_node ? "<no node>" : ws.graph.node(index).service;
}

TEST(TerraformServices, UntaggedAttachmentsTakeTheServiceOfWhatTheyAttachTo) {
  TempTree tree;
  tree.write("infra/main.tf", R"(
resource "aws_iam_role" "exporter" {
  name = "exporter"
  tags = { service = "reports" }
}
resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
  tags   = { app = "reports" }
}
resource "aws_s3_bucket" "billing" {
  bucket = "acme-billing"
  tags   = { service = "billing" }
}
resource "aws_iam_role_policy" "exporter" {
  role   = aws_iam_role.exporter.id
  policy = "{}"
}
resource "aws_s3_bucket_policy" "reports" {
  bucket = aws_s3_bucket.reports.id
  policy = "{}"
}
# Spans two services: it belongs to neither, so to the root.
resource "aws_iam_role_policy" "both" {
  role   = aws_iam_role.exporter.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject",
                                       Resource = [aws_s3_bucket.reports.arn, aws_s3_bucket.billing.arn] }] })
}
# Only ordered after a tagged resource: that is not attaching to it.
resource "aws_sqs_queue" "jobs" {
  name       = "jobs"
  depends_on = [aws_iam_role.exporter]
}
resource "aws_sns_topic" "alerts" {
  for_each = toset(["a", "b"])
  name     = "${each.key}-${aws_s3_bucket.billing.bucket}"
}
)");
  const auto ws = load(tree.root());
  EXPECT_EQ(service(ws, "infra:aws_iam_role_policy.exporter"), "reports");
  EXPECT_EQ(service(ws, "infra:aws_s3_bucket_policy.reports"), "reports");
  EXPECT_EQ(service(ws, "infra:aws_iam_role_policy.both"), "infra");
  EXPECT_EQ(service(ws, "infra:aws_sqs_queue.jobs"), "infra");
  EXPECT_EQ(service(ws, "infra:aws_sns_topic.alerts"), "billing");
}

TEST(TerraformServices, AModuleCallOutranksWhatTheBlockAttachesTo) {
  TempTree tree;
  tree.write("live/main.tf", R"(
module "worker" { source = "../modules/worker" }
)");
  tree.write("modules/worker/main.tf", R"(
resource "aws_iam_role" "this" {
  name = "worker"
  tags = { service = "jobs" }
}
resource "aws_iam_role_policy" "this" {
  role   = aws_iam_role.this.id
  policy = "{}"
}
)");
  const auto ws = load(tree.root());
  EXPECT_EQ(service(ws, "live:module.worker.aws_iam_role.this"), "jobs");
  EXPECT_EQ(service(ws, "live:module.worker.aws_iam_role_policy.this"), "worker");
}

}  // namespace
}  // namespace blastgraph::testing
