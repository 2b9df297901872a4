// Each form of the policy grammar, read from inline documents.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "blastgraph/parsers/iam.hpp"

namespace blastgraph::iam {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

PolicyDocument parse_clean(std::string_view text) {
  PolicyFile file = parse_policy("p.json", text);
  EXPECT_THAT(file.diagnostics, IsEmpty())
      << (file.diagnostics.empty() ? "" : format_diagnostic(file.diagnostics.front()));
  EXPECT_EQ(file.documents.size(), 1U);
  return file.documents.empty() ? PolicyDocument{} : file.documents.front();
}

TEST(Grammar, ReadsVersionIdAndAStatementObject) {
  const PolicyDocument doc = parse_clean(R"({
  "Version": "2012-10-17",
  "Id": "bucket-policy-1",
  "Statement": {"Sid": "One", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
})");
  EXPECT_EQ(doc.version, "2012-10-17");
  EXPECT_EQ(doc.id, "bucket-policy-1");
  ASSERT_EQ(doc.statements.size(), 1U);
  const Statement& s = doc.statements[0];
  EXPECT_EQ(s.sid, "One");
  EXPECT_EQ(s.effect, Effect::allow);
  EXPECT_EQ(s.actions.mode, ListMode::listed);
  EXPECT_THAT(s.actions.patterns, ElementsAre("s3:GetObject"));
  EXPECT_THAT(s.resources.patterns, ElementsAre("*"));
  EXPECT_EQ(s.principals.mode, ListMode::absent);
  EXPECT_EQ(s.position, (SourcePosition{4, 16}));
  EXPECT_EQ(doc.origin.kind, DocumentKind::identity);
}

TEST(Grammar, ReadsAStatementArrayInOrderWithPositions) {
  const PolicyDocument doc = parse_clean(R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*"},
    {"Effect": "Deny", "NotAction": "iam:*", "NotResource": ["arn:aws:s3:::b", "arn:aws:s3:::c"]}
]})");
  ASSERT_EQ(doc.statements.size(), 2U);
  EXPECT_EQ(doc.statements[0].position, (SourcePosition{2, 3}));
  EXPECT_EQ(doc.statements[1].position, (SourcePosition{3, 5}));
  EXPECT_THAT(doc.statements[0].actions.patterns, ElementsAre("s3:GetObject", "s3:PutObject"));
  const Statement& deny = doc.statements[1];
  EXPECT_EQ(deny.effect, Effect::deny);
  EXPECT_EQ(deny.actions.mode, ListMode::all_except);
  EXPECT_THAT(deny.actions.patterns, ElementsAre("iam:*"));
  EXPECT_EQ(deny.resources.mode, ListMode::all_except);
  EXPECT_THAT(deny.resources.patterns, ElementsAre("arn:aws:s3:::b", "arn:aws:s3:::c"));
  EXPECT_EQ(deny.actions.position, (SourcePosition{3, 37}));
}

TEST(Grammar, ReadsEveryPrincipalForm) {
  const PolicyDocument doc = parse_clean(R"({"Statement": [
  {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"},
  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Principal": {
    "AWS": "arn:aws:iam::111122223333:root",
    "Service": ["ec2.amazonaws.com", "lambda.amazonaws.com"],
    "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
    "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}},
  {"Effect": "Deny", "Action": "s3:*", "Resource": "*", "NotPrincipal": {"AWS": ["111122223333"]}}
]})");
  ASSERT_EQ(doc.statements.size(), 3U);
  EXPECT_TRUE(doc.statements[0].principals.any);
  EXPECT_TRUE(doc.statements[0].principals.admits_anyone());
  const Principals& p = doc.statements[1].principals;
  EXPECT_EQ(p.mode, ListMode::listed);
  EXPECT_FALSE(p.any);
  EXPECT_FALSE(p.admits_anyone());
  EXPECT_THAT(p.aws, ElementsAre("arn:aws:iam::111122223333:root"));
  EXPECT_THAT(p.service, ElementsAre("ec2.amazonaws.com", "lambda.amazonaws.com"));
  EXPECT_THAT(
      p.federated,
      ElementsAre("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"));
  EXPECT_THAT(p.canonical_user,
              ElementsAre("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"));
  EXPECT_EQ(doc.statements[2].principals.mode, ListMode::all_except);
  EXPECT_THAT(doc.statements[2].principals.aws, ElementsAre("111122223333"));
  EXPECT_EQ(doc.origin.kind, DocumentKind::resource);
}

TEST(Grammar, AwsStarAdmitsAnyone) {
  const PolicyDocument doc = parse_clean(
      R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}})");
  ASSERT_EQ(doc.statements.size(), 1U);
  EXPECT_FALSE(doc.statements[0].principals.any);
  EXPECT_TRUE(doc.statements[0].principals.admits_anyone());
}

TEST(Grammar, ReadsConditionOperatorsQualifiersAndValues) {
  const PolicyDocument doc = parse_clean(R"({"Version": "2012-10-17", "Statement": {
  "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::home",
  "Condition": {
    "StringLike": {"s3:prefix": ["home/${aws:username}/*", "shared/"]},
    "ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": "team"},
    "ForAllValues:StringEquals": {"aws:PrincipalTag/env": ["prod", "stage"]},
    "NumericLessThanEquals": {"s3:max-keys": 10},
    "Bool": {"aws:SecureTransport": true}
  }}})");
  ASSERT_EQ(doc.statements.size(), 1U);
  const std::vector<Condition>& c = doc.statements[0].conditions;
  ASSERT_EQ(c.size(), 5U);
  EXPECT_EQ(c[0].op, "StringLike");
  EXPECT_EQ(c[0].base_operator, "StringLike");
  EXPECT_EQ(c[0].set_operator, SetOperator::none);
  EXPECT_FALSE(c[0].if_exists);
  EXPECT_EQ(c[0].key, "s3:prefix");
  EXPECT_THAT(c[0].values, ElementsAre("home/${aws:username}/*", "shared/"));
  EXPECT_EQ(c[0].position, (SourcePosition{4, 20}));
  EXPECT_EQ(c[1].op, "ForAnyValue:StringEqualsIfExists");
  EXPECT_EQ(c[1].base_operator, "StringEquals");
  EXPECT_EQ(c[1].set_operator, SetOperator::for_any_value);
  EXPECT_TRUE(c[1].if_exists);
  EXPECT_THAT(c[1].values, ElementsAre("team"));
  EXPECT_EQ(c[2].set_operator, SetOperator::for_all_values);
  EXPECT_EQ(c[2].key, "aws:PrincipalTag/env");
  EXPECT_THAT(c[3].values, ElementsAre("10"));
  EXPECT_THAT(c[4].values, ElementsAre("true"));
}

TEST(Grammar, KeepsPolicyVariablesInResourcesVerbatim) {
  const PolicyDocument doc = parse_clean(R"({"Statement": {"Effect": "Allow",
    "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"}})");
  EXPECT_THAT(doc.statements.at(0).resources.patterns,
              ElementsAre("arn:aws:s3:::home/${aws:username}/*"));
}

TEST(Grammar, DecodesJsonStringEscapes) {
  const PolicyDocument doc = parse_clean(
      R"({"Statement": {"Sid": "Tab\tAnd\u00e9", "Effect": "Allow", "Action": "s3:GetObject"}})");
  EXPECT_EQ(doc.statements.at(0).sid, "Tab\tAnd\xC3\xA9");
}

TEST(Grammar, InfersTrustPolicies) {
  const PolicyDocument doc = parse_clean(R"({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
    "Action": ["sts:AssumeRole", "sts:TagSession"]}]})");
  EXPECT_EQ(doc.origin.kind, DocumentKind::trust);
  EXPECT_EQ(doc.statements.at(0).resources.mode, ListMode::absent);
}

TEST(Grammar, EmbeddedTextPositionsAreShiftedToTheHostFile) {
  // As if the JSON started at line 10, column 20 of a .tf heredoc.
  const EmbeddedPolicy policy = parse_policy_text("main.tf", R"({"Statement": [
  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
  {"Action": "s3:PutObject"}]})",
                                                  {10, 20});
  ASSERT_TRUE(policy.document.has_value());
  ASSERT_EQ(policy.document->statements.size(), 1U);
  EXPECT_EQ(policy.document->position, (SourcePosition{10, 20}));
  EXPECT_EQ(policy.document->statements[0].position, (SourcePosition{11, 3}));
  ASSERT_EQ(policy.diagnostics.size(), 1U);
  EXPECT_EQ(format_diagnostic(policy.diagnostics[0]),
            "main.tf:12:3: error: statement has no Effect; it is ignored [iam-missing-effect]");
}

TEST(Grammar, EmbeddedTextOnTheFirstLineShiftsColumns) {
  const EmbeddedPolicy policy = parse_policy_text(
      "main.tf", R"({"Statement": {"Effect": "Maybe", "Action": "s3:*"}})", {3, 11});
  ASSERT_EQ(policy.diagnostics.size(), 1U);
  EXPECT_EQ(policy.diagnostics[0].code, "iam-bad-effect");
  EXPECT_EQ(policy.diagnostics[0].position, (SourcePosition{3, 11 + 25}));
}

TEST(Grammar, EmbeddedTextThatIsNotAnObjectGivesNoDocument) {
  const EmbeddedPolicy policy = parse_policy_text("main.tf", "[1, 2]", {1, 1});
  EXPECT_FALSE(policy.document.has_value());
  ASSERT_EQ(policy.diagnostics.size(), 1U);
  EXPECT_EQ(policy.diagnostics[0].code, "iam-not-a-policy");
}

TEST(Grammar, ReportsEveryProblemOfADroppedStatement) {
  const PolicyFile file = parse_policy("p.json", R"({"Statement": [
  {"Sid": "Broken", "Effects": "Allow", "Principal": "nobody"}]})");
  ASSERT_EQ(file.documents.size(), 1U);
  EXPECT_TRUE(file.documents[0].statements.empty());
  std::vector<std::string> codes;
  for (const Diagnostic& d : file.diagnostics) codes.push_back(d.code);
  EXPECT_THAT(codes, ElementsAre("iam-missing-action", "iam-missing-effect", "iam-unknown-element",
                                 "iam-bad-value"));
}

TEST(Grammar, DocumentKindsHaveStableNames) {
  EXPECT_EQ(to_string(DocumentKind::identity), "identity");
  EXPECT_EQ(to_string(DocumentKind::boundary), "boundary");
  EXPECT_EQ(to_string(DocumentKind::scp), "scp");
}

}  // namespace
}  // namespace blastgraph::iam
