// Terraform's JSON syntax (.tf.json) read into the same model as the native syntax, with
// positions in the JSON file and broken JSON reported, never thrown.
#include <gtest/gtest.h>

#include "blastgraph/parsers/terraform.hpp"
#include "render.hpp"

namespace blastgraph::terraform {
namespace {

TEST(JsonSyntax, BlocksReferencesAndMetaArguments) {
  const File file = parse_file("main.tf.json", R"({
  "resource": {
    "aws_instance": {
      "web": [{
        "ami": "${data.aws_ami.ubuntu.id}",
        "count": "${var.n}",
        "provider": "aws.west",
        "depends_on": ["aws_iam_role.web", "module.net"],
        "tags": { "service": "web" },
        "dynamic": {
          "ebs_block_device": {
            "for_each": "${var.disks}",
            "content": { "volume_size": "${ebs_block_device.value.size}" }
          }
        }
      }]
    }
  },
  "moved": [{ "from": "aws_instance.old", "to": "aws_instance.web" }]
}
)");
  EXPECT_EQ(testing::render_references(file),
            "aws_instance.web\n"
            "  data.aws_ami.ubuntu ami 5:9 expression\n"
            "  var.n count 6:9 count\n"
            "  provider.aws.west provider 7:9 provider\n"
            "  aws_iam_role.web depends_on 8:9 depends_on\n"
            "  module.net depends_on 8:9 depends_on\n"
            "  var.disks ebs_block_device.for_each 12:13 expression\n"
            "moved\n");
  ASSERT_EQ(file.blocks.size(), 2U);
  EXPECT_EQ(file.blocks[0].provider, "aws.west");
  EXPECT_EQ(file.blocks[0].tags.at("service").literal, "web");
  EXPECT_EQ(file.blocks[0].span.first_line, 4U);
  EXPECT_EQ(file.blocks[1].moved_from, "aws_instance.old");
  EXPECT_EQ(file.blocks[1].moved_to, "aws_instance.web");
}

TEST(JsonSyntax, LocalsModulesAndComments) {
  const File file = parse_file("a.tf.json", R"({
  "//": "comment",
  "locals": { "name": "app-${var.env}", "//": "ignored" },
  "module": { "net": { "source": "./net", "cidr": "${local.name}" } }
})");
  ASSERT_EQ(file.blocks.size(), 2U);
  EXPECT_EQ(file.blocks[0].address, "local.name");
  EXPECT_EQ(file.blocks[0].span.first_line, 3U);
  EXPECT_EQ(file.blocks[1].address, "module.net");
  EXPECT_EQ(file.blocks[1].source, "./net");
  EXPECT_TRUE(file.diagnostics.empty());
}

TEST(JsonSyntax, BrokenJsonIsADiagnosticAndKeepsNothingInvented) {
  const File file =
      parse_file("a.tf.json", "{\"resource\": {\"aws_s3_bucket\": {\"b\": {\"bucket\": ");
  ASSERT_FALSE(file.diagnostics.empty());
  EXPECT_EQ(file.diagnostics.front().severity, Severity::error);
  EXPECT_EQ(file.diagnostics.front().code, "tf-json")
      << format_diagnostic(file.diagnostics.front());
  EXPECT_EQ(file.diagnostics.size(), 1U);
  // The block cut short is kept with what was read: nothing more.
  ASSERT_EQ(file.blocks.size(), 1U);
  EXPECT_EQ(file.blocks[0].address, "aws_s3_bucket.b");
  EXPECT_TRUE(file.blocks[0].attributes.empty());
  EXPECT_EQ(parse_file("b.tf.json", "[1, 2]").diagnostics.at(0).code, "tf-json-syntax");
  EXPECT_EQ(parse_file("c.tf.json", "{\"nonsense\": {}}").diagnostics.at(0).code,
            "hcl-unknown-block");
}

}  // namespace
}  // namespace blastgraph::terraform
