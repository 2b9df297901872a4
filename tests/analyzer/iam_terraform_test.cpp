// Policy documents written in Terraform, in every form, and the static evaluation they rely
// on: statements, positions, source/override merging, functions and symbolic notes.
#include <gtest/gtest.h>

#include <algorithm>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

std::vector<Diagnostic> with_code(const analyzer::Workspace& ws, const std::string& code) {
  std::vector<Diagnostic> out;
  for (const auto& d : ws.diagnostics) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

bool has_risk(const analyzer::Workspace& ws, const std::string& node, const std::string& kind,
              std::uint32_t line) {
  return std::any_of(ws.policy_risks.begin(), ws.policy_risks.end(), [&](const auto& r) {
    return r.node == node && r.kind == kind && r.position.line == line;
  });
}

TEST(IamTerraform, PolicyDocumentDataSourceStatementsHavePositionsAndRisks) {
  TempTree tree;
  tree.write("main.tf", R"(data "aws_iam_policy_document" "admin" {
  statement {
    sid       = "Everything"
    actions   = ["*"]
    resources = ["*"]
  }
  statement {
    effect      = "Allow"
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
}
resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = data.aws_iam_policy_document.admin.json
}
)");
  auto ws = load(tree.root());
  EXPECT_TRUE(has_risk(ws, ".:data.aws_iam_policy_document.admin", "full-admin", 2));
  EXPECT_TRUE(has_risk(ws, ".:data.aws_iam_policy_document.admin", "not-action-allow", 7));
  // The user of the document carries its risks too.
  EXPECT_TRUE(has_risk(ws, ".:aws_iam_policy.admin", "full-admin", 2));
}

TEST(IamTerraform, JsonencodeAndTemplatePoliciesAreReadWithTheirPositions) {
  TempTree tree;
  tree.write("main.tf", R"(variable "bucket" { default = "logs" }
resource "aws_iam_policy" "json" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}
resource "aws_iam_policy" "tmpl" {
  policy = <<-EOT
    {"Statement": [{"Effect": "Allow", "NotAction": "s3:*", "Resource": "arn:aws:s3:::${var.bucket}"}]}
  EOT
}
)");
  auto ws = load(tree.root());
  EXPECT_TRUE(has_risk(ws, ".:aws_iam_policy.json", "full-admin", 5));
  EXPECT_TRUE(has_risk(ws, ".:aws_iam_policy.tmpl", "not-action-allow", 14));
  EXPECT_TRUE(with_code(ws, "tf-symbolic-value").empty());
}

TEST(IamTerraform, JsonencodeProblemsPointIntoTheTerraformFile) {
  TempTree tree;
  tree.write("main.tf", R"(resource "aws_iam_policy" "bad" {
  policy = jsonencode({
    Statement = [{
      Action   = "s3:GetObject"
      Resource = "*"
    }]
  })
}
)");
  auto ws = load(tree.root());
  const auto missing = with_code(ws, "iam-missing-effect");
  ASSERT_EQ(missing.size(), 1U);
  EXPECT_EQ(missing[0].file, "main.tf");
  EXPECT_EQ(missing[0].position.line, 3U);
}

TEST(IamTerraform, RoleInlinePolicyBlocksReportProblemsAndRisksInTheTerraformFile) {
  TempTree tree;
  tree.write("main.tf", R"(resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = "{}"
  inline_policy {
    name   = "everything"
    policy = <<-EOT
      {"Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Action": "s3:GetObject", "Resource": "*"}
      ]}
    EOT
  }
  inline_policy {
    name   = "encoded"
    policy = jsonencode({ Statement = [{ Effect = "Allow", NotAction = "iam:*", Resource = "*" }] })
  }
}
)");
  auto ws = load(tree.root());
  EXPECT_TRUE(has_risk(ws, ".:aws_iam_role.app", "full-admin", 8));
  EXPECT_TRUE(has_risk(ws, ".:aws_iam_role.app", "not-action-allow", 15));
  const auto missing = with_code(ws, "iam-missing-effect");
  ASSERT_EQ(missing.size(), 1U);
  EXPECT_EQ(missing[0].file, "main.tf");
  EXPECT_EQ(missing[0].position.line, 9U);
}

TEST(IamTerraform, SourceAndOverrideDocumentsMergeBySid) {
  TempTree tree;
  tree.write("main.tf", R"(data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Shared"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "Kept"
    actions   = ["sqs:SendMessage"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "override" {
  statement {
    sid       = "Kept"
    actions   = ["*"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "merged" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [data.aws_iam_policy_document.override.json]
  statement {
    sid         = "Shared"
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
}
)");
  auto ws = load(tree.root());
  const std::string merged = ".:data.aws_iam_policy_document.merged";
  // The current document's "Shared" replaced the source's; the override's "Kept" (full
  // admin) replaced the source's "Kept".
  EXPECT_TRUE(has_risk(ws, merged, "not-action-allow", 23));
  EXPECT_TRUE(has_risk(ws, merged, "full-admin", 14));
  EXPECT_FALSE(has_risk(ws, ".:data.aws_iam_policy_document.base", "full-admin", 14));
}

TEST(IamTerraform, StaticFunctionsEvaluateAndUnknownsGetOneNoteEach) {
  TempTree tree;
  tree.write("main.tf", R"(variable "env" { default = "Prod" }
variable "unknown" {}
locals {
  names = { app = "shop" }
  base  = merge(local.names, { team = "core" })
}
resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Statement = [{
      Effect = "Allow"
      Action = "s3:GetObject"
      Resource = concat(
        [format("arn:aws:s3:::%s-%s", lower(var.env), lookup(local.base, "app", "x"))],
        [join("/", ["arn:aws:s3:::b", upper("k"), replace("a.b", ".", "-")])],
        [tostring(coalesce("", "arn:aws:s3:::c"))],
        ["arn:aws:s3:::${var.unknown}"],
      )
    }]
  })
}
resource "aws_s3_bucket" "a" { bucket = "prod-shop" }
resource "aws_s3_bucket" "c" { bucket = "c" }
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.r.name
  policy_arn = aws_iam_policy.p.arn
}
)");
  auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.r", ".:aws_s3_bucket.a"), "acts_on");
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.r", ".:aws_s3_bucket.c"), "acts_on");
  // The statement holds a symbolic value: its literal ARNs are not taken as external nodes.
  EXPECT_EQ(g.find("ext:arn:aws:s3:::b/K/a-b"), graph::k_no_node);
  const auto notes = with_code(ws, "tf-symbolic-value");
  ASSERT_EQ(notes.size(), 1U);  // only `var.unknown`, once
  EXPECT_EQ(notes[0].severity, Severity::note);
  EXPECT_EQ(notes[0].position.line, 16U);
  EXPECT_NE(notes[0].message.find("var.unknown"), std::string::npos);
}

TEST(IamTerraform, FilePolicyIsReadForGrants) {
  TempTree tree;
  tree.write("policies/read.json",
             R"({"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:*:*:jobs"}]})");
  tree.write("main.tf", R"(resource "aws_sqs_queue" "jobs" { name = "jobs" }
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy" "p" {
  role   = aws_iam_role.r.id
  policy = file("policies/read.json")
}
)");
  auto ws = load(tree.root());
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_role.r", ".:aws_sqs_queue.jobs"), "acts_on");
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_role_policy.p", "iam:policies/read.json"), "reference");
}

}  // namespace
}  // namespace blastgraph::testing
