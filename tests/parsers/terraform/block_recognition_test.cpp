// Block recognition: one configuration with every block kind, checked field by field.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "blastgraph/parsers/terraform.hpp"
#include "render.hpp"

namespace blastgraph::terraform {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

// Line numbers are referred to by the assertions below.
constexpr std::string_view k_every_kind = R"tf(terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

variable "region" {
  type    = string
  default = "us-east-1"
}

locals {
  name = "app-${var.region}"
  port = 8080

  enabled = true
}

resource "aws_instance" "web" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"
  count         = 2
  provider      = aws.west
  tags = {
    Name          = "web"
    service       = local.name
    "cost-center" = 42
  }
}

data "aws_ami" "ubuntu" {
  most_recent = true
}

module "network" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"
  providers = {
    aws = aws.west
  }
  cidr = "10.0.0.0/16"
}

output "ip" {
  value     = aws_instance.web[0].private_ip
  sensitive = true
}

moved {
  from = aws_instance.old
  to   = aws_instance.web[0]
}

import {
  to = aws_s3_bucket.logs
  id = "my-logs-bucket"
}

check "health" {
  assert {
    condition     = true
    error_message = "never"
  }
}

resource "google_compute_instance" "vm" {
  labels = {
    team = "infra"
  }
}

frobnicate "x" {
}
)tf";

class BlockRecognition : public ::testing::Test {
 protected:
  const File m_file = parse_file("envs/prod/main.tf", k_every_kind);

  const Block& block(std::string_view address) const {
    for (const Block& b : m_file.blocks) {
      if (b.address == address) return b;
    }
    ADD_FAILURE() << "no block " << address;
    static const Block k_none;
    return k_none;
  }
};

TEST_F(BlockRecognition, FindsEveryBlockInSourceOrderWithItsKind) {
  std::vector<std::pair<std::string, std::string_view>> found;
  for (const Block& b : m_file.blocks) found.emplace_back(b.address, to_string(b.kind));
  EXPECT_THAT(
      found,
      ElementsAre(Pair("terraform", "terraform"), Pair("provider.aws", "provider"),
                  Pair("provider.aws.west", "provider"), Pair("var.region", "variable"),
                  Pair("local.name", "local"), Pair("local.port", "local"),
                  Pair("local.enabled", "local"), Pair("aws_instance.web", "resource"),
                  Pair("data.aws_ami.ubuntu", "data"), Pair("module.network", "module"),
                  Pair("output.ip", "output"), Pair("moved", "moved"), Pair("import", "import"),
                  Pair("check.health", "check"), Pair("google_compute_instance.vm", "resource"),
                  Pair("frobnicate.x", "unknown")));
}

TEST_F(BlockRecognition, ReportsOnlyTheUnknownBlockType) {
  ASSERT_EQ(m_file.diagnostics.size(), 1U);
  EXPECT_EQ(format_diagnostic(m_file.diagnostics[0]),
            "envs/prod/main.tf:82:1: warning: unknown block type 'frobnicate' [hcl-unknown-block]");
}

TEST_F(BlockRecognition, SpansCoverFirstAndLastLine) {
  const auto span = [&](std::string_view address) {
    const SourceSpan& s = block(address).span;
    return std::pair(s.first_line, s.last_line);
  };
  EXPECT_EQ(span("terraform"), std::pair(1U, 6U));
  EXPECT_EQ(span("provider.aws.west"), std::pair(12U, 15U));
  EXPECT_EQ(span("aws_instance.web"), std::pair(29U, 39U));
  EXPECT_EQ(span("module.network"), std::pair(45U, 52U));
  EXPECT_EQ(span("frobnicate.x"), std::pair(82U, 83U));
  EXPECT_EQ(block("aws_instance.web").span.file, "envs/prod/main.tf");
}

TEST_F(BlockRecognition, SplitsLocalsIntoOneBlockPerEntry) {
  const Block& name = block("local.name");
  EXPECT_EQ(name.name, "name");
  EXPECT_EQ(name.span.first_line, 23U);
  EXPECT_EQ(name.span.last_line, 23U);
  ASSERT_EQ(name.references.size(), 1U);
  EXPECT_EQ(name.references[0].subject, "var.region");
  EXPECT_EQ(name.attributes.at("name").expression, "\"app-${var.region}\"");
  EXPECT_FALSE(name.attributes.at("name").literal.has_value());
  EXPECT_EQ(block("local.port").attributes.at("port").literal, "8080");
  EXPECT_EQ(block("local.enabled").span.first_line, 26U);
  EXPECT_TRUE(block("local.enabled").references.empty());
}

TEST_F(BlockRecognition, NamesProvidersByTypeAndAlias) {
  EXPECT_EQ(block("provider.aws").type, "aws");
  EXPECT_EQ(block("provider.aws").name, "");
  EXPECT_EQ(block("provider.aws.west").type, "aws");
  EXPECT_EQ(block("provider.aws.west").name, "west");
  EXPECT_EQ(block("aws_instance.web").provider, "aws.west");
}

TEST_F(BlockRecognition, ReadsResourceAndDataNames) {
  const Block& web = block("aws_instance.web");
  EXPECT_EQ(web.type, "aws_instance");
  EXPECT_EQ(web.name, "web");
  EXPECT_EQ(block("data.aws_ami.ubuntu").type, "aws_ami");
  EXPECT_EQ(block("data.aws_ami.ubuntu").name, "ubuntu");
  EXPECT_EQ(block("check.health").name, "health");
  EXPECT_EQ(block("frobnicate.x").type, "frobnicate");
}

TEST_F(BlockRecognition, ReadsMovedAndImportAddressesWithoutReferences) {
  const Block& moved = block("moved");
  EXPECT_EQ(moved.moved_from, "aws_instance.old");
  EXPECT_EQ(moved.moved_to, "aws_instance.web[0]");
  EXPECT_TRUE(moved.references.empty());
  const Block& imported = block("import");
  EXPECT_EQ(imported.moved_to, "aws_s3_bucket.logs");
  EXPECT_EQ(imported.moved_from, "my-logs-bucket");
  EXPECT_TRUE(imported.references.empty());
}

TEST_F(BlockRecognition, ReadsModuleSourceVersionAndProviders) {
  const Block& network = block("module.network");
  EXPECT_EQ(network.source, "terraform-aws-modules/vpc/aws");
  EXPECT_EQ(network.version, "5.1.0");
  EXPECT_THAT(network.providers, ElementsAre(Pair("aws", "aws.west")));
  ASSERT_EQ(network.references.size(), 1U);
  EXPECT_EQ(network.references[0].subject, "provider.aws.west");
  EXPECT_EQ(network.references[0].context, ReferenceContext::provider);
}

TEST_F(BlockRecognition, ReadsTagsAndLabelsMaps) {
  const Block& web = block("aws_instance.web");
  ASSERT_EQ(web.tags.size(), 3U);
  EXPECT_EQ(web.tags.at("Name").literal, "web");
  EXPECT_EQ(web.tags.at("service").expression, "local.name");
  EXPECT_FALSE(web.tags.at("service").literal.has_value());
  EXPECT_EQ(web.tags.at("cost-center").literal, "42");
  EXPECT_EQ(web.tags.at("cost-center").position, (SourcePosition{37, 21}));
  EXPECT_EQ(block("google_compute_instance.vm").tags.at("team").literal, "infra");
}

TEST_F(BlockRecognition, KeepsEveryTopLevelAttributeAsLiteralOrExpression) {
  const Block& web = block("aws_instance.web");
  EXPECT_EQ(web.attributes.size(), 5U);
  EXPECT_EQ(web.attributes.at("instance_type").literal, "t3.micro");
  EXPECT_EQ(web.attributes.at("instance_type").expression, "\"t3.micro\"");
  EXPECT_EQ(web.attributes.at("instance_type").position, (SourcePosition{31, 19}));
  EXPECT_EQ(web.attributes.at("count").literal, "2");
  EXPECT_EQ(web.attributes.at("ami").expression, "data.aws_ami.ubuntu.id");
  EXPECT_FALSE(web.attributes.at("ami").literal.has_value());
  EXPECT_EQ(web.attributes.at("provider").expression, "aws.west");
  EXPECT_EQ(block("output.ip").attributes.at("sensitive").literal, "true");
  EXPECT_EQ(block("var.region").attributes.at("type").expression, "string");
  EXPECT_FALSE(block("var.region").attributes.at("type").literal.has_value());
  // Nested blocks are not attributes.
  EXPECT_EQ(block("terraform").attributes.size(), 1U);
}

TEST_F(BlockRecognition, OutputIsDeterministic) {
  const File again = parse_file("envs/prod/main.tf", k_every_kind);
  EXPECT_EQ(testing::render_references(again), testing::render_references(m_file));
  ASSERT_EQ(again.blocks.size(), m_file.blocks.size());
  for (std::size_t i = 0; i < again.blocks.size(); ++i) {
    EXPECT_EQ(again.blocks[i].normalized_text, m_file.blocks[i].normalized_text);
  }
}

TEST(BlockLabels, RemovedAndEphemeralBlocksAreModelled) {
  const File file = parse_file("a.tf", R"tf(removed {
  from = aws_instance.gone
  lifecycle {
    destroy = false
  }
}

ephemeral "random_password" "db" {
  length = 24
}
)tf");
  ASSERT_EQ(file.blocks.size(), 2U);
  EXPECT_EQ(file.blocks[0].kind, BlockKind::removed);
  EXPECT_EQ(file.blocks[0].address, "removed");
  EXPECT_EQ(file.blocks[1].kind, BlockKind::ephemeral);
  EXPECT_EQ(file.blocks[1].type, "random_password");
  EXPECT_EQ(file.blocks[1].address, "ephemeral.random_password.db");
  EXPECT_TRUE(file.diagnostics.empty());
}

TEST(BlockLabels, NewerUnmodelledBlockIsANoteNotAWarning) {
  const File file =
      parse_file("a.tf", "action \"aws_lambda_invoke\" \"notify\" {\n  config {}\n}\n");
  ASSERT_EQ(file.blocks.size(), 1U);
  EXPECT_EQ(file.blocks[0].kind, BlockKind::unknown);
  ASSERT_EQ(file.diagnostics.size(), 1U);
  EXPECT_EQ(file.diagnostics[0].severity, Severity::note);
  EXPECT_EQ(file.diagnostics[0].code, "hcl-unsupported-block");
}

TEST(BlockLabels, IdentifierLabelsAreAcceptedLikeStrings) {
  const File file = parse_file("a.tf", "resource aws_instance web {\n}\n");
  ASSERT_EQ(file.blocks.size(), 1U);
  EXPECT_EQ(file.blocks[0].address, "aws_instance.web");
}

TEST(BlockLabels, EscapesInStringsAreResolved) {
  const File file = parse_file("a.tf", "locals {\n  s = \"a\\\"b\\n$${x}\"\n}\n");
  ASSERT_EQ(file.blocks.size(), 1U);
  EXPECT_EQ(file.blocks[0].attributes.at("s").literal, "a\"b\n${x}");
}

TEST(Literals, HeredocWithoutInterpolationIsALiteral) {
  const File file = parse_file("a.tf", R"tf(locals {
  plain = <<EOT
{"a": "b\n"}
  kept $${x}
EOT
  indented = <<-EOT
    first
      second
  EOT
  templated = <<EOT
${var.x}
EOT
}
)tf");
  ASSERT_EQ(file.blocks.size(), 3U);
  EXPECT_EQ(file.blocks[0].attributes.at("plain").literal, "{\"a\": \"b\\n\"}\n  kept ${x}\n");
  EXPECT_EQ(file.blocks[1].attributes.at("indented").literal, "first\n  second\n");
  EXPECT_FALSE(file.blocks[2].attributes.at("templated").literal.has_value());
}

TEST(MetaArguments, TerraformBlockMakesNoReferences) {
  const File file = parse_file("a.tf", R"tf(terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.west]
    }
  }
}
)tf");
  ASSERT_EQ(file.blocks.size(), 1U);
  EXPECT_TRUE(file.blocks[0].references.empty());
  EXPECT_EQ(file.blocks[0].configuration_aliases, std::vector<std::string>{"aws.west"});
}

TEST(MetaArguments, RemovedFromIsAnAddressNotAReference) {
  const File file = parse_file("a.tf", "removed {\n  from = aws_instance.gone\n}\n");
  ASSERT_EQ(file.blocks.size(), 1U);
  EXPECT_EQ(file.blocks[0].moved_from, "aws_instance.gone");
  EXPECT_TRUE(file.blocks[0].references.empty());
}

TEST(MetaArguments, ScopedDataSourceInACheckMayNameItsProvider) {
  const File file = parse_file("a.tf", R"tf(check "c" {
  data "http" "h" {
    provider = http.probe
    url      = var.url
  }
}
)tf");
  ASSERT_EQ(file.blocks.size(), 1U);
  EXPECT_TRUE(file.diagnostics.empty());
  ASSERT_EQ(file.blocks[0].references.size(), 2U);
  EXPECT_EQ(file.blocks[0].references[0].subject, "provider.http.probe");
  EXPECT_EQ(file.blocks[0].references[0].attribute, "data.provider");
  EXPECT_EQ(file.blocks[0].references[0].context, ReferenceContext::provider);
  EXPECT_EQ(file.blocks[0].references[1].subject, "var.url");
  EXPECT_EQ(file.blocks[0].provider, "");
}

TEST(MetaArguments, ProviderArgumentThatIsNotAnAddressIsReported) {
  const File file = parse_file("a.tf", "resource \"a\" \"b\" {\n  provider = var.p\n}\n");
  ASSERT_EQ(file.diagnostics.size(), 1U);
  EXPECT_EQ(file.diagnostics[0].code, "hcl-provider-reference");
  EXPECT_EQ(file.blocks.at(0).provider, "");
}

TEST(MetaArguments, DuplicateArgumentIsReported) {
  const File file = parse_file("a.tf", "resource \"a\" \"b\" {\n  x = 1\n  x = 2\n}\n");
  ASSERT_EQ(file.diagnostics.size(), 1U);
  EXPECT_EQ(format_diagnostic(file.diagnostics[0]),
            "a.tf:3:3: error: argument 'x' is set more than once [hcl-duplicate-attribute]");
  EXPECT_EQ(file.blocks.at(0).attributes.at("x").literal, "1");
}

}  // namespace
}  // namespace blastgraph::terraform
