// Valid Terraform as public modules write it (fixtures/terraform-forms): each form reads
// without a warning or an error and makes the edges Terraform's own graph has.
#include <gtest/gtest.h>

#include <algorithm>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/change_sources.hpp"

namespace blastgraph::testing {
namespace {

std::filesystem::path forms(const char* name) {
  return fixtures_dir() / "terraform-forms" / name;
}

// Every diagnostic of `severity` or worse, formatted, for a readable failure.
std::vector<std::string> at_least(const analyzer::Workspace& ws, Severity severity) {
  std::vector<std::string> out;
  for (const auto& d : ws.diagnostics) {
    if (d.severity >= severity) out.push_back(format_diagnostic(d));
  }
  return out;
}

TEST(TerraformForms, ResourcePrefixIsAManagedResource) {
  const auto ws = load(forms("resource-prefix"));
  EXPECT_EQ(at_least(ws, Severity::warning), std::vector<std::string>{});
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, ".:aws_security_group.client", ".:aws_vpc.main"), "reference");
  EXPECT_EQ(edge_kind(g, ".:aws_vpc_endpoint.client", ".:aws_security_group.client"), "reference");
  const auto evidence =
      edge_evidence(g, ".:aws_vpc_endpoint.client", ".:aws_security_group.client");
  ASSERT_TRUE(evidence.has_value());
  EXPECT_EQ(evidence->file, "main.tf");
  EXPECT_EQ(evidence->line, 11U);
  EXPECT_EQ(evidence->attribute, "security_group_ids");
}

TEST(TerraformForms, ProvidersWithoutABlockAreImpliedDefaults) {
  const auto ws = load(forms("implied-providers"));
  EXPECT_EQ(at_least(ws, Severity::warning), std::vector<std::string>{});
  // No provider block: nothing to depend on, and no provider node is invented.
  EXPECT_EQ(ws.graph.find(".:provider.google-beta"), graph::k_no_node);
  EXPECT_EQ(edge_kind(ws.graph, ".:module.project.var.project", ".:var.project"), "module_input");
}

TEST(TerraformForms, UndeclaredAliasedProviderIsStillReported) {
  TempTree tree;
  tree.write("main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  provider = aws.west\n}\n");
  const auto ws = load(tree.root());
  ASSERT_EQ(ws.diagnostics.size(), 1U);
  EXPECT_EQ(ws.diagnostics[0].code, "tf-unresolved-reference");
  EXPECT_NE(ws.diagnostics[0].message.find("provider.aws.west"), std::string::npos);
}

TEST(TerraformForms, AliasesAModuleExpectsFromItsCallerAreNotUnresolved) {
  TempTree tree;
  tree.write("replica/main.tf", R"(terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.replica]
    }
  }
}
resource "aws_s3_bucket" "copy" {
  provider = aws.replica
}
)");
  // Read on its own (a registry module's repository), the caller is not here.
  EXPECT_EQ(at_least(load(tree.root() / "replica"), Severity::warning), std::vector<std::string>{});
  // Called without passing the configuration, Terraform rejects it: still reported.
  tree.write("main.tf", "module \"replica\" {\n  source = \"./replica\"\n}\n");
  const auto ws = load(tree.root());
  ASSERT_EQ(ws.diagnostics.size(), 1U);
  EXPECT_EQ(ws.diagnostics[0].code, "tf-unresolved-reference");
}

TEST(TerraformForms, QuotedDependsOnIsReadWithANote) {
  const auto ws = load(forms("quoted-depends-on"));
  EXPECT_EQ(at_least(ws, Severity::warning), std::vector<std::string>{});
  EXPECT_EQ(edge_kind(ws.graph, ".:helm_release.ingress", ".:google_container_cluster.primary"),
            "depends_on");
  EXPECT_EQ(diagnostic_codes(ws), std::vector<std::string>{"tf-quoted-reference"});
  EXPECT_TRUE(reached_ids(ws.graph, {".:google_container_cluster.primary"})
                  .contains(".:helm_release.ingress"));
}

TEST(TerraformForms, EphemeralResourcesAreNodesThatCarryReach) {
  const auto ws = load(forms("ephemeral"));
  EXPECT_EQ(at_least(ws, Severity::note), std::vector<std::string>{});
  const auto& g = ws.graph;
  const auto password = g.find(".:ephemeral.random_password.db");
  ASSERT_NE(password, graph::k_no_node);
  EXPECT_EQ(g.node(password).type, "ephemeral.random_password");
  EXPECT_EQ(g.node(password).role, graph::Role::value);
  EXPECT_EQ(edge_kind(g, ".:aws_db_instance.main", ".:ephemeral.random_password.db"), "reference");
  EXPECT_EQ(edge_kind(g, ".:provider.restful", ".:ephemeral.google_client_config.default"),
            "reference");
  // A change to the token source reaches what the provider manages.
  EXPECT_TRUE(reached_ids(g, {".:ephemeral.google_client_config.default"})
                  .contains(".:restful_resource.feed"));
}

TEST(TerraformForms, ModernBlocksAreModelledNotReported) {
  const auto ws = load(forms("modern-blocks"));
  EXPECT_EQ(at_least(ws, Severity::note), std::vector<std::string>{});
  const auto& g = ws.graph;
  // removed, import and moved name addresses; they are not nodes of the graph.
  for (const auto& node : g.nodes()) {
    EXPECT_FALSE(node.id.ends_with(":removed") || node.id.ends_with(":import") ||
                 node.id.ends_with(":moved"))
        << node.id;
  }
  EXPECT_EQ(edge_kind(g, ".:aws_s3_bucket.this", ".:var.buckets"), "meta_argument");
  EXPECT_EQ(edge_kind(g, ".:check.assets_reachable", ".:aws_s3_bucket.this"), "reference");
}

TEST(TerraformForms, OverrideFilesMergeIntoTheBlocksTheyOverride) {
  const auto ws = load(forms("override-files"));
  const auto& g = ws.graph;
  // One node per address, declared where the primary block is.
  const auto api = g.find(".:aws_security_group.api");
  ASSERT_NE(api, graph::k_no_node);
  EXPECT_EQ(g.node(api).span.file, "main.tf");
  EXPECT_EQ(g.node(api).span.first_line, 1U);
  // vpc_id and the ingress blocks are replaced: the edges come from the merged body.
  EXPECT_EQ(edge_kind(g, ".:aws_security_group.api", ".:aws_vpc.shared"), "reference");
  EXPECT_EQ(edge_kind(g, ".:aws_security_group.api", ".:aws_vpc.main"), "");
  EXPECT_EQ(edge_kind(g, ".:aws_security_group.api", ".:aws_security_group.peer"), "reference");
  const auto evidence = edge_evidence(g, ".:aws_security_group.api", ".:aws_vpc.shared");
  ASSERT_TRUE(evidence.has_value());
  EXPECT_EQ(evidence->file, "override.tf");
  EXPECT_EQ(evidence->line, 3U);
  // An override of a block declared in another primary file merges too.
  EXPECT_EQ(edge_kind(g, ".:aws_security_group.peer", ".:aws_vpc.main"), "reference");
  // Never a duplicate; an override with nothing to override is Terraform's error.
  std::vector<std::string> expected{
      "region_override.tf:5:1: error: override of aws_s3_bucket.missing has no block to "
      "override in . (an override file only changes blocks declared in the directory's other "
      "files) [tf-override-without-base]"};
  EXPECT_EQ(at_least(ws, Severity::note), expected);
  EXPECT_EQ(g.find(".:aws_s3_bucket.missing"), graph::k_no_node);
  // A default provider configuration is implied: its override is that configuration.
  EXPECT_EQ(edge_kind(g, ".:provider.aws", ".:local.region"), "reference");
  EXPECT_EQ(edge_kind(g, ".:aws_vpc.main", ".:provider.aws"), "provider");
}

TEST(TerraformForms, ADiffOfAnOverrideFileChangesTheNodeItMergesInto) {
  const auto ws = load(forms("override-files"));
  const std::string diff =
      "--- a/override.tf\n+++ b/override.tf\n@@ -3,1 +3,1 @@\n"
      "-  vpc_id = aws_vpc.main.id\n+  vpc_id = aws_vpc.shared.id\n";
  const auto found = analyzer::diff_changes(ws, diff, "change.diff", {});
  ASSERT_EQ(found.changes.size(), 1U);
  EXPECT_EQ(found.changes[0].id, ".:aws_security_group.api");
  EXPECT_EQ(found.changes[0].action, analyzer::ChangeAction::update);
  EXPECT_TRUE(found.unmapped.empty());
}

TEST(TerraformForms, JsonSyntaxReadsAsTheNativeSyntaxItStandsFor) {
  const auto ws = load(forms("json-syntax"));
  EXPECT_EQ(at_least(ws, Severity::note), std::vector<std::string>{});
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, ".:aws_vpc.main", ".:var.cidr"), "reference");
  EXPECT_EQ(edge_kind(g, ".:aws_vpc.main", ".:local.name"), "reference");
  EXPECT_EQ(edge_kind(g, ".:local.name", ".:var.cidr"), "reference");
  EXPECT_EQ(edge_kind(g, ".:aws_subnet.a", ".:aws_vpc.main"), "reference");
  EXPECT_EQ(edge_kind(g, ".:output.subnet", ".:aws_subnet.a"), "reference");
  EXPECT_EQ(edge_kind(g, ".:module.dns.var.zone_vpc", ".:aws_vpc.main"), "module_input");
  EXPECT_TRUE(reached_ids(g, {".:aws_vpc.main"}).contains(".:module.dns.aws_route53_zone.private"));
  // Positions are the JSON file's: the argument's key.
  const auto vpc = g.node(g.find(".:aws_vpc.main"));
  EXPECT_EQ(vpc.span.file, "main.tf.json");
  EXPECT_EQ(vpc.span.first_line, 11U);
  EXPECT_EQ(vpc.service, "network");
  const auto evidence = edge_evidence(g, ".:aws_subnet.a", ".:aws_vpc.main");
  ASSERT_TRUE(evidence.has_value());
  EXPECT_EQ(evidence->file, "main.tf.json");
  EXPECT_EQ(evidence->line, 18U);
  EXPECT_EQ(evidence->attribute, "vpc_id");
  // The override replaced cidr_block: the subnet no longer reads var.cidr.
  EXPECT_EQ(edge_kind(g, ".:aws_subnet.a", ".:var.cidr"), "");
}

}  // namespace
}  // namespace blastgraph::testing
