// Terraform classes (README "Terraform classes"): one case per class, and the cases where the
// order of the table decides.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

const std::vector<std::pair<std::string, std::string>> k_classes = {
    {"aws_organizations_policy", "account"},
    {"aws_iam_account_password_policy", "account"},  // before iam_
    {"google_organization_iam_member", "account"},   // before _iam
    {"aws_cognito_user_pool", "auth"},
    {"aws_iam_openid_connect_provider", "auth"},  // before iam_
    {"aws_ssoadmin_permission_set", "auth"},
    {"aws_kms_key", "crypto"},
    {"aws_acmpca_certificate_authority", "crypto"},
    {"azurerm_key_vault", "crypto"},
    {"aws_secretsmanager_secret", "secrets"},
    {"google_secret_manager_secret", "secrets"},
    {"aws_ssm_parameter", "secrets"},
    {"aws_db_instance", "database"},  // before _instance
    {"google_sql_database_instance", "database"},
    {"aws_dynamodb_table", "database"},
    {"aws_elasticache_replication_group", "database"},
    {"aws_iam_role", "iam"},
    {"google_service_account", "iam"},
    {"azurerm_role_assignment", "iam"},
    {"aws_route53_record", "network"},  // not a route table, whatever comes first
    {"aws_vpc_security_group_ingress_rule", "network"},
    {"aws_route_table", "network"},
    {"aws_lb", "network"},
    {"aws_nat_gateway", "network"},
    {"google_compute_network", "network"},  // before compute_
    {"aws_s3_bucket", "storage"},
    {"aws_sqs_queue", "storage"},
    {"aws_ebs_volume", "storage"},
    {"aws_instance", "compute"},
    {"aws_launch_template", "compute"},
    {"aws_eks_cluster", "compute"},
    {"aws_lambda_function", "compute"},
    {"google_compute_instance", "compute"},
    {"aws_cloudwatch_log_group", "normal"},
    {"random_password", "normal"},
};

TEST(TerraformClasses, EachTypeGetsTheClassOfTheFirstMatchingRule) {
  TempTree tree;
  std::string text;
  for (const auto& [type, cls] : k_classes) text += "resource \"" + type + "\" \"x\" {}\n";
  tree.write("main.tf", text);
  const auto ws = load(tree.root());
  for (const auto& [type, cls] : k_classes) {
    const auto node = ws.graph.find(".:" + type + ".x");
    ASSERT_NE(node, graph::k_no_node) << type;
    EXPECT_EQ(graph::to_string(ws.graph.node(node).criticality), cls) << type;
  }
}

}  // namespace
}  // namespace blastgraph::testing
