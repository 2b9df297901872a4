// The AWS CLI shapes that nest policy documents (golden files under fixtures/parsers/iam/cli)
// and the standalone policies under fixtures/parsers/iam/policies.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "blastgraph/parsers/iam/evaluate.hpp"
#include "blastgraph/parsers/iam/risk.hpp"
#include "render.hpp"

namespace blastgraph::iam {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::filesystem::path cli_dir() { return testing::fixtures_dir() / "cli"; }

PolicyFile load(const std::string& relative) {
  return parse_policy(relative, testing::read_text(testing::fixtures_dir() / relative));
}

class CliShapes : public ::testing::TestWithParam<std::string> {};

TEST_P(CliShapes, ExtractEveryNestedDocument) {
  const std::string stem = std::filesystem::path(GetParam()).stem().string();
  const std::string expected = testing::read_text(cli_dir() / (stem + ".expected"));
  ASSERT_FALSE(expected.empty()) << "missing " << stem << ".expected";
  const PolicyFile file = parse_policy(GetParam(), testing::read_text(cli_dir() / GetParam()));
  EXPECT_EQ(testing::render_summary(file), expected);
}

INSTANTIATE_TEST_SUITE_P(Files, CliShapes,
                         ::testing::ValuesIn(testing::list_files(cli_dir(), ".json")),
                         [](const ::testing::TestParamInfo<std::string>& case_info) {
                           std::string name =
                               std::filesystem::path(case_info.param).stem().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(CliShapes, AuthorizationDetailsListPrincipalsAndHowPoliciesAttach) {
  const PolicyFile file = load("cli/account-authorization-details.json");
  ASSERT_EQ(file.principals.size(), 3U);
  const PrincipalRecord& alice = file.principals[0];
  EXPECT_EQ(alice.type, PrincipalType::user);
  EXPECT_EQ(alice.name, "alice");
  EXPECT_EQ(alice.arn, "arn:aws:iam::111122223333:user/alice");
  EXPECT_THAT(alice.groups, ElementsAre("developers", "oncall"));
  EXPECT_THAT(alice.managed_policy_arns, ElementsAre("arn:aws:iam::aws:policy/ReadOnlyAccess"));
  EXPECT_EQ(alice.boundary_arn, "");
  EXPECT_EQ(alice.position, (SourcePosition{3, 9}));
  EXPECT_EQ(file.principals[1].type, PrincipalType::group);
  EXPECT_EQ(file.principals[1].name, "developers");
  const PrincipalRecord& role = file.principals[2];
  EXPECT_EQ(role.type, PrincipalType::role);
  EXPECT_EQ(role.name, "checkout");
  EXPECT_THAT(role.managed_policy_arns,
              ElementsAre("arn:aws:iam::111122223333:policy/service-common"));
  EXPECT_EQ(role.boundary_arn, "arn:aws:iam::111122223333:policy/service-boundary");
  EXPECT_THAT(role.instance_profiles,
              ElementsAre("arn:aws:iam::111122223333:instance-profile/checkout"));
}

TEST(CliShapes, UrlEncodedDocumentsAreDecoded) {
  const PolicyFile file = load("cli/account-authorization-details.json");
  ASSERT_EQ(file.documents.size(), 7U);
  const PolicyDocument& group_inline = file.documents[1];
  ASSERT_EQ(group_inline.statements.size(), 1U);
  EXPECT_THAT(group_inline.statements[0].actions.patterns, ElementsAre("s3:*"));
  EXPECT_THAT(group_inline.statements[0].resources.patterns, ElementsAre("arn:aws:s3:::dev-*"));
  const PolicyDocument& boundary = file.documents[4];
  EXPECT_THAT(boundary.statements[0].actions.patterns,
              ElementsAre("s3:*", "sqs:*", "dynamodb:*", "logs:*"));
}

TEST(CliShapes, TrustPoliciesFromTheCliAreTrust) {
  const PolicyFile file = load("cli/get-role.json");
  ASSERT_EQ(file.documents.size(), 1U);
  const Statement& s = file.documents[0].statements.at(0);
  EXPECT_EQ(s.conditions.at(0).key,
            "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub");
  EXPECT_THAT(find_risk_factors(file.documents[0]), IsEmpty());
}

TEST(StandalonePolicies, KindsAreInferred) {
  EXPECT_EQ(load("policies/identity_s3_read.json").documents.at(0).origin.kind,
            DocumentKind::identity);
  EXPECT_EQ(load("policies/trust_github_oidc.json").documents.at(0).origin.kind,
            DocumentKind::trust);
  EXPECT_EQ(load("policies/bucket_policy.json").documents.at(0).origin.kind,
            DocumentKind::resource);
  EXPECT_EQ(load("policies/scp_region_lock.json").documents.at(0).origin.kind,
            DocumentKind::identity);
}

TEST(StandalonePolicies, ReadWithoutDiagnostics) {
  for (const std::string& name :
       testing::list_files(testing::fixtures_dir() / "policies", ".json")) {
    const PolicyFile file = load("policies/" + name);
    EXPECT_THAT(file.diagnostics, IsEmpty()) << name;
    ASSERT_EQ(file.documents.size(), 1U) << name;
    EXPECT_FALSE(file.documents[0].statements.empty()) << name;
  }
}

TEST(StandalonePolicies, BoundaryAndScpLimitAnIdentityPolicy) {
  const PolicyFile identity = parse_policy(
      "admin.json", R"({"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}})");
  const PolicyFile boundary = load("policies/service_boundary.json");
  const PolicyFile scp = load("policies/scp_region_lock.json");
  const PolicySet set{
      {&identity.documents.at(0)}, &boundary.documents.at(0), {&scp.documents.at(0)}};
  EXPECT_EQ(evaluate({"sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:q", ""}, set), Decision::allow);
  EXPECT_EQ(evaluate({"ec2:RunInstances", "*", ""}, set), Decision::implicit_deny);
  EXPECT_EQ(evaluate({"iam:CreateRole", "*", ""}, set), Decision::explicit_deny);
  EXPECT_EQ(evaluate({"cloudtrail:StopLogging", "*", ""}, set), Decision::explicit_deny);
  // The region Deny is conditional: it does not count as a definite deny.
  EXPECT_EQ(evaluate({"s3:GetObject", "arn:aws:s3:::b/k", ""}, set), Decision::allow);
}

TEST(StandalonePolicies, GithubTrustHasAWildcardSubject) {
  const auto factors = find_risk_factors(load("policies/trust_github_oidc.json").documents.at(0));
  ASSERT_EQ(factors.size(), 1U);
  EXPECT_EQ(factors[0].kind, RiskKind::wildcard_subject);
  EXPECT_EQ(factors[0].position, (SourcePosition{4, 5}));
}

}  // namespace
}  // namespace blastgraph::iam
