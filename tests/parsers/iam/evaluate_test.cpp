// Matching and evaluation rules, each on the smallest policy that shows it.

#include "blastgraph/parsers/iam/evaluate.hpp"

#include <gtest/gtest.h>

#include "blastgraph/parsers/iam.hpp"

namespace blastgraph::iam {
namespace {

PolicyDocument policy(std::string_view statements) {
  const PolicyFile file =
      parse_policy("p.json", std::string(R"({"Version": "2012-10-17", "Statement": [)") +
                                 std::string(statements) + "]}");
  EXPECT_EQ(file.documents.size(), 1U);
  return file.documents.at(0);
}

Decision decide(const PolicyDocument& grant, const Request& request) {
  return evaluate(request, {{&grant}, nullptr, {}});
}

constexpr const char* k_bucket_object = "arn:aws:s3:::data-bucket/reports/2024/q1.csv";

TEST(Evaluate, ActionNamesIgnoreCase) {
  const PolicyDocument p =
      policy(R"({"Effect": "Allow", "Action": "S3:getobject", "Resource": "*"})");
  EXPECT_EQ(decide(p, {"s3:GetObject", k_bucket_object, ""}), Decision::allow);
  EXPECT_EQ(decide(p, {"s3:GETOBJECT", k_bucket_object, ""}), Decision::allow);
  EXPECT_EQ(decide(p, {"s3:PutObject", k_bucket_object, ""}), Decision::implicit_deny);
}

TEST(Evaluate, ResourceArnsAreCaseSensitive) {
  const PolicyDocument p = policy(
      R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::Data-Bucket/*"})");
  EXPECT_EQ(decide(p, {"s3:GetObject", "arn:aws:s3:::Data-Bucket/a", ""}), Decision::allow);
  EXPECT_EQ(decide(p, {"s3:GetObject", "arn:aws:s3:::data-bucket/a", ""}), Decision::implicit_deny);
}

TEST(Evaluate, StarInAnArnSpansColonsAndSlashes) {
  const PolicyDocument p =
      policy(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data-*"})");
  EXPECT_EQ(decide(p, {"s3:GetObject", k_bucket_object, ""}), Decision::allow);
  const PolicyDocument role =
      policy(R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*"})");
  EXPECT_EQ(decide(role, {"iam:PassRole", "arn:aws:iam::123456789012:role/path/app", ""}),
            Decision::allow);
}

TEST(Evaluate, QuestionMarkInAnArnIsOneCharacter) {
  const PolicyDocument p = policy(
      R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::logs-?/*"})");
  EXPECT_EQ(decide(p, {"s3:GetObject", "arn:aws:s3:::logs-1/x", ""}), Decision::allow);
  EXPECT_EQ(decide(p, {"s3:GetObject", "arn:aws:s3:::logs-12/x", ""}), Decision::implicit_deny);
}

TEST(Evaluate, WildcardActions) {
  const PolicyDocument p =
      policy(R"({"Effect": "Allow", "Action": ["s3:Get*", "ec2:Describe?pcs"], "Resource": "*"})");
  EXPECT_EQ(decide(p, {"s3:GetObjectAcl", "*", ""}), Decision::allow);
  EXPECT_EQ(decide(p, {"ec2:DescribeVpcs", "*", ""}), Decision::allow);
  EXPECT_EQ(decide(p, {"s3:PutObject", "*", ""}), Decision::implicit_deny);
}

TEST(Evaluate, ExplicitDenyWinsOverAnyAllow) {
  const PolicyDocument p = policy(R"(
    {"Effect": "Allow", "Action": "*", "Resource": "*"},
    {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::prod-*"})");
  EXPECT_EQ(decide(p, {"s3:DeleteBucket", "arn:aws:s3:::prod-data", ""}), Decision::explicit_deny);
  EXPECT_EQ(decide(p, {"s3:DeleteBucket", "arn:aws:s3:::dev-data", ""}), Decision::allow);
  // A Deny in another policy wins as well.
  const PolicyDocument allow_all = policy(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})");
  const PolicyDocument deny = policy(R"({"Effect": "Deny", "Action": "s3:*", "Resource": "*"})");
  EXPECT_EQ(evaluate({"s3:GetObject", "*", ""}, {{&allow_all, &deny}, nullptr, {}}),
            Decision::explicit_deny);
}

TEST(Evaluate, NotActionWithAllowGrantsEverythingElse) {
  const PolicyDocument p = policy(R"({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})");
  EXPECT_EQ(decide(p, {"s3:DeleteBucket", "*", ""}), Decision::allow);
  EXPECT_EQ(decide(p, {"ec2:RunInstances", "*", ""}), Decision::allow);
  EXPECT_EQ(decide(p, {"iam:CreateUser", "*", ""}), Decision::implicit_deny);
  EXPECT_EQ(decide(p, {"IAM:createuser", "*", ""}), Decision::implicit_deny);
}

TEST(Evaluate, NotResourceGrantsEveryOtherResource) {
  const PolicyDocument p =
      policy(R"({"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secrets/*"})");
  EXPECT_EQ(decide(p, {"s3:GetObject", "arn:aws:s3:::public/x", ""}), Decision::allow);
  EXPECT_EQ(decide(p, {"s3:GetObject", "arn:aws:s3:::secrets/x", ""}), Decision::implicit_deny);
}

TEST(Evaluate, PermissionBoundaryLimitsButNeverGrants) {
  const PolicyDocument identity =
      policy(R"({"Effect": "Allow", "Action": ["s3:*", "ec2:*"], "Resource": "*"})");
  const PolicyDocument boundary =
      policy(R"({"Effect": "Allow", "Action": ["s3:*", "sqs:*"], "Resource": "*"})");
  const PolicySet set{{&identity}, &boundary, {}};
  EXPECT_EQ(evaluate({"s3:GetObject", "*", ""}, set), Decision::allow);
  EXPECT_EQ(evaluate({"ec2:RunInstances", "*", ""}, set), Decision::implicit_deny);  // limited
  EXPECT_EQ(evaluate({"sqs:SendMessage", "*", ""}, set), Decision::implicit_deny);   // not granted
  EXPECT_EQ(evaluate({"sqs:SendMessage", "*", ""}, PolicySet{{}, &boundary, {}}),
            Decision::implicit_deny);
}

TEST(Evaluate, ADenyInTheBoundaryIsExplicit) {
  const PolicyDocument identity = policy(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})");
  const PolicyDocument boundary = policy(R"(
    {"Effect": "Allow", "Action": "*", "Resource": "*"},
    {"Effect": "Deny", "Action": "iam:*", "Resource": "*"})");
  EXPECT_EQ(evaluate({"iam:CreateUser", "*", ""}, {{&identity}, &boundary, {}}),
            Decision::explicit_deny);
}

TEST(Evaluate, EveryScpMustAllow) {
  const PolicyDocument identity = policy(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})");
  const PolicyDocument root_scp = policy(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})");
  const PolicyDocument ou_scp =
      policy(R"({"Effect": "Allow", "Action": ["s3:*", "ec2:*"], "Resource": "*"})");
  const PolicySet set{{&identity}, nullptr, {&root_scp, &ou_scp}};
  EXPECT_EQ(evaluate({"s3:GetObject", "*", ""}, set), Decision::allow);
  EXPECT_EQ(evaluate({"iam:CreateUser", "*", ""}, set), Decision::implicit_deny);
  // An SCP alone grants nothing.
  EXPECT_EQ(evaluate({"s3:GetObject", "*", ""}, PolicySet{{}, nullptr, {&root_scp}}),
            Decision::implicit_deny);
}

TEST(Evaluate, AnAllowWithConditionsCountsAsAnAllow) {
  const PolicyDocument p = policy(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
    "Condition": {"Bool": {"aws:SecureTransport": "true"}}})");
  EXPECT_EQ(statement_applies(p.statements[0], {"s3:GetObject", "*", ""}), Applies::maybe);
  EXPECT_EQ(decide(p, {"s3:GetObject", "*", ""}), Decision::allow);
}

TEST(Evaluate, ADenyWithConditionsIsNotADefiniteDeny) {
  const PolicyDocument p = policy(R"(
    {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
    {"Effect": "Deny", "Action": "s3:*", "Resource": "*",
     "Condition": {"StringNotEquals": {"aws:PrincipalTag/team": "data"}}})");
  EXPECT_EQ(decide(p, {"s3:GetObject", "*", ""}), Decision::allow);
}

TEST(Evaluate, StatementAppliesIsTriState) {
  const PolicyDocument p =
      policy(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})");
  EXPECT_EQ(statement_applies(p.statements[0], {"s3:GetObject", "x", ""}), Applies::yes);
  EXPECT_EQ(statement_applies(p.statements[0], {"s3:PutObject", "x", ""}), Applies::no);
}

TEST(Evaluate, PoliciesVariablesMatchAnyValue) {
  const PolicyDocument p = policy(R"({"Effect": "Allow", "Action": "s3:GetObject",
    "Resource": "arn:aws:s3:::home/${aws:username}/notes.txt"})");
  EXPECT_EQ(decide(p, {"s3:GetObject", "arn:aws:s3:::home/alice/notes.txt", ""}), Decision::allow);
  EXPECT_EQ(decide(p, {"s3:GetObject", "arn:aws:s3:::home/alice/other.txt", ""}),
            Decision::implicit_deny);
  // ${*} is a literal star, not a wildcard.
  const PolicyDocument literal = policy(R"({"Effect": "Allow", "Action": "s3:GetObject",
    "Resource": "arn:aws:s3:::odd/${*}"})");
  EXPECT_EQ(decide(literal, {"s3:GetObject", "arn:aws:s3:::odd/*", ""}), Decision::allow);
  EXPECT_EQ(decide(literal, {"s3:GetObject", "arn:aws:s3:::odd/x", ""}), Decision::implicit_deny);
}

TEST(Evaluate, PrincipalsMatchByArnAccountOrWildcard) {
  const PolicyDocument p = policy(R"(
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"},
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/ci-*"}, "Action": "s3:PutObject", "Resource": "*"},
    {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "s3:ListBucket", "Resource": "*"})");
  EXPECT_EQ(decide(p, {"s3:GetObject", "*", "arn:aws:iam::111122223333:role/anything"}),
            Decision::allow);
  EXPECT_EQ(decide(p, {"s3:GetObject", "*", "arn:aws:iam::999999999999:role/anything"}),
            Decision::implicit_deny);
  EXPECT_EQ(decide(p, {"s3:PutObject", "*", "arn:aws:iam::444455556666:role/ci-deploy"}),
            Decision::allow);
  EXPECT_EQ(decide(p, {"s3:PutObject", "*", "arn:aws:iam::444455556666:role/app"}),
            Decision::implicit_deny);
  EXPECT_EQ(decide(p, {"s3:ListBucket", "*", "lambda.amazonaws.com"}), Decision::allow);
  // With no principal in the request, a Principal element may apply.
  EXPECT_EQ(statement_applies(p.statements[0], {"s3:GetObject", "*", ""}), Applies::maybe);
}

TEST(Evaluate, NotPrincipalMatchesEveryoneElse) {
  const PolicyDocument p = policy(R"(
    {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"},
    {"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "s3:DeleteObject", "Resource": "*"})");
  EXPECT_EQ(decide(p, {"s3:DeleteObject", "*", "arn:aws:iam::111122223333:user/admin"}),
            Decision::allow);
  EXPECT_EQ(decide(p, {"s3:DeleteObject", "*", "arn:aws:iam::999999999999:user/x"}),
            Decision::explicit_deny);
}

TEST(Evaluate, AbsentResourceMatchesAnyResource) {
  const PolicyDocument trust = policy(
      R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})");
  EXPECT_EQ(decide(trust, {"sts:AssumeRole", "arn:aws:iam::1:role/r", "ec2.amazonaws.com"}),
            Decision::allow);
}

TEST(Evaluate, ExpandsNotActionToEveryOtherCatalogueAction) {
  const PolicyDocument p =
      policy(R"({"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"})");
  const std::vector<ActionRef> granted = expand_actions(p.statements[0].actions);
  const std::size_t iam = action_catalogue().actions_of("iam").size();
  const std::size_t orgs = action_catalogue().actions_of("organizations").size();
  EXPECT_EQ(granted.size(), action_catalogue().action_count() - iam - orgs);
  for (const ActionRef& action : granted) EXPECT_NE(action.service(), "iam");
}

TEST(Evaluate, ExpandsListedActionsWithoutDuplicates) {
  const PolicyDocument p = policy(
      R"({"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*", "s3:getobject", "s3:NoSuchThing"], "Resource": "*"})");
  EXPECT_EQ(expand_actions(p.statements[0].actions), action_catalogue().expand("s3:Get*"));
  EXPECT_EQ(to_string(Decision::explicit_deny), "explicit-deny");
}

}  // namespace
}  // namespace blastgraph::iam
