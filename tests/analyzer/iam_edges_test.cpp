// assume_role, acts_on and runs_as edges computed from IAM in Terraform, on small trees, and
// the acme stories end to end.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

// A target role trusting `trust_principal`, and an assumer whose policy is `assumer_policy`.
std::string trust_tree(const std::string& trust_principal, const std::string& assumer_policy) {
  return R"(resource "aws_iam_role" "target" {
  name = "target"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = )" +
         trust_principal + R"( } }]
  })
}
resource "aws_iam_role" "assumer" {
  name               = "assumer"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy" "assumer" {
  role   = aws_iam_role.assumer.id
  policy = jsonencode({ Statement = )" +
         assumer_policy + R"( })
}
)";
}

constexpr const char* k_allow_assume =
    R"([{ Effect = "Allow", Action = "sts:AssumeRole", Resource = aws_iam_role.target.arn }])";

TEST(IamEdges, AssumeRoleNeedsTrustAndPermission) {
  TempTree tree;
  tree.write("main.tf", trust_tree("aws_iam_role.assumer.arn", k_allow_assume));
  auto ws = load(tree.root());
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_role.assumer", ".:aws_iam_role.target"), "assume_role");
  // The trust names the assumer: the target only refers to it.
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_role.target", ".:aws_iam_role.assumer"), "reference");
  // A change to the target reaches the assumer.
  EXPECT_TRUE(reached_ids(ws.graph, {".:aws_iam_role.target"}).contains(".:aws_iam_role.assumer"));
}

TEST(IamEdges, AssumeRoleByArnPatternAndAccountRoot) {
  TempTree tree;
  tree.write("main.tf", trust_tree(R"("arn:aws:iam::123456789012:role/assumer")",
                                   R"([{ Effect = "Allow", Action = "sts:AssumeRole*", Resource = "arn:aws:iam::*:role/tar*" }])"));
  auto ws = load(tree.root());
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_role.assumer", ".:aws_iam_role.target"), "assume_role");

  TempTree root;
  root.write("main.tf", trust_tree(R"("arn:aws:iam::123456789012:root")", k_allow_assume));
  auto account = load(root.root());
  EXPECT_EQ(edge_kind(account.graph, ".:aws_iam_role.assumer", ".:aws_iam_role.target"), "assume_role");
  // The literal account may be another one: it is an external assumer too.
  EXPECT_EQ(edge_kind(account.graph, "ext:arn:aws:iam::123456789012:root", ".:aws_iam_role.target"),
            "assume_role");
}

TEST(IamEdges, NoAssumeRoleWhenTrustAdmitsButPermissionIsMissing) {
  TempTree tree;
  tree.write("main.tf", trust_tree("aws_iam_role.assumer.arn",
                                   R"([{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }])"));
  auto ws = load(tree.root());
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_role.assumer", ".:aws_iam_role.target"), "");
}

TEST(IamEdges, NoAssumeRoleWhenPermissionButTrustDoesNotAdmit) {
  TempTree tree;
  tree.write("main.tf", trust_tree(R"("arn:aws:iam::*:role/someone-else")", k_allow_assume));
  auto ws = load(tree.root());
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_role.assumer", ".:aws_iam_role.target"), "");
}

TEST(IamEdges, NoAssumeRoleWhenAnExplicitDenyApplies) {
  TempTree tree;
  tree.write("main.tf", trust_tree("aws_iam_role.assumer.arn", R"([
    { Effect = "Allow", Action = "sts:*", Resource = "*" },
    { Effect = "Deny", Action = "sts:AssumeRole", Resource = "arn:aws:iam::*:role/target" },
  ])"));
  auto ws = load(tree.root());
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_role.assumer", ".:aws_iam_role.target"), "");
}

// A user whose only sts:AssumeRole permission comes from `group`, trusted by the target role.
std::string group_tree(const std::string& membership) {
  return R"(resource "aws_iam_role" "target" {
  name = "target"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::123456789012:user/*" } }]
  })
}
resource "aws_iam_user" "alice" { name = "alice" }
resource "aws_iam_user" "bob" { name = "bob" }
resource "aws_iam_group" "ops" { name = "ops" }
resource "aws_iam_group_policy" "ops" {
  group  = aws_iam_group.ops.name
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = aws_iam_role.target.arn }] })
}
resource "aws_iam_user_policy" "bob" {
  user   = aws_iam_user.bob.name
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sqs:*", Resource = "*" }] })
}
)" + membership;
}

TEST(IamEdges, UsersMayAssumeRolesThroughTheirGroupsPolicies) {
  TempTree tree;
  tree.write("main.tf", group_tree(R"(resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.ops.name]
}
)"));
  auto ws = load(tree.root());
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_user.alice", ".:aws_iam_role.target"), "assume_role");
  // Bob is not in the group: his own policy does not allow it.
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_user.bob", ".:aws_iam_role.target"), "");
  // A group is never an assumer itself.
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_group.ops", ".:aws_iam_role.target"), "");

  TempTree members;
  members.write("main.tf", group_tree(R"(resource "aws_iam_group_membership" "ops" {
  name  = "ops"
  group = aws_iam_group.ops.name
  users = [aws_iam_user.bob.name]
}
)"));
  auto listed = load(members.root());
  EXPECT_EQ(edge_kind(listed.graph, ".:aws_iam_user.bob", ".:aws_iam_role.target"), "assume_role");
  EXPECT_EQ(edge_kind(listed.graph, ".:aws_iam_user.alice", ".:aws_iam_role.target"), "");
}

TEST(IamEdges, AGroupsDenyAppliesToItsMembers) {
  TempTree tree;
  tree.write("main.tf", R"(resource "aws_sqs_queue" "jobs" { name = "jobs" }
resource "aws_iam_user" "carol" { name = "carol" }
resource "aws_iam_user_policy" "carol" {
  user   = aws_iam_user.carol.name
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sqs:SendMessage", Resource = aws_sqs_queue.jobs.arn }] })
}
resource "aws_iam_user" "dave" { name = "dave" }
resource "aws_iam_user_policy" "dave" {
  user   = aws_iam_user.dave.name
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sqs:SendMessage", Resource = aws_sqs_queue.jobs.arn }] })
}
resource "aws_iam_group" "frozen" { name = "frozen" }
resource "aws_iam_group_policy" "frozen" {
  group  = aws_iam_group.frozen.name
  policy = jsonencode({ Statement = [{ Effect = "Deny", Action = "sqs:*", Resource = "*" }] })
}
resource "aws_iam_user_group_membership" "carol" {
  user   = aws_iam_user.carol.name
  groups = [aws_iam_group.frozen.name]
}
)");
  auto ws = load(tree.root());
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_user.carol", ".:aws_sqs_queue.jobs"), "");
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_user.dave", ".:aws_sqs_queue.jobs"), "acts_on");
}

TEST(IamEdges, ServicePrincipalsGetNoNode) {
  TempTree tree;
  tree.write("main.tf", trust_tree(R"("x") } }, { Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com")",
                                   k_allow_assume));
  auto ws = load(tree.root());
  EXPECT_EQ(ws.graph.find("ext:lambda.amazonaws.com"), graph::k_no_node);
}

// A role with `statements` as its only policy, and resources of several kinds.
std::string acts_on_tree(const std::string& statements) {
  return R"(resource "aws_s3_bucket" "logs" { bucket = "acme-logs" }
resource "aws_s3_bucket" "data" { bucket = "acme-data" }
resource "aws_sqs_queue" "jobs" { name = "prod-jobs" }
resource "aws_dynamodb_table" "orders" { name = "orders" }
resource "aws_kms_key" "k" {}
resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole",
                                                   Principal = { Service = "ec2.amazonaws.com" } }] })
}
resource "aws_iam_role_policy" "app" {
  role   = aws_iam_role.app.id
  policy = jsonencode({ Statement = )" + statements + R"( })
}
)";
}

TEST(IamEdges, ActsOnWithWildcardsAcrossColonAndSlash) {
  TempTree tree;
  tree.write("main.tf", acts_on_tree(R"([
    { Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-*/*" },
    { Effect = "Allow", Action = "dynamodb:GetItem", Resource = "arn:aws:dynamodb:*:table/ord*" },
  ])"));
  auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.app", ".:aws_s3_bucket.logs"), "acts_on");
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.app", ".:aws_s3_bucket.data"), "acts_on");
  // `*` spans "region:account" in one go.
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.app", ".:aws_dynamodb_table.orders"), "acts_on");
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.app", ".:aws_sqs_queue.jobs"), "");
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.app", ".:aws_kms_key.k"), "");  // unnamed: only by `*`
  // Changing the bucket reaches the role that uses it.
  EXPECT_TRUE(reached_ids(g, {".:aws_s3_bucket.logs"}).contains(".:aws_iam_role.app"));
}

TEST(IamEdges, ActsOnEvidenceLeadsWithTheStrongestAccessLevel) {
  TempTree tree;
  tree.write("main.tf", acts_on_tree(R"([
    { Effect = "Allow", Action = ["s3:GetObject", "s3:ListBucket"], Resource = "arn:aws:s3:::acme-logs*" },
    { Effect = "Allow", Action = ["s3:GetObject", "s3:PutBucketPolicy"], Resource = "arn:aws:s3:::acme-data*" },
    { Effect = "Allow", Action = "sqs:Send*", Resource = aws_sqs_queue.jobs.arn },
  ])"));
  auto ws = load(tree.root());
  const auto attribute = [&](const std::string& target) {
    const auto evidence = edge_evidence(ws.graph, ".:aws_iam_role.app", target);
    return evidence ? evidence->attribute.str() : std::string("<no edge>");
  };
  EXPECT_EQ(attribute(".:aws_s3_bucket.logs"), "Read: s3:GetObject, s3:ListBucket");
  EXPECT_EQ(attribute(".:aws_s3_bucket.data"),
            "Permissions management: s3:GetObject, s3:PutBucketPolicy");
  // A wildcard action is listed, and weighed, as what it expands to in the catalogue.
  EXPECT_EQ(attribute(".:aws_sqs_queue.jobs"), "Write: sqs:SendMessage");
}

TEST(IamEdges, DenySubtractsAndNotActionCounts) {
  TempTree tree;
  tree.write("main.tf", acts_on_tree(R"([
    { Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-*/*" },
    { Effect = "Deny", Action = "s3:*", Resource = "arn:aws:s3:::acme-logs/*" },
    { Effect = "Allow", NotAction = ["sqs:DeleteQueue"], Resource = aws_sqs_queue.jobs.arn },
  ])"));
  auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.app", ".:aws_s3_bucket.logs"), "");
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.app", ".:aws_s3_bucket.data"), "acts_on");
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.app", ".:aws_sqs_queue.jobs"), "acts_on");
}

TEST(IamEdges, BareStarCoversOnlyServicesTheActionsNameAndIsCapped) {
  TempTree tree;
  tree.write("main.tf", acts_on_tree(R"([{ Effect = "Allow", Action = "kms:Decrypt", Resource = "*" }])"));
  auto ws = load(tree.root());
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_role.app", ".:aws_kms_key.k"), "acts_on");
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_role.app", ".:aws_s3_bucket.logs"), "");

  TempTree many;
  std::string buckets;
  for (int i = 0; i < 20; ++i) {
    buckets += "resource \"aws_s3_bucket\" \"b" + std::to_string(i) + "\" { bucket = \"b" +
               std::to_string(i) + "\" }\n";
  }
  many.write("main.tf", acts_on_tree(R"([{ Effect = "Allow", Action = "*", Resource = "*" }])") + buckets);
  auto admin = load(many.root());
  EXPECT_EQ(edge_kind(admin.graph, ".:aws_iam_role.app", ".:aws_s3_bucket.b0"), "");
  EXPECT_EQ(diagnostic_codes(admin), std::vector<std::string>{"iam-broad-grant"});
}

TEST(IamEdges, ExternalResourceArnsBecomeExternalNodes) {
  TempTree tree;
  tree.write("main.tf", acts_on_tree(R"([{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::partner-drop/*" }])"));
  auto ws = load(tree.root());
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_role.app", "ext:arn:aws:s3:::partner-drop/*"), "acts_on");
}

TEST(IamEdges, ResourcePoliciesAdmitNamedPrincipals) {
  TempTree tree;
  tree.write("main.tf", acts_on_tree("[]") + R"(
resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({ Statement = [
    { Effect = "Allow", Principal = { AWS = aws_iam_role.app.arn }, Action = "s3:GetObject", Resource = "*" },
    { Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*" },
  ] })
}
resource "aws_lambda_function" "f" {
  function_name = "f"
  role          = aws_iam_role.app.arn
}
resource "aws_lambda_permission" "p" {
  function_name = aws_lambda_function.f.function_name
  principal     = aws_iam_role.app.arn
}
)");
  auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.app", ".:aws_s3_bucket.data"), "acts_on");
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.app", ".:aws_s3_bucket.logs"), "");  // `*` admits nobody named
  EXPECT_EQ(edge_kind(g, ".:aws_lambda_function.f", ".:aws_iam_role.app"), "reference");
  EXPECT_TRUE(edge_set(g).contains(".:aws_lambda_function.f -> .:aws_iam_role.app [runs_as]"));
  EXPECT_TRUE(edge_set(g).contains(".:aws_iam_role.app -> .:aws_lambda_function.f [acts_on]"));
}

TEST(IamEdges, AzureFederatedCredentialAndRoleAssignment) {
  TempTree tree;
  tree.write("infra/main.tf", R"(resource "azurerm_user_assigned_identity" "api" { name = "api" }
resource "azurerm_storage_account" "data" { name = "data" }
resource "azurerm_federated_identity_credential" "api" {
  parent_id = azurerm_user_assigned_identity.api.id
  subject   = "system:serviceaccount:shop:api"
}
resource "azurerm_role_assignment" "api" {
  principal_id         = azurerm_user_assigned_identity.api.principal_id
  scope                = azurerm_storage_account.data.id
  role_definition_name = "Storage Blob Data Reader"
}
)");
  tree.write("k8s/sa.yaml", R"(apiVersion: v1
kind: ServiceAccount
metadata:
  name: api
  namespace: shop
)");
  auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, "k8s:shop/ServiceAccount/api", "infra:azurerm_user_assigned_identity.api"), "runs_as");
  EXPECT_EQ(edge_kind(g, "infra:azurerm_user_assigned_identity.api", "infra:azurerm_storage_account.data"),
            "acts_on");
}

class AcmeIam : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_ws = new analyzer::Workspace(load(fixtures_dir() / "acme"));
  }
  static void TearDownTestSuite() { delete s_ws; }
  static analyzer::Workspace* s_ws;
};
analyzer::Workspace* AcmeIam::s_ws = nullptr;

TEST_F(AcmeIam, ChangingTheReportsBucketReachesTheRolesThatActOnIt) {
  const auto reached = reached_ids(s_ws->graph, {"terraform/envs/prod:aws_s3_bucket.reports"});
  EXPECT_TRUE(reached.contains("terraform/envs/prod:aws_iam_role.reports_reader"));
  EXPECT_TRUE(reached.contains("terraform/envs/prod:aws_iam_role.reports_exporter"));
  EXPECT_TRUE(reached.contains("terraform/envs/prod:aws_lambda_function.reports_exporter"));
}

TEST_F(AcmeIam, ChangingTheAssumedRoleReachesTheAssumer) {
  const auto& g = s_ws->graph;
  EXPECT_EQ(edge_kind(g, "terraform/envs/prod:aws_iam_role.reports_exporter",
                      "terraform/envs/prod:aws_iam_role.reports_reader"),
            "assume_role");
  const auto reached = reached_ids(g, {"terraform/envs/prod:aws_iam_role.reports_reader"});
  EXPECT_TRUE(reached.contains("terraform/envs/prod:aws_iam_role.reports_exporter"));
  EXPECT_TRUE(reached.contains("terraform/envs/prod:aws_lambda_function.reports_exporter"));
}

TEST_F(AcmeIam, ServiceRolesActOnTheirQueuesAndTheirDownstreamQueuesOnly) {
  const auto& g = s_ws->graph;
  const std::string prod = "terraform/envs/prod:";
  EXPECT_EQ(edge_kind(g, prod + "module.checkout.aws_iam_role.this", prod + "module.payments.aws_sqs_queue.this"),
            "acts_on");
  EXPECT_EQ(edge_kind(g, prod + "module.checkout.aws_iam_role.this",
                      "terraform/envs/staging:module.payments.aws_sqs_queue.this"),
            "");
  EXPECT_EQ(edge_kind(g, prod + "module.payments.aws_iam_role.this", prod + "module.checkout.aws_sqs_queue.this"),
            "");
}

}  // namespace
}  // namespace blastgraph::testing
