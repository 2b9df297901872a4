// Coverage counts resources of types blastgraph has no rules for, by type.

#include <gtest/gtest.h>

#include <map>

#include "analyzer_test_support.hpp"
#include "classify/support.hpp"

namespace blastgraph::testing {
namespace {

TEST(Coverage, CountsCustomKindsAndUnknownProvidersByType) {
  TempTree tree;
  tree.write("k8s/app.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: web:1}]}
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: web-tls, namespace: shop}
spec: {secretName: web-tls}
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: api-tls, namespace: shop}
spec: {secretName: api-tls}
)");
  tree.write("tf/main.tf", R"(
resource "aws_s3_bucket" "logs" { bucket = "logs" }
resource "datadog_monitor" "cpu" { name = "cpu" }
data "aws_caller_identity" "me" {}
)");
  const auto workspace = load(tree.root());
  const std::map<std::string, std::size_t> expected{{"Certificate", 2}, {"datadog_monitor", 1}};
  EXPECT_EQ(workspace.coverage.unsupported_types, expected);
}

TEST(Coverage, SupportRules) {
  using analyzer::is_supported_kind;
  using analyzer::is_supported_terraform_type;
  EXPECT_TRUE(is_supported_kind("Deployment"));
  EXPECT_TRUE(is_supported_kind("VolumeAttachment"));
  EXPECT_TRUE(is_supported_kind("ConfigMap"));
  EXPECT_FALSE(is_supported_kind("Certificate"));
  EXPECT_FALSE(is_supported_kind("deployment"));
  EXPECT_TRUE(is_supported_terraform_type("aws_iam_role"));
  EXPECT_TRUE(is_supported_terraform_type("data.google_project"));
  EXPECT_TRUE(is_supported_terraform_type("random_id"));
  EXPECT_FALSE(is_supported_terraform_type("datadog_monitor"));
  EXPECT_FALSE(is_supported_terraform_type("awsx_thing"));
}

TEST(Coverage, ValuesAndModulesAreNeverUnsupported) {
  graph::Node node;
  node.domain = graph::Domain::terraform;
  node.type = "datadog_monitor";
  node.role = graph::Role::value;
  EXPECT_FALSE(analyzer::is_unsupported_resource(node));
  node.role = graph::Role::resource;
  EXPECT_TRUE(analyzer::is_unsupported_resource(node));
}

TEST(Coverage, AConstructOverTheParseBudgetLeavesItsFileUnparsedAndTheTreeAnalyzed) {
  TempTree tree;
  std::string hosts = "locals {\n  hosts = [";
  for (int i = 0; i < 120'000; ++i) hosts += "\"h" + std::to_string(i) + "\", ";
  hosts += "]\n}\nresource \"aws_sqs_queue\" \"q\" {}\n";
  tree.write("tf/hosts.tf", hosts);
  tree.write("tf/main.tf", "resource \"aws_s3_bucket\" \"logs\" { bucket = \"logs\" }\n");
  const auto workspace = load(tree.root());
  ASSERT_EQ(workspace.coverage.unread_files.size(), 1U);
  EXPECT_EQ(workspace.coverage.unread_files[0].file, "tf/hosts.tf");
  EXPECT_EQ(workspace.coverage.unread_files[0].problem, analyzer::ReadProblem::unparsed);
  EXPECT_NE(workspace.graph.find("tf:aws_s3_bucket.logs"), graph::k_no_node);
  EXPECT_NE(workspace.graph.find("tf:aws_sqs_queue.q"), graph::k_no_node);
}

}  // namespace
}  // namespace blastgraph::testing
