// Risk factors, one by one, each with a near miss that must not raise it.

#include "blastgraph/parsers/iam/risk.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "blastgraph/parsers/iam.hpp"
#include "blastgraph/parsers/iam/catalogue.hpp"

namespace blastgraph::iam {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<RiskFactor> risks_of(std::string_view statements) {
  const PolicyFile file =
      parse_policy("p.json", std::string(R"({"Statement": [)") + std::string(statements) + "]}");
  EXPECT_EQ(file.documents.size(), 1U);
  return find_risk_factors(file.documents.at(0));
}

std::vector<RiskKind> kinds_of(const std::vector<RiskFactor>& factors) {
  std::vector<RiskKind> kinds;
  for (const RiskFactor& f : factors) kinds.push_back(f.kind);
  return kinds;
}

TEST(Risk, FullAdminIsStarOnStar) {
  const auto factors =
      risks_of(R"({"Sid": "Admin", "Effect": "Allow", "Action": "*", "Resource": "*"})");
  ASSERT_FALSE(factors.empty());
  EXPECT_EQ(factors[0].kind, RiskKind::full_admin);
  EXPECT_EQ(factors[0].sid, "Admin");
  EXPECT_EQ(factors[0].position, (SourcePosition{1, 16}));
  EXPECT_EQ(kinds_of(risks_of(R"({"Effect": "Allow", "Action": "*:*", "Resource": ["*"]})"))[0],
            RiskKind::full_admin);
}

TEST(Risk, StarOnOneResourceOrADenyIsNotFullAdmin) {
  EXPECT_THAT(kinds_of(risks_of(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})")),
              IsEmpty());
  EXPECT_THAT(kinds_of(risks_of(R"({"Effect": "Deny", "Action": "*", "Resource": "*"})")),
              IsEmpty());
  const auto one_bucket =
      kinds_of(risks_of(R"({"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b"})"));
  EXPECT_EQ(std::count(one_bucket.begin(), one_bucket.end(), RiskKind::full_admin), 0);
}

TEST(Risk, NotActionWithAllow) {
  const auto kinds = kinds_of(risks_of(
      R"({"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*"})"));
  EXPECT_THAT(kinds, ElementsAre(RiskKind::not_action_allow));
  EXPECT_THAT(kinds_of(risks_of(R"({"Effect": "Deny", "NotAction": "s3:*", "Resource": "*"})")),
              IsEmpty());
}

TEST(Risk, TrustOpenToAnyPrincipal) {
  EXPECT_THAT(
      kinds_of(risks_of(R"({"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"})")),
      ElementsAre(RiskKind::any_principal));
  EXPECT_THAT(
      kinds_of(risks_of(
          R"({"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::1:root", "*"]}, "Action": "sts:AssumeRole"})")),
      ElementsAre(RiskKind::any_principal));
  EXPECT_THAT(
      kinds_of(risks_of(
          R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"})")),
      IsEmpty());
}

TEST(Risk, WildcardSubjectInAFederatedTrust) {
  const auto factors = risks_of(R"({"Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*"}}})");
  ASSERT_THAT(kinds_of(factors), ElementsAre(RiskKind::wildcard_subject));
  EXPECT_THAT(factors[0].message, ::testing::HasSubstr("repo:acme/*"));
}

TEST(Risk, WebIdentityTrustWithoutASubCondition) {
  EXPECT_THAT(kinds_of(risks_of(R"({"Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::1:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {"StringEquals": {"oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"}}})")),
              ElementsAre(RiskKind::wildcard_subject));
}

TEST(Risk, ExactSubjectIsFine) {
  EXPECT_THAT(kinds_of(risks_of(R"({"Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::1:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {"StringEquals": {"oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:shop:checkout"}}})")),
              IsEmpty());
}

TEST(Risk, PassRoleWithComputeCreation) {
  const auto factors = risks_of(R"(
    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::1:role/*"},
    {"Effect": "Allow", "Action": ["lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"})");
  ASSERT_THAT(kinds_of(factors), ElementsAre(RiskKind::privilege_escalation));
  EXPECT_THAT(factors[0].actions, ElementsAre("iam:PassRole", "lambda:CreateFunction"));
  EXPECT_EQ(factors[0].position, (SourcePosition{2, 5}));
}

TEST(Risk, PassRoleAloneOrComputeAloneIsNotEscalation) {
  EXPECT_THAT(
      kinds_of(risks_of(R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"})")),
      IsEmpty());
  EXPECT_THAT(
      kinds_of(risks_of(R"({"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*"})")),
      IsEmpty());
}

TEST(Risk, EachEscalationActionOnItsOwn) {
  for (const char* action :
       {"iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:UpdateAssumeRolePolicy",
        "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:PutGroupPolicy", "iam:CreateAccessKey",
        "iam:CreateLoginProfile", "iam:UpdateLoginProfile"}) {
    const auto factors = risks_of(std::string(R"({"Effect": "Allow", "Action": ")") + action +
                                  R"(", "Resource": "*"})");
    ASSERT_THAT(kinds_of(factors), ElementsAre(RiskKind::privilege_escalation)) << action;
    EXPECT_THAT(factors[0].actions, ElementsAre(action));
  }
}

TEST(Risk, EscalationIsFoundThroughWildcards) {
  const auto attach = risks_of(R"({"Effect": "Allow", "Action": "iam:Attach*", "Resource": "*"})");
  ASSERT_THAT(kinds_of(attach), ElementsAre(RiskKind::privilege_escalation));
  EXPECT_THAT(attach[0].actions,
              ElementsAre("iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy"));
  // iam:* grants all eight escalation groups, PassRole alone is not one of them.
  const auto everything = risks_of(R"({"Effect": "Allow", "Action": "IAM:*", "Resource": "*"})");
  EXPECT_EQ(everything.size(), 8U);
}

TEST(Risk, AnUnconditionalDenyTakesEscalationAway) {
  EXPECT_THAT(kinds_of(risks_of(R"(
    {"Effect": "Allow", "Action": "iam:Attach*", "Resource": "*"},
    {"Effect": "Deny", "Action": "iam:*", "Resource": "*"})")),
              IsEmpty());
  // A conditional Deny may not apply: the risk stays.
  EXPECT_THAT(kinds_of(risks_of(R"(
    {"Effect": "Allow", "Action": "iam:AttachRolePolicy", "Resource": "*"},
    {"Effect": "Deny", "Action": "iam:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})")),
              ElementsAre(RiskKind::privilege_escalation));
}

TEST(Risk, ComputeCreationActionsAreAllInTheCatalogue) {
  // Guards the hand-picked list against typos and renamed actions.
  for (const char* action :
       {"ec2:RunInstances", "ec2:RequestSpotInstances", "autoscaling:CreateLaunchConfiguration",
        "lambda:CreateFunction", "lambda:UpdateFunctionConfiguration", "ecs:RunTask",
        "ecs:StartTask", "ecs:CreateService", "ecs:RegisterTaskDefinition",
        "glue:CreateDevEndpoint", "glue:CreateJob", "cloudformation:CreateStack",
        "datapipeline:CreatePipeline", "sagemaker:CreateNotebookInstance",
        "sagemaker:CreateTrainingJob", "sagemaker:CreateProcessingJob",
        "codebuild:CreateProject"}) {
    EXPECT_TRUE(action_catalogue().find(action).has_value()) << action;
    const auto factors =
        risks_of(std::string(R"({"Effect": "Allow", "Action": ["iam:PassRole", ")") + action +
                 R"("], "Resource": "*"})");
    EXPECT_THAT(kinds_of(factors), ElementsAre(RiskKind::privilege_escalation)) << action;
  }
}

TEST(Risk, FactorsComeInEnumOrderWithStableNames) {
  const auto factors = risks_of(R"(
    {"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"},
    {"Effect": "Allow", "Action": "*", "Resource": "*"})");
  ASSERT_GE(factors.size(), 3U);
  EXPECT_EQ(factors[0].kind, RiskKind::full_admin);
  EXPECT_EQ(factors[1].kind, RiskKind::not_action_allow);
  EXPECT_EQ(to_string(RiskKind::privilege_escalation), "privilege-escalation");
  EXPECT_EQ(to_string(RiskKind::wildcard_subject), "wildcard-subject");
}

}  // namespace
}  // namespace blastgraph::iam
