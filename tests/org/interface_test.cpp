// What a scan records that other repositories can find (offers) and what it takes from them
// (needs), on fixtures/org and on small trees.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/config.hpp"
#include "interface/image_needs.hpp"
#include "org_test_support.hpp"

namespace blastgraph::testing {
namespace {

using graph::NeedKind;
using graph::Setting;

bool has(const std::vector<Setting>& settings, const std::string& name, const std::string& value) {
  return std::find(settings.begin(), settings.end(), Setting{name, value}) != settings.end();
}

TEST(Offers, TheBoundaryIsOfferedByItsArnWithTheProvidersAccount) {
  const auto platform = load_repository("platform");
  const auto boundary = offer_of(platform, ".:aws_iam_policy.boundary");
  ASSERT_TRUE(boundary);
  EXPECT_EQ(boundary->type, "aws_iam_policy");
  EXPECT_EQ(boundary->arn, "arn:aws:iam::111122223333:policy/acme-boundary");
  EXPECT_TRUE(has(boundary->attributes, "name", "acme-boundary"));
  // A regional ARN takes the provider's region too.
  const auto cluster = offer_of(platform, ".:aws_eks_cluster.main");
  ASSERT_TRUE(cluster);
  EXPECT_EQ(cluster->arn, "arn:aws:eks:us-east-1:111122223333:cluster/acme-prod");
}

TEST(Offers, ResourcesAreOfferedByTheirAttributesAndTags) {
  const auto vpc = offer_of(load_repository("platform"), ".:aws_vpc.main");
  ASSERT_TRUE(vpc);
  EXPECT_EQ(vpc->arn, "");  // no ARN shape known for a VPC
  EXPECT_TRUE(has(vpc->attributes, "tag:Name", "acme-main"));
  EXPECT_TRUE(has(vpc->attributes, "cidr_block", "10.0.0.0/16"));
}

TEST(Offers, ARootWithABackendOffersItsStateAndOutputs) {
  const auto platform = load_repository("platform");
  ASSERT_EQ(platform.interface.states.size(), 1U);
  const auto& state = platform.interface.states.front();
  EXPECT_EQ(state.root, ".");
  EXPECT_EQ(state.backend, "s3");
  EXPECT_EQ(state.settings, (std::vector<Setting>{{"bucket", "acme-tfstate"},
                                                  {"key", "platform/terraform.tfstate"},
                                                  {"region", "us-east-1"}}));
  EXPECT_EQ(state.outputs, (std::vector<std::string>{".:output.boundary_arn", ".:output.vpc_id"}));
  // A root without a backend keeps its state in a local file no other repository reads.
  EXPECT_TRUE(load_repository("service-orders").interface.states.empty());
}

TEST(Offers, WithoutAStaticAccountTheArnSaysAnyAccount) {
  const auto search = offer_of(load_repository("service-search"), ".:aws_iam_role.search");
  ASSERT_TRUE(search);
  EXPECT_EQ(search->arn, "arn:aws:iam::*:role/search");
}

TEST(Offers, TheAccountOfAnAssumedRoleCounts) {
  TempTree tree;
  tree.write("main.tf", R"(
provider "aws" {
  region = "eu-west-1"
  assume_role {
    role_arn = "arn:aws:iam::444455556666:role/deployer"
  }
}
resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
resource "aws_sqs_queue" "off" {
  count = 0
  name  = "off"
}
)");
  const auto workspace = load(tree.root());
  const auto jobs = offer_of(workspace, ".:aws_sqs_queue.jobs");
  ASSERT_TRUE(jobs);
  EXPECT_EQ(jobs->arn, "arn:aws:sqs:eu-west-1:444455556666:jobs");
  // A block switched off offers nothing.
  EXPECT_FALSE(offer_of(workspace, ".:aws_sqs_queue.off"));
}

TEST(Offers, AStaticAccountVariableOrLocalNamesTheAccount) {
  TempTree tree;
  tree.write("a/main.tf", R"(
variable "account_id" {
  default = "777788889999"
}
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = "{}"
}
)");
  tree.write("b/main.tf", R"(
locals {
  aws_account_id = "222233334444"
}
provider "aws" {
  region = "eu-west-1"
}
resource "aws_sqs_queue" "q" {
  name = "q"
}
)");
  const auto workspace = load(tree.root());
  const auto role = offer_of(workspace, "a:aws_iam_role.r");
  const auto queue = offer_of(workspace, "b:aws_sqs_queue.q");
  ASSERT_TRUE(role && queue);
  EXPECT_EQ(role->arn, "arn:aws:iam::777788889999:role/r");
  EXPECT_EQ(queue->arn, "arn:aws:sqs:eu-west-1:222233334444:q");
}

TEST(Offers, ThePolicyFilesAccountForARootComesFirst) {
  TempTree tree;
  tree.write("a/main.tf", R"(
provider "aws" {
  allowed_account_ids = ["111122223333"]
}
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = "{}"
}
)");
  const auto config = analyzer::parse_config("accounts:\n  a: \"999900001111\"\n", "policy.yaml");
  ASSERT_TRUE(config.diagnostics.empty());
  const auto role = offer_of(load(tree.root(), config.config), "a:aws_iam_role.r");
  ASSERT_TRUE(role);
  EXPECT_EQ(role->arn, "arn:aws:iam::999900001111:role/r");
  const auto bad = analyzer::parse_config("accounts:\n  a: 1234\n", "policy.yaml");
  ASSERT_EQ(bad.diagnostics.size(), 1U);
  EXPECT_EQ(bad.diagnostics.front().code, "config-value");
  EXPECT_TRUE(bad.config.accounts.empty());
}

TEST(Needs, ALiteralArnIsANeedOfTheArgumentsKind) {
  const auto needs = needs_of(load_repository("service-orders"), ".:aws_iam_role.orders");
  ASSERT_EQ(needs.size(), 1U);
  const auto& need = needs.front();
  EXPECT_EQ(need.kind, NeedKind::arn);
  EXPECT_EQ(need.edge, graph::EdgeKind::permission_boundary);
  EXPECT_EQ(need.value, "arn:aws:iam::111122223333:policy/acme-boundary");
  EXPECT_FALSE(need.symbolic);
  EXPECT_EQ(need.evidence.file, "main.tf");
  EXPECT_EQ(need.evidence.line, 8U);
  EXPECT_EQ(need.evidence.attribute, "permissions_boundary");
}

TEST(Needs, DataSourcesAreLookupsByTheirArgumentsAndTags) {
  const auto payments = load_repository("service-payments");
  const auto policy = needs_of(payments, ".:data.aws_iam_policy.boundary");
  ASSERT_EQ(policy.size(), 1U);
  EXPECT_EQ(policy.front().kind, NeedKind::lookup);
  EXPECT_EQ(policy.front().type, "aws_iam_policy");
  EXPECT_EQ(policy.front().arguments, (std::vector<Setting>{{"name", "acme-boundary"}}));
  const auto vpc = needs_of(payments, ".:data.aws_vpc.main");
  ASSERT_EQ(vpc.size(), 1U);
  EXPECT_EQ(vpc.front().arguments, (std::vector<Setting>{{"tag:Name", "acme-main"}}));
}

TEST(Needs, ARemoteStateReadNamesItsBackendAndConfig) {
  const auto needs =
      needs_of(load_repository("service-search"), ".:data.terraform_remote_state.platform");
  ASSERT_EQ(needs.size(), 1U);
  EXPECT_EQ(needs.front().kind, NeedKind::remote_state);
  EXPECT_EQ(needs.front().type, "s3");
  EXPECT_TRUE(has(needs.front().arguments, "key", "platform/terraform.tfstate"));
  EXPECT_FALSE(needs.front().symbolic);
}

TEST(Needs, AServiceAccountNeedsTheRoleItsAnnotationNames) {
  const auto gitops = load_repository("gitops");
  std::vector<graph::Need> runs_as;
  for (const auto& need : gitops.interface.needs) {
    if (need.edge == graph::EdgeKind::runs_as) runs_as.push_back(need);
  }
  ASSERT_EQ(runs_as.size(), 3U);
  EXPECT_EQ(runs_as.front().value, "arn:aws:iam::111122223333:role/orders");
  EXPECT_EQ(runs_as.front().evidence.attribute, "metadata.annotations.eks.amazonaws.com/role-arn");
}

TEST(Needs, AWorkloadNeedsTheEcrRepositoryOfItsImage) {
  EXPECT_EQ(
      analyzer::interface::ecr_repository_arn("111122223333.dkr.ecr.us-east-1.amazonaws.com/team/"
                                              "orders:1.4.2"),
      "arn:aws:ecr:us-east-1:111122223333:repository/team/orders");
  EXPECT_EQ(analyzer::interface::ecr_repository_arn(
                "111122223333.dkr.ecr.eu-west-1.amazonaws.com/orders@sha256:abc"),
            "arn:aws:ecr:eu-west-1:111122223333:repository/orders");
  EXPECT_EQ(analyzer::interface::ecr_repository_arn("nginx:1.27"), "");
  EXPECT_EQ(analyzer::interface::ecr_repository_arn("ghcr.io/acme/orders:1"), "");
  const auto needs = needs_of(load_repository("gitops"), "k8s:orders/Deployment/orders");
  ASSERT_EQ(needs.size(), 1U);
  EXPECT_EQ(needs.front().value, "arn:aws:ecr:us-east-1:111122223333:repository/orders");
  EXPECT_EQ(needs.front().evidence.attribute, "image");
}

TEST(Needs, WhatIsNotStaticallyKnownIsSymbolicAndAnUnknownAccountIsNot) {
  TempTree tree;
  tree.write("main.tf", R"(
variable "boundary" {}
variable "account" {}
data "aws_iam_policy" "by_variable" {
  name = var.boundary
}
resource "aws_iam_role" "a" {
  name                 = "a"
  permissions_boundary = "arn:aws:iam::${var.account}:policy/acme-boundary"
  assume_role_policy   = "{}"
}
resource "aws_iam_role" "b" {
  name                 = "b"
  permissions_boundary = "arn:aws:iam::111122223333:policy/${var.boundary}"
  assume_role_policy   = "{}"
}
)");
  const auto workspace = load(tree.root());
  const auto lookup = needs_of(workspace, ".:data.aws_iam_policy.by_variable");
  ASSERT_EQ(lookup.size(), 1U);
  EXPECT_TRUE(lookup.front().symbolic);
  const auto a = needs_of(workspace, ".:aws_iam_role.a");
  ASSERT_EQ(a.size(), 1U);
  EXPECT_EQ(a.front().value, "arn:aws:iam::*:policy/acme-boundary");
  EXPECT_FALSE(a.front().symbolic);
  const auto b = needs_of(workspace, ".:aws_iam_role.b");
  ASSERT_EQ(b.size(), 1U);
  EXPECT_TRUE(b.front().symbolic);
}

TEST(Needs, AnArnOfTheTreesOwnResourceIsNoNeed) {
  const auto platform = load_repository("platform");
  // The cluster's role_arn is the ARN of a role the tree defines.
  EXPECT_TRUE(needs_of(platform, ".:aws_eks_cluster.main").empty());
}

}  // namespace
}  // namespace blastgraph::testing
