// normalized_text: reformatting and comment edits do not change it; semantic edits do.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "blastgraph/parsers/terraform.hpp"

namespace blastgraph::terraform {
namespace {

constexpr std::string_view k_original = R"tf(resource "aws_instance" "web" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"
  tags = {
    Name = "web ${var.env}"
    Team = "infra"
  }
  user_data = <<-EOT
    echo  two  spaces
  EOT
  ingress {
    ports = [80, 443]
  }
}
)tf";

// Same configuration: other alignment, line breaks, and all three comment styles.
constexpr std::string_view k_reformatted = R"tf(# leading comment
resource "aws_instance" "web" { // trailing comment
  ami = data.aws_ami.ubuntu.id   # why this AMI
  /* block
     comment */
  instance_type =     "t3.micro"
  tags = { Name = "web ${var.env}", Team = "infra", }
  user_data = <<-EOT
    echo  two  spaces
  EOT

  ingress { ports = [
      80,
      443,  # https
    ]
  }
}
)tf";

std::string normalized(std::string_view text) {
  const File file = parse_file("main.tf", text);
  EXPECT_TRUE(file.diagnostics.empty()) << text;
  return file.blocks.empty() ? std::string() : file.blocks.front().normalized_text;
}

std::string edited(std::string_view from, std::string_view to) {
  std::string text(k_original);
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return normalized(text);
}

TEST(NormalizedText, IsTheTokensJoinedBySingleSpaces) {
  EXPECT_EQ(normalized("resource \"a\" \"b\" {\n  x    =  [1,2] # c\n}\n"),
            "resource \"a\" \"b\" { x = [ 1 , 2 ] }");
}

TEST(NormalizedText, IgnoresFormattingAndComments) {
  const std::string original = normalized(k_original);
  ASSERT_FALSE(original.empty());
  EXPECT_EQ(normalized(k_reformatted), original);
}

TEST(NormalizedText, OptionalCommasDoNotMatter) {
  EXPECT_EQ(edited("[80, 443]", "[80, 443,]"), normalized(k_original));
  EXPECT_EQ(normalized("locals {\n  o = { a = 1, b = f(2, 3,), }\n}\n"),
            normalized("locals {\n  o = {\n    a = 1\n    b = f(2, 3)\n  }\n}\n"));
  // Between tuple elements a comma is required and keeps `[a, -b]` apart from `[a - b]`.
  EXPECT_NE(normalized("locals {\n  t = [var.a, -var.b]\n}\n"),
            normalized("locals {\n  t = [var.a - var.b]\n}\n"));
}

TEST(NormalizedText, ChangesWithAValue) {
  const std::string original = normalized(k_original);
  EXPECT_NE(edited("\"t3.micro\"", "\"t3.large\""), original);
  EXPECT_NE(edited("ubuntu.id", "ubuntu.arn"), original);
  EXPECT_NE(edited("[80, 443]", "[80, 8443]"), original);
}

TEST(NormalizedText, ChangesWithAnAttributeOrBlockName) {
  const std::string original = normalized(k_original);
  EXPECT_NE(edited("instance_type", "instance_class"), original);
  EXPECT_NE(edited("ingress {", "egress {"), original);
  EXPECT_NE(edited("\"web\" {", "\"api\" {"), original);
}

TEST(NormalizedText, KeepsStringAndHeredocContentVerbatim) {
  const std::string original = normalized(k_original);
  EXPECT_NE(edited("\"web ${var.env}\"", "\"web  ${var.env}\""), original);
  EXPECT_NE(edited("echo  two  spaces", "echo two spaces"), original);
  EXPECT_NE(edited("echo  two  spaces", "echo  two  spaces # now a comment?"), original);
}

TEST(NormalizedText, LocalsAreNormalizedPerEntry) {
  const File a = parse_file("l.tf", "locals {\n  a = 1\n  b = var.x\n}\n");
  const File b = parse_file("l.tf", "locals {\n  # note\n  a = 2\n\n  b   =   var.x\n}\n");
  ASSERT_EQ(a.blocks.size(), 2U);
  ASSERT_EQ(b.blocks.size(), 2U);
  EXPECT_EQ(a.blocks[0].normalized_text, "a = 1");
  EXPECT_NE(a.blocks[0].normalized_text, b.blocks[0].normalized_text);
  EXPECT_EQ(a.blocks[1].normalized_text, b.blocks[1].normalized_text);
}

}  // namespace
}  // namespace blastgraph::terraform
