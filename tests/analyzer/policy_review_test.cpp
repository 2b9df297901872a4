// Policy review: expansion against the catalogue, effects, elements kept verbatim, risk
// factors, diagnostics; then golden reports on the cases under fixtures/golden/policy/. The
// expected files are read and reviewed by people; set BLASTGRAPH_UPDATE_GOLDEN=1 to rewrite
// them after a deliberate change (a catalogue update moves the counts), then read the diff.
#include "blastgraph/analyzer/policy.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "blastgraph/core/file_io.hpp"
#include "support/golden.hpp"
#include "support/temp_tree.hpp"

namespace blastgraph::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

std::filesystem::path cases_dir() {
  return fixtures_dir() / "golden" / "policy";
}

// One document with the given statements; fails the test unless it parses to one document.
analyzer::DocumentReview review_statements(std::string_view statements) {
  const auto file = analyzer::review_policy_file(
      "p.json",
      std::string(R"({"Version": "2012-10-17", "Statement": [)") + std::string(statements) + "]}");
  EXPECT_EQ(file.documents.size(), 1U);
  return file.documents.empty() ? analyzer::DocumentReview{} : file.documents.front();
}

analyzer::ActionCoverage coverage_of(std::string_view action_element) {
  const auto document = review_statements(R"({"Effect": "Allow", )" + std::string(action_element) +
                                          R"(, "Resource": "*"})");
  return document.allows.empty() ? analyzer::ActionCoverage{} : document.allows.front().actions;
}

std::vector<std::string> qualified(const std::vector<iam::ActionRef>& actions) {
  std::vector<std::string> names;
  for (const auto& a : actions) names.push_back(a.qualified_name());
  return names;
}

TEST(PolicyReview, ListedActionsExpandWithServiceAndAccessLevel) {
  const auto c = coverage_of(R"("Action": ["s3:GetObject*", "S3:listbucket"])");
  EXPECT_FALSE(c.summarized);
  EXPECT_EQ(c.mode, iam::ListMode::listed);
  EXPECT_EQ(c.count, c.actions.size());
  EXPECT_THAT(qualified(c.actions), Contains("s3:GetObject"));
  EXPECT_THAT(qualified(c.actions), Contains("s3:ListBucket"));  // case-insensitive
  EXPECT_THAT(qualified(c.actions), Not(Contains("s3:PutObject")));
  EXPECT_EQ(c.by_service.size(), 1U);
  EXPECT_EQ(c.by_service.at("s3"), c.count);
  for (const auto& a : c.actions) {
    if (a.name() == "GetObject") {
      EXPECT_EQ(a.access_level(), iam::AccessLevel::read);
    } else if (a.name() == "ListBucket") {
      EXPECT_EQ(a.access_level(), iam::AccessLevel::list);
    }
  }
  std::size_t by_level = 0;
  for (const auto& [level, n] : c.by_access_level) by_level += n;
  EXPECT_EQ(by_level, c.count);
}

TEST(PolicyReview, NotActionIsSummarizedAsTheComplement) {
  const auto& catalogue = iam::action_catalogue();
  const auto c = coverage_of(R"("NotAction": ["iam:*", "sts:AssumeRole"])");
  EXPECT_TRUE(c.summarized);
  EXPECT_EQ(c.mode, iam::ListMode::all_except);
  EXPECT_THAT(c.actions, IsEmpty());
  EXPECT_EQ(c.count, catalogue.action_count() - catalogue.actions_of("iam").size() - 1);
  EXPECT_EQ(c.by_service.count("iam"), 0U);
  EXPECT_EQ(c.by_service.at("sts"), catalogue.actions_of("sts").size() - 1);
  EXPECT_EQ(c.by_service.at("s3"), catalogue.actions_of("s3").size());
}

TEST(PolicyReview, EveryActionIsSummarizedButOneServiceIsListed) {
  const auto& catalogue = iam::action_catalogue();
  for (const auto* all : {R"("Action": "*")", R"("Action": "*:*")"}) {
    const auto c = coverage_of(all);
    EXPECT_TRUE(c.summarized) << all;
    EXPECT_EQ(c.count, catalogue.action_count()) << all;
    EXPECT_EQ(c.by_service.size(), catalogue.service_count()) << all;
  }
  const auto iam_only = coverage_of(R"("Action": "iam:*")");
  EXPECT_FALSE(iam_only.summarized);
  EXPECT_EQ(iam_only.actions.size(), catalogue.actions_of("iam").size());
}

TEST(PolicyReview, PatternsMatchingNoActionAreListedAsUnknown) {
  const auto c =
      coverage_of(R"("Action": ["s3:GetObjekt", "GetObject", "s4:Get*", "s3:GetObject"])");
  EXPECT_THAT(c.unknown, ElementsAre("s3:GetObjekt", "GetObject", "s4:Get*"));
  EXPECT_THAT(qualified(c.actions), ElementsAre("s3:GetObject"));
  // Under NotAction a typo excludes nothing, so it widens the grant: it must show.
  EXPECT_THAT(coverage_of(R"("NotAction": ["iam:*", "iam:Frob"])").unknown,
              ElementsAre("iam:Frob"));
}

TEST(PolicyReview, StatementsSplitByEffectAndKeepTheirSourceIndex) {
  const auto d = review_statements(
      R"({"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
         {"Sid": "D", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"},
         {"Sid": "B", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"})");
  ASSERT_EQ(d.allows.size(), 2U);
  ASSERT_EQ(d.denies.size(), 1U);
  EXPECT_EQ(d.allows[0].sid, "A");
  EXPECT_EQ(d.allows[1].index, 3U);
  EXPECT_EQ(d.denies[0].index, 2U);
  EXPECT_EQ(d.denies[0].effect, iam::Effect::deny);
  EXPECT_EQ(d.denies[0].position, (SourcePosition{2, 10}));
}

TEST(PolicyReview, ResourcesPrincipalsAndConditionsAreKeptVerbatim) {
  const auto d = review_statements(
      R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
          "Action": "sts:AssumeRole", "NotResource": ["arn:aws:s3:::${aws:username}/*"],
          "Condition": {"ForAllValues:StringEqualsIfExists": {"aws:TagKeys": ["team", "env"]}}})");
  ASSERT_EQ(d.allows.size(), 1U);
  const auto& s = d.allows[0];
  EXPECT_EQ(s.resources.mode, iam::ListMode::all_except);
  EXPECT_THAT(s.resources.patterns, ElementsAre("arn:aws:s3:::${aws:username}/*"));
  EXPECT_EQ(s.principals.mode, iam::ListMode::listed);
  EXPECT_THAT(s.principals.service, ElementsAre("ec2.amazonaws.com"));
  ASSERT_EQ(s.conditions.size(), 1U);
  EXPECT_EQ(s.conditions[0].base_operator, "StringEquals");
  EXPECT_EQ(s.conditions[0].set_operator, iam::SetOperator::for_all_values);
  EXPECT_TRUE(s.conditions[0].if_exists);
  EXPECT_THAT(s.conditions[0].values, ElementsAre("team", "env"));
}

TEST(PolicyReview, EscalationIsARiskFactorAtTheGrantingStatement) {
  const auto text = read_file(cases_dir() / "escalation.json");
  ASSERT_TRUE(text.has_value());
  const auto file = analyzer::review_policy_file("escalation.json", *text);
  ASSERT_EQ(file.documents.size(), 1U);
  const auto& risks = file.documents[0].risks;
  ASSERT_EQ(risks.size(), 1U);
  EXPECT_EQ(risks[0].kind, iam::RiskKind::privilege_escalation);
  EXPECT_EQ(risks[0].sid, "PassAnyRole");
  EXPECT_EQ(risks[0].position, (SourcePosition{4, 5}));
  EXPECT_THAT(risks[0].actions, ElementsAre("iam:PassRole", "ec2:RunInstances"));
  EXPECT_THAT(file.diagnostics, IsEmpty());
}

TEST(PolicyReview, ABrokenFileKeepsWhatParsedAndReportsTheRest) {
  const auto text = read_file(cases_dir() / "broken.json");
  ASSERT_TRUE(text.has_value());
  const auto file = analyzer::review_policy_file("broken.json", *text);
  ASSERT_EQ(file.documents.size(), 1U);
  ASSERT_EQ(file.documents[0].allows.size(), 1U);
  EXPECT_EQ(file.documents[0].allows[0].sid, "Typo");
  EXPECT_THAT(file.documents[0].allows[0].actions.unknown, ElementsAre("s3:GetObjekt"));
  std::vector<std::string> codes;
  for (const auto& d : file.diagnostics) codes.push_back(d.code);
  EXPECT_THAT(codes, Contains("iam-json"));
  EXPECT_THAT(codes, Contains("iam-unknown-action"));
  EXPECT_THAT(codes, Contains("iam-missing-effect"));
  EXPECT_TRUE(std::is_sorted(file.diagnostics.begin(), file.diagnostics.end()));
}

TEST(PolicyReview, AnUnreadableFileIsReportedAndTheOthersAreStillReviewed) {
  TempTree tree;
  tree.write("big.json", std::string(8192, ' ') + "{}");
  const auto review =
      analyzer::review_policies({tree.root() / "missing.json", cases_dir() / "least_privilege.json",
                                 tree.root() / "big.json"},
                                4096);
  ASSERT_EQ(review.files.size(), 3U);
  EXPECT_FALSE(review.files[0].readable);
  EXPECT_TRUE(review.files[1].readable);
  EXPECT_FALSE(review.files[2].readable);  // over the size limit: never read
  ASSERT_EQ(review.files[0].diagnostics.size(), 1U);
  EXPECT_EQ(review.files[0].diagnostics[0].code, "file-unreadable");
  EXPECT_EQ(review.files[0].diagnostics[0].severity, Severity::error);
  const auto totals = analyzer::count_totals(review);
  EXPECT_EQ(totals.unreadable_files, 2U);
  EXPECT_EQ(totals.documents, 1U);
  EXPECT_EQ(totals.statements, 2U);
  EXPECT_EQ(totals.errors, 2U);
  EXPECT_EQ(totals.risk_factors, 0U);
  EXPECT_EQ(analyzer::all_diagnostics(review).size(), 2U);
}

// --- golden reports ---------------------------------------------------------------------

// Reviews fixtures/golden/policy/<case>.json, named by its file name so the output is portable.
analyzer::PolicyReview review_case(const std::string& name) {
  const auto text = read_file(cases_dir() / (name + ".json"));
  EXPECT_TRUE(text.has_value()) << name;
  analyzer::PolicyReview review;
  review.files.push_back(analyzer::review_policy_file(name + ".json", text ? *text : ""));
  return review;
}

class PolicyGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(PolicyGolden, Text) {
  std::ostringstream out;
  analyzer::write_policy_text(review_case(GetParam()), out);
  expect_golden(cases_dir() / "expected", GetParam() + ".txt", out.str());
}

TEST_P(PolicyGolden, Json) {
  std::ostringstream out;
  analyzer::write_policy_json(review_case(GetParam()), out);
  expect_golden(cases_dir() / "expected", GetParam() + ".json", out.str());
}

INSTANTIATE_TEST_SUITE_P(Cases, PolicyGolden,
                         ::testing::Values("admin", "not_action", "trust_open", "escalation",
                                           "least_privilege", "broken"));

}  // namespace
}  // namespace blastgraph::testing
