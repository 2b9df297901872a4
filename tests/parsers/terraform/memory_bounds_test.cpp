// A file is parsed in top-level pieces of a bounded number of tokens, so no parse holds more
// than ~100 MB of tree: what is read must not depend on where the pieces are cut, and one
// construct over the budget is reported and skipped while the rest of the file is read.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "blastgraph/parsers/terraform.hpp"

namespace blastgraph::terraform {
namespace {

// `count` resources of ~30 tokens each, each referencing the previous one: ~300k tokens for
// 10,000, more than one parse may hold.
std::string many_blocks(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    const auto n = std::to_string(i);
    text += "resource \"aws_sqs_queue\" \"q" + n + "\" {\n";
    text += "  name   = \"queue-${var.env}-" + n + "\"\n";
    text += "  policy = <<-EOT\n    {\"Resource\": \"arn:aws:sqs:*:*:q" + n + "\"}\n  EOT\n";
    if (i > 0) text += "  tags = { previous = aws_sqs_queue.q" + std::to_string(i - 1) + ".arn }\n";
    text += "}\n\n";
  }
  return text;
}

std::size_t count_code(const File& file, std::string_view code) {
  return static_cast<std::size_t>(
      std::count_if(file.diagnostics.begin(), file.diagnostics.end(),
                    [&](const Diagnostic& d) { return d.code == code; }));
}

TEST(MemoryBounds, AFileOverTheBudgetIsReadWhole) {
  constexpr std::size_t k_blocks = 10'000;
  const File file = parse_file("queues.tf", many_blocks(k_blocks));
  EXPECT_TRUE(file.diagnostics.empty()) << file.diagnostics.front().message;
  ASSERT_EQ(file.blocks.size(), k_blocks);
  for (std::size_t i = 0; i < k_blocks; ++i) {
    const Block& block = file.blocks[i];
    ASSERT_EQ(block.name, "q" + std::to_string(i));
    // Every block where the whole-file parse puts it: 8 lines each, 7 for the first.
    const std::uint32_t first_line = i == 0 ? 1 : static_cast<std::uint32_t>(8 + (i - 1) * 8);
    ASSERT_EQ(block.span.first_line, first_line) << block.name;
    const bool refers_back =
        std::any_of(block.references.begin(), block.references.end(), [&](const Reference& r) {
          return i > 0 && r.subject == "aws_sqs_queue.q" + std::to_string(i - 1);
        });
    ASSERT_EQ(refers_back, i > 0) << block.name;
  }
}

TEST(MemoryBounds, OneConstructOverTheBudgetIsReportedAndTheRestIsRead) {
  std::string list = "locals {\n  hosts = [";
  for (int i = 0; i < 120'000; ++i) list += "\"h" + std::to_string(i) + "\", ";
  list += "]\n}\n";
  const std::string text =
      "variable \"env\" {}\n" + list + "resource \"aws_sqs_queue\" \"after\" { name = var.env }\n";
  const File file = parse_file("hosts.tf", text);
  ASSERT_EQ(count_code(file, "hcl-too-many-tokens"), 1U);
  const auto& d = file.diagnostics.front();
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(d.position.line, 2U);
  EXPECT_EQ(d.position.column, 1U);
  EXPECT_NE(d.message.find("about 480007 tokens"), std::string::npos) << d.message;
  std::vector<std::string> names;
  for (const auto& block : file.blocks) names.push_back(block.name);
  EXPECT_EQ(names, (std::vector<std::string>{"env", "after"}));
  EXPECT_EQ(file.blocks.back().span.first_line, 5U);
}

TEST(MemoryBounds, InJsonSyntaxTheConstructIsReportedWhereTheJsonWritesIt) {
  std::string hosts;
  for (int i = 0; i < 120'000; ++i) hosts += (i == 0 ? "\"h" : ", \"h") + std::to_string(i) + "\"";
  const std::string text =
      "{\n  \"variable\": {\"env\": {}},\n  \"locals\": {\"hosts\": [" + hosts +
      "]},\n  \"resource\": {\"aws_sqs_queue\": {\"after\": {\"name\": \"q\"}}}\n}\n";
  const File file = parse_file("hosts.tf.json", text);
  ASSERT_EQ(count_code(file, "hcl-too-many-tokens"), 1U);
  for (const auto& d : file.diagnostics) {
    if (d.code == "hcl-too-many-tokens") {
      EXPECT_EQ(d.position.line, 3U);
    }
  }
  std::vector<std::string> names;
  for (const auto& block : file.blocks) names.push_back(block.name);
  EXPECT_EQ(names, (std::vector<std::string>{"env", "after"}));
}

TEST(MemoryBounds, ASyntaxErrorInOnePieceStaysInIt) {
  std::string text = many_blocks(10'000);
  text += "resource \"aws_sns_topic\" \"broken\" {\n  name = \n}\n";
  text += "resource \"aws_sns_topic\" \"fine\" { name = \"t\" }\n";
  const File file = parse_file("queues.tf", text);
  EXPECT_GE(count_code(file, "hcl-syntax"), 1U);
  // Every queue once (the recovery of the last piece does not read the earlier ones again),
  // and the block after the error.
  std::size_t queues = 0;
  for (const auto& block : file.blocks) queues += block.type == "aws_sqs_queue" ? 1U : 0U;
  EXPECT_EQ(queues, 10'000U);
  EXPECT_EQ(file.blocks.back().name, "fine");
}

}  // namespace
}  // namespace blastgraph::terraform
