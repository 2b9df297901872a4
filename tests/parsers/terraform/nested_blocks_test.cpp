// Nested blocks in the model: types, labels, arguments with their positions, children, spans,
// and dynamic blocks kept as written.

#include <gtest/gtest.h>

#include <string_view>

#include "blastgraph/parsers/terraform.hpp"

namespace blastgraph::terraform {
namespace {

constexpr std::string_view k_document = R"tf(data "aws_iam_policy_document" "x" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    sid     = "Read"
    actions = ["s3:GetObject", "s3:ListBucket"]
    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.app.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["shop"]
    }
  }
  dynamic "statement" {
    for_each = var.extra
    content {
      actions = statement.value
    }
  }
}
)tf";

TEST(NestedBlocks, StatementsPrincipalsAndConditionsAreKeptWithPositions) {
  const File file = parse_file("iam.tf", k_document);
  ASSERT_TRUE(file.diagnostics.empty());
  ASSERT_EQ(file.blocks.size(), 1U);
  const Block& block = file.blocks[0];
  EXPECT_TRUE(block.attributes.contains("source_policy_documents"));
  ASSERT_EQ(block.blocks.size(), 2U);

  const NestedBlock& statement = block.blocks[0];
  EXPECT_EQ(statement.type, "statement");
  EXPECT_TRUE(statement.labels.empty());
  EXPECT_EQ(statement.span.file, "iam.tf");
  EXPECT_EQ(statement.span.first_line, 3U);
  EXPECT_EQ(statement.span.last_line, 15U);
  EXPECT_EQ(statement.position, (SourcePosition{3, 3}));
  ASSERT_TRUE(statement.attributes.contains("sid"));
  EXPECT_EQ(statement.attributes.at("sid").literal, "Read");
  const Value& actions = statement.attributes.at("actions");
  EXPECT_EQ(actions.expression, R"(["s3:GetObject", "s3:ListBucket"])");
  EXPECT_EQ(actions.position, (SourcePosition{5, 15}));
  EXPECT_FALSE(actions.literal.has_value());

  ASSERT_EQ(statement.blocks.size(), 2U);
  const NestedBlock& principals = statement.blocks[0];
  EXPECT_EQ(principals.type, "principals");
  EXPECT_EQ(principals.attributes.at("type").literal, "AWS");
  EXPECT_EQ(principals.attributes.at("identifiers").expression, "[aws_iam_role.app.arn]");
  EXPECT_EQ(principals.span.first_line, 6U);
  const NestedBlock& condition = statement.blocks[1];
  EXPECT_EQ(condition.type, "condition");
  EXPECT_EQ(condition.attributes.at("variable").literal, "aws:PrincipalTag/team");
  EXPECT_EQ(condition.attributes.at("values").position.line, 13U);
}

TEST(NestedBlocks, DynamicBlockKeepsItsLabelArgumentsAndContent) {
  const File file = parse_file("iam.tf", k_document);
  const NestedBlock& dynamic = file.blocks.at(0).blocks.at(1);
  EXPECT_EQ(dynamic.type, "dynamic");
  ASSERT_EQ(dynamic.labels.size(), 1U);
  EXPECT_EQ(dynamic.labels[0], "statement");
  EXPECT_EQ(dynamic.attributes.at("for_each").expression, "var.extra");
  ASSERT_EQ(dynamic.blocks.size(), 1U);
  EXPECT_EQ(dynamic.blocks[0].type, "content");
  EXPECT_EQ(dynamic.blocks[0].attributes.at("actions").expression, "statement.value");
  // The references are unchanged by the model: the iterator is still no reference.
  for (const auto& ref : file.blocks[0].references) EXPECT_NE(ref.subject, "statement.value");
}

TEST(NestedBlocks, LabelledNestedBlocksAndDepth) {
  const File file = parse_file("main.tf", R"tf(resource "aws_iam_role" "r" {
  name = "r"
  inline_policy {
    name   = "inline"
    policy = "{}"
  }
  lifecycle { ignore_changes = [tags] }
}
check "health" {
  data "http" "ping" { url = "https://x" }
}
)tf");
  ASSERT_EQ(file.blocks.size(), 2U);
  const auto& role = file.blocks[0];
  ASSERT_EQ(role.blocks.size(), 2U);
  EXPECT_EQ(role.blocks[0].type, "inline_policy");
  EXPECT_EQ(role.blocks[0].attributes.at("policy").literal, "{}");
  EXPECT_EQ(role.blocks[1].type, "lifecycle");
  EXPECT_FALSE(role.attributes.contains("policy"));  // top-level attributes stay top-level
  const auto& check = file.blocks[1];
  ASSERT_EQ(check.blocks.size(), 1U);
  EXPECT_EQ(check.blocks[0].type, "data");
  EXPECT_EQ(check.blocks[0].labels, (std::vector<std::string>{"http", "ping"}));
}

TEST(NestedBlocks, SyntaxErrorInsideANestedBlockKeepsWhatWasRead) {
  const File file = parse_file("bad.tf", R"tf(data "aws_iam_policy_document" "x" {
  statement {
    actions = ["s3:GetObject"]
    resources = [
  }
  statement {
    actions = ["sqs:SendMessage"]
  }
}
)tf");
  EXPECT_FALSE(file.diagnostics.empty());
  for (const auto& block : file.blocks) {
    for (const auto& nested : block.blocks) EXPECT_FALSE(nested.type.empty());
  }
}

}  // namespace
}  // namespace blastgraph::terraform
