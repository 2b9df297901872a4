#include "classify/criticality.hpp"

#include <array>
#include <utility>

namespace blastgraph::analyzer {
namespace {

using graph::Criticality;

// Checked in order; the first entry whose key is contained in the type wins, so the more
// specific keys come first (`iam_account` before `iam_`, `acmpca` before `acm_`).
constexpr std::array<std::pair<std::string_view, Criticality>, 57> k_rules{{
    {"organizations_", Criticality::account},
    {"iam_account_", Criticality::account},
    {"_organization_", Criticality::account},
    {"cognito_", Criticality::auth},
    {"iam_openid_connect_provider", Criticality::auth},
    {"iam_saml_provider", Criticality::auth},
    {"identitystore", Criticality::auth},
    {"ssoadmin", Criticality::auth},
    {"kms_", Criticality::crypto},
    {"acmpca", Criticality::crypto},
    {"acm_certificate", Criticality::crypto},
    {"key_vault", Criticality::crypto},
    {"certificate", Criticality::crypto},
    {"secretsmanager", Criticality::secrets},
    {"secret_manager", Criticality::secrets},
    {"ssm_parameter", Criticality::secrets},
    {"_secret", Criticality::secrets},
    {"db_instance", Criticality::database},
    {"rds_", Criticality::database},
    {"dynamodb_table", Criticality::database},
    {"elasticache", Criticality::database},
    {"docdb", Criticality::database},
    {"neptune", Criticality::database},
    {"redshift", Criticality::database},
    {"opensearch_domain", Criticality::database},
    {"sql_database", Criticality::database},
    {"sql_server", Criticality::database},
    {"_sql_", Criticality::database},
    {"cosmosdb", Criticality::database},
    {"spanner", Criticality::database},
    {"bigtable", Criticality::database},
    {"iam_", Criticality::iam},
    {"_iam", Criticality::iam},
    {"role_assignment", Criticality::iam},
    {"role_definition", Criticality::iam},
    {"service_account", Criticality::iam},
    {"vpc", Criticality::network},
    {"subnet", Criticality::network},
    {"route", Criticality::network},
    {"security_group", Criticality::network},
    {"network", Criticality::network},
    {"nat_gateway", Criticality::network},
    {"internet_gateway", Criticality::network},
    {"transit_gateway", Criticality::network},
    {"_lb", Criticality::network},
    {"_alb", Criticality::network},
    {"load_balancer", Criticality::network},
    {"firewall", Criticality::network},
    {"dns", Criticality::network},
    {"_eip", Criticality::network},
    {"s3_bucket", Criticality::storage},
    {"storage_", Criticality::storage},
    {"sqs_", Criticality::storage},
    {"sns_", Criticality::storage},
    {"ebs_", Criticality::storage},
    {"efs_", Criticality::storage},
    {"_instance", Criticality::compute},
}};

constexpr std::array<std::string_view, 10> k_compute_keys{
    "eks_",    "ecs_",      "lambda_", "autoscaling", "launch_template",
    "_cluster", "container", "kubernetes_", "compute_", "function"};

}  // namespace

graph::Criticality classify_terraform_type(std::string_view type) {
  // `route53` is DNS; check before the generic `route` rule catches it as a route table.
  if (type.find("route53") != std::string_view::npos) return Criticality::network;
  for (const auto& [key, criticality] : k_rules) {
    if (type.find(key) != std::string_view::npos) return criticality;
  }
  for (auto key : k_compute_keys) {
    if (type.find(key) != std::string_view::npos) return Criticality::compute;
  }
  return Criticality::normal;
}

}  // namespace blastgraph::analyzer
