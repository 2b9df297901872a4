// Edges the Terraform linker makes, one form at a time, on small trees.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

TEST(TerraformLink, ResourceReferenceAndDataSourceAndValues) {
  TempTree tree;
  tree.write("main.tf", R"(
variable "cidr" { default = "10.0.0.0/16" }
locals { name = "core" }
data "aws_ami" "ubuntu" { most_recent = true }
resource "aws_vpc" "main" {
  cidr_block = var.cidr
  tags       = { Name = local.name }
}
resource "aws_instance" "web" {
  ami       = data.aws_ami.ubuntu.id
  subnet_id = aws_vpc.main.default_network_acl_id
}
output "web_ip" { value = aws_instance.web.private_ip }
)");
  auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, ".:aws_vpc.main", ".:var.cidr"), "reference");
  EXPECT_EQ(edge_kind(g, ".:aws_vpc.main", ".:local.name"), "reference");
  EXPECT_EQ(edge_kind(g, ".:aws_instance.web", ".:data.aws_ami.ubuntu"), "reference");
  EXPECT_EQ(edge_kind(g, ".:aws_instance.web", ".:aws_vpc.main"), "reference");
  EXPECT_EQ(edge_kind(g, ".:output.web_ip", ".:aws_instance.web"), "reference");
  EXPECT_EQ(edge_kind(g, ".:aws_vpc.main", ".:aws_instance.web"), "");  // direction matters

  const auto web = g.node(g.find(".:aws_instance.web"));
  EXPECT_EQ(web.role, graph::Role::resource);
  EXPECT_EQ(web.type, "aws_instance");
  EXPECT_EQ(web.span.file, "main.tf");
  EXPECT_EQ(web.span.first_line, 9U);
  EXPECT_EQ(g.node(g.find(".:data.aws_ami.ubuntu")).role, graph::Role::value);
  EXPECT_EQ(g.node(g.find(".:var.cidr")).role, graph::Role::value);
  EXPECT_TRUE(ws.diagnostics.empty()) << format_diagnostic(ws.diagnostics.front());
}

TEST(TerraformLink, MetaArgumentsDependsOnAndBoundaryHaveTheirKinds) {
  TempTree tree;
  tree.write("main.tf", R"(
variable "n" {}
variable "names" {}
resource "aws_iam_policy" "boundary" { policy = "{}" }
resource "aws_iam_role" "r" {
  count                = var.n
  permissions_boundary = aws_iam_policy.boundary.arn
  assume_role_policy   = "{}"
}
resource "aws_sqs_queue" "q" {
  for_each   = var.names
  depends_on = [aws_iam_role.r]
}
)");
  auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.r", ".:var.n"), "meta_argument");
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.r", ".:aws_iam_policy.boundary"), "permission_boundary");
  EXPECT_EQ(edge_kind(g, ".:aws_sqs_queue.q", ".:var.names"), "meta_argument");
  EXPECT_EQ(edge_kind(g, ".:aws_sqs_queue.q", ".:aws_iam_role.r"), "depends_on");
}

TEST(TerraformLink, ProvidersExplicitAliasedAndInherited) {
  TempTree tree;
  tree.write("main.tf", R"(
resource "aws_iam_role" "deploy" { assume_role_policy = "{}" }
provider "aws" {
  region = "eu-west-1"
  assume_role { role_arn = aws_iam_role.deploy.arn }
}
provider "aws" {
  alias  = "use1"
  region = "us-east-1"
}
resource "aws_s3_bucket" "b" {}
resource "aws_acm_certificate" "c" {
  provider    = aws.use1
  domain_name = "example.com"
}
module "child" {
  source    = "./child"
  providers = { aws.east = aws.use1 }
}
)");
  tree.write("child/main.tf", R"(
resource "aws_sqs_queue" "q" {}
resource "aws_sns_topic" "t" { provider = aws.east }
)");
  auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, ".:provider.aws", ".:aws_iam_role.deploy"), "reference");
  EXPECT_EQ(edge_kind(g, ".:aws_s3_bucket.b", ".:provider.aws"), "provider");
  EXPECT_EQ(edge_kind(g, ".:aws_acm_certificate.c", ".:provider.aws.use1"), "provider");
  EXPECT_EQ(edge_kind(g, ".:aws_acm_certificate.c", ".:provider.aws"), "");
  // Default configuration inherited by the child; aliased one passed through `providers`.
  EXPECT_EQ(edge_kind(g, ".:module.child.aws_sqs_queue.q", ".:provider.aws"), "provider");
  EXPECT_EQ(edge_kind(g, ".:module.child.aws_sns_topic.t", ".:provider.aws.use1"), "provider");
  // So changing the deploy role reaches every resource through its provider.
  const auto reached = reached_ids(g, {".:aws_iam_role.deploy"});
  EXPECT_TRUE(reached.contains(".:module.child.aws_sqs_queue.q"));
  EXPECT_FALSE(reached.contains(".:aws_acm_certificate.c"));
}

TEST(TerraformLink, UnresolvedReferencesAreWarningsAndCounted) {
  TempTree tree;
  tree.write("main.tf", R"(
resource "aws_instance" "web" {
  subnet_id = aws_subnet.missing.id
  ami       = var.undeclared
}
)");
  auto ws = load(tree.root());
  ASSERT_EQ(ws.diagnostics.size(), 2U);
  EXPECT_EQ(format_diagnostic(ws.diagnostics[0]),
            "main.tf:3:15: warning: reference to undeclared aws_subnet.missing in "
            "aws_instance.web [tf-unresolved-reference]");
  EXPECT_EQ(ws.diagnostics[1].position.line, 4U);
  EXPECT_EQ(ws.coverage.unresolved_references, 2U);
  EXPECT_NE(ws.graph.find(".:aws_instance.web"), graph::k_no_node);
}

TEST(TerraformLink, DuplicateDeclarationsAreReported) {
  TempTree tree;
  tree.write("a.tf", "resource \"aws_sqs_queue\" \"q\" {}\n");
  tree.write("b.tf", "resource \"aws_sqs_queue\" \"q\" {}\n");
  auto ws = load(tree.root());
  ASSERT_EQ(ws.diagnostics.size(), 1U);
  EXPECT_EQ(ws.diagnostics[0].code, "tf-duplicate");
  EXPECT_EQ(ws.diagnostics[0].file, "b.tf");
  EXPECT_EQ(ws.graph.node(ws.graph.find(".:aws_sqs_queue.q")).span.file, "a.tf");
}

}  // namespace
}  // namespace blastgraph::testing

namespace blastgraph::testing {
namespace {

constexpr const char* k_account = R"(apiVersion: v1
kind: ServiceAccount
metadata:
  name: %NAME%
  namespace: apps
  annotations:
    eks.amazonaws.com/role-arn: %ARN%
)";

std::string account(const std::string& name, const std::string& arn) {
  std::string text = k_account;
  text.replace(text.find("%NAME%"), 6, name);
  text.replace(text.find("%ARN%"), 5, arn);
  return text;
}

TEST(WorkloadIdentity, RoleNamesAreEvaluatedStaticallyToMatchAnnotations) {
  TempTree tree;
  tree.write("modules/app/main.tf", R"(
variable "env" {}
variable "name" {}
locals { full = "${var.env}-${var.name}" }
resource "aws_iam_role" "templated" {
  name               = local.full
  path               = "/apps/"
  assume_role_policy = "{}"
}
resource "aws_iam_role" "prefixed" {
  name_prefix        = "${var.name}-"
  assume_role_policy = "{}"
}
resource "aws_iam_role" "generated" { assume_role_policy = "{}" }
)");
  tree.write("live/main.tf", "module \"api\" {\n  source = \"../modules/app\"\n  env = \"prod\"\n  name = \"api\"\n}\n");
  tree.write("k8s/a.yaml", account("a", "arn:aws:iam::111122223333:role/apps/prod-api"));
  tree.write("k8s/b.yaml", account("b", "arn:aws:iam::111122223333:role/api-20240101abcdef"));
  tree.write("k8s/c.yaml", account("c", "arn:aws:iam::111122223333:role/someone-else"));
  const auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, "k8s:apps/ServiceAccount/a", "live:module.api.aws_iam_role.templated"), "runs_as");
  EXPECT_EQ(edge_kind(g, "k8s:apps/ServiceAccount/b", "live:module.api.aws_iam_role.prefixed"), "runs_as");
  EXPECT_EQ(edge_kind(g, "k8s:apps/ServiceAccount/a", "live:module.api.aws_iam_role.generated"), "");
  // A role defined elsewhere stays visible as an external node.
  const auto external = "ext:arn:aws:iam::111122223333:role/someone-else";
  EXPECT_EQ(edge_kind(g, "k8s:apps/ServiceAccount/c", external), "runs_as");
  EXPECT_EQ(g.node(g.find(external)).domain, graph::Domain::external);
}

TEST(WorkloadIdentity, PodIdentityAssociationsAndGkeWorkloadIdentity) {
  TempTree tree;
  tree.write("main.tf", R"(
resource "aws_iam_role" "r" { assume_role_policy = "{}" }
resource "aws_eks_pod_identity_association" "a" {
  cluster_name    = "main"
  namespace       = "apps"
  service_account = "worker"
  role_arn        = aws_iam_role.r.arn
}
resource "google_service_account" "gsa" { account_id = "reporter" }
)");
  tree.write("k8s/gke.yaml", R"(apiVersion: v1
kind: ServiceAccount
metadata:
  name: reporter
  namespace: apps
  annotations:
    iam.gke.io/gcp-service-account: reporter@acme-prod.iam.gserviceaccount.com
)");
  const auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, "k8s:apps/ServiceAccount/worker", ".:aws_eks_pod_identity_association.a"), "runs_as");
  EXPECT_EQ(edge_kind(g, "k8s:apps/ServiceAccount/reporter", ".:google_service_account.gsa"), "runs_as");
  const auto reached = reached_ids(g, {".:aws_iam_role.r"});
  EXPECT_TRUE(reached.contains("k8s:apps/ServiceAccount/worker"));
}

}  // namespace
}  // namespace blastgraph::testing

namespace blastgraph::testing {
namespace {

TEST(IamAttachments, PrincipalsDependOnWhatIsAttachedToThemThroughModules) {
  TempTree tree;
  tree.write("modules/grant/main.tf", R"(
variable "role_name" {}
resource "aws_iam_policy" "p" { policy = "{}" }
resource "aws_iam_role_policy_attachment" "a" {
  role       = var.role_name
  policy_arn = aws_iam_policy.p.arn
}
)");
  tree.write("main.tf", R"(
resource "aws_iam_role" "app" { assume_role_policy = "{}" }
resource "aws_iam_role_policy" "inline" {
  role   = aws_iam_role.app.id
  policy = "{}"
}
module "grant" {
  source    = "./modules/grant"
  role_name = aws_iam_role.app.name
}
resource "aws_iam_user" "u" { name = "ci" }
resource "aws_iam_group" "g" { name = "deployers" }
resource "aws_iam_group_policy" "gp" {
  group  = aws_iam_group.g.name
  policy = "{}"
}
resource "aws_iam_user_group_membership" "m" {
  user   = aws_iam_user.u.name
  groups = [aws_iam_group.g.name]
}
resource "aws_iam_policy" "shared" { policy = "{}" }
resource "aws_iam_policy_attachment" "exclusive" {
  name       = "all"
  policy_arn = aws_iam_policy.shared.arn
  roles      = [aws_iam_role.app.name]
  users      = [aws_iam_user.u.name]
}
)");
  const auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.app", ".:aws_iam_role_policy.inline"), "policy_attachment");
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.app", ".:module.grant.aws_iam_role_policy_attachment.a"),
            "policy_attachment");
  EXPECT_EQ(edge_kind(g, ".:aws_iam_group.g", ".:aws_iam_group_policy.gp"), "policy_attachment");
  EXPECT_EQ(edge_kind(g, ".:aws_iam_user.u", ".:aws_iam_group.g"), "group_membership");
  EXPECT_EQ(edge_kind(g, ".:aws_iam_user.u", ".:aws_iam_policy_attachment.exclusive"), "policy_attachment");
  // A policy edit reaches the role through the attachment, and the group's users.
  const auto reached = reached_ids(g, {".:module.grant.aws_iam_policy.p"});
  EXPECT_TRUE(reached.contains(".:aws_iam_role.app"));
  const auto group_reach = reached_ids(g, {".:aws_iam_group_policy.gp"});
  EXPECT_TRUE(group_reach.contains(".:aws_iam_user.u"));
}

}  // namespace
}  // namespace blastgraph::testing
