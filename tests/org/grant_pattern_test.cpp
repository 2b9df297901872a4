// An IAM grant whose resource is a pattern (`arn:aws:s3:::acme-*/*`) reaches the resources of
// other repositories it matches, and a grant too broad to say what it reaches links nothing,
// as in one repository.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <set>

#include "analyzer_test_support.hpp"
#include "blastgraph/org/organization.hpp"
#include "interface_keys.hpp"
#include "org_test_support.hpp"

namespace blastgraph::testing {
namespace {

// A repository whose role may read the objects of every bucket matching `pattern`.
void write_grant(TempTree& tree, const std::string& pattern) {
  tree.write("main.tf", R"(
provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111122223333"]
}

resource "aws_iam_role" "reports" {
  name               = "reports"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_role_policy" "read" {
  role = aws_iam_role.reports.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = ")" +
                            pattern + R"(" }]
  })
}
)");
}

// A repository of the buckets `names`.
void write_buckets(TempTree& tree, const std::vector<std::string>& names) {
  std::string text = R"(
provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111122223333"]
}
)";
  for (const auto& name : names) {
    text += "resource \"aws_s3_bucket\" \"" + name + "\" {\n  bucket = \"" + name + "\"\n}\n";
  }
  tree.write("main.tf", text);
}

analyzer::Workspace repository(const TempTree& tree, const std::string& name) {
  auto workspace = load(tree.root());
  workspace.repository = name;
  return workspace;
}

std::set<std::string> pattern_targets(const analyzer::Workspace& joined) {
  std::set<std::string> out;
  for (const auto& link : joined.organization.links) {
    if (link.match == graph::MatchKind::pattern) out.insert(link.target);
  }
  return out;
}

TEST(GrantPattern, AWildcardGrantIsANeedOfItsPattern) {
  TempTree reports;
  write_grant(reports, "arn:aws:s3:::acme-*/*");
  const auto workspace = repository(reports, "reports");
  std::vector<graph::Need> patterns;
  for (const auto& need : workspace.interface.needs) {
    if (need.kind == graph::NeedKind::arn_pattern) patterns.push_back(need);
  }
  ASSERT_EQ(patterns.size(), 1U);
  EXPECT_EQ(patterns.front().value, "arn:aws:s3:::acme-*/*");
  EXPECT_EQ(patterns.front().edge, graph::EdgeKind::acts_on);
  EXPECT_FALSE(patterns.front().symbolic);
}

TEST(GrantPattern, ItReachesTheBucketsItMatchesInAnotherRepository) {
  TempTree reports;
  write_grant(reports, "arn:aws:s3:::acme-*/*");
  TempTree data;
  write_buckets(data, {"acme-orders", "acme-payments", "other-logs"});
  std::vector<analyzer::Workspace> others;
  others.push_back(repository(reports, "reports"));
  const auto joined = org::join_repositories(repository(data, "data"), std::move(others));
  // Seen from the buckets' repository: the grant's role is another repository's.
  EXPECT_EQ(pattern_targets(joined), (std::set<std::string>{".:aws_s3_bucket.acme-orders",
                                                            ".:aws_s3_bucket.acme-payments"}));
  for (const auto& link : joined.organization.links) {
    if (link.match != graph::MatchKind::pattern) continue;
    EXPECT_EQ(link.source_repository, "reports");
    EXPECT_EQ(link.value, "arn:aws:s3:::acme-*/*");
    EXPECT_EQ(link.edge, graph::EdgeKind::acts_on);
  }
  EXPECT_EQ(joined.organization.symbolic_needs, 0U);
}

TEST(GrantPattern, ALiteralBucketWithItsObjectsIsMatchedToo) {
  TempTree reports;
  write_grant(reports, "arn:aws:s3:::acme-orders/*");
  TempTree data;
  write_buckets(data, {"acme-orders", "acme-orders-archive"});
  std::vector<analyzer::Workspace> others;
  others.push_back(repository(data, "data"));
  const auto joined = org::join_repositories(repository(reports, "reports"), std::move(others));
  EXPECT_EQ(pattern_targets(joined), (std::set<std::string>{"data::.:aws_s3_bucket.acme-orders"}));
}

TEST(GrantPattern, AGrantMatchingMoreThanSixteenOffersLinksNothing) {
  TempTree reports;
  write_grant(reports, "arn:aws:s3:::acme-*/*");
  std::vector<std::string> buckets;
  for (int i = 0; i < 17; ++i) buckets.push_back("acme-" + std::to_string(100 + i));
  TempTree data;
  write_buckets(data, buckets);
  std::vector<analyzer::Workspace> others;
  others.push_back(repository(data, "data"));
  const auto joined = org::join_repositories(repository(reports, "reports"), std::move(others));
  EXPECT_TRUE(pattern_targets(joined).empty());
  EXPECT_EQ(joined.organization.symbolic_needs, 1U);
  EXPECT_EQ(joined.organization.unmatched_needs, 0U);
}

// The grant's repository joined with a repository of `first` buckets and one of `second`.
analyzer::Workspace join_grant_with(const TempTree& reports, const std::vector<std::string>& first,
                                    const std::vector<std::string>& second) {
  TempTree data_a;
  write_buckets(data_a, first);
  TempTree data_b;
  write_buckets(data_b, second);
  std::vector<analyzer::Workspace> others;
  others.push_back(repository(data_a, "data-a"));
  others.push_back(repository(data_b, "data-b"));
  return org::join_repositories(repository(reports, "reports"), std::move(others));
}

TEST(GrantPattern, TheBoundCountsTheOffersOfEveryRepository) {
  TempTree reports;
  write_grant(reports, "arn:aws:s3:::acme-*/*");
  std::vector<std::string> first;
  std::vector<std::string> second;
  for (int i = 0; i < 9; ++i) first.push_back("acme-" + std::to_string(100 + i));
  for (int i = 9; i < 17; ++i) second.push_back("acme-" + std::to_string(100 + i));
  const auto joined = join_grant_with(reports, first, second);
  EXPECT_TRUE(pattern_targets(joined).empty());
  EXPECT_EQ(joined.organization.symbolic_needs, 1U);

  // One bucket fewer, and every one of them is reached, from both repositories.
  second.pop_back();
  const auto linked = join_grant_with(reports, first, second);
  EXPECT_EQ(pattern_targets(linked).size(), 16U);
  EXPECT_EQ(linked.organization.symbolic_needs, 0U);
}

TEST(GrantPattern, ALiteralShorterThanTheKeyStillFindsItsBuckets) {
  TempTree reports;
  write_grant(reports, "arn:aws:s3:::ac*");
  TempTree data;
  write_buckets(data, {"ac", "acme-orders", "ab", "a"});
  std::vector<analyzer::Workspace> others;
  others.push_back(repository(data, "data"));
  const auto joined = org::join_repositories(repository(reports, "reports"), std::move(others));
  EXPECT_EQ(pattern_targets(joined), (std::set<std::string>{"data::.:aws_s3_bucket.ac",
                                                            "data::.:aws_s3_bucket.acme-orders"}));
}

TEST(GrantPattern, APatternMatchingNothingIsUnmatched) {
  TempTree reports;
  write_grant(reports, "arn:aws:s3:::billing-*/*");
  TempTree data;
  write_buckets(data, {"acme-orders"});
  std::vector<analyzer::Workspace> others;
  others.push_back(repository(data, "data"));
  const auto joined = org::join_repositories(repository(reports, "reports"), std::move(others));
  EXPECT_TRUE(pattern_targets(joined).empty());
  EXPECT_EQ(joined.organization.unmatched_needs, 1U);
}

// A publish reads the repositories whose stored keys meet its own: a pattern's key must be
// among the keys of the buckets it matches, and not of others.
bool keys_meet(const analyzer::Workspace& needing, const analyzer::Workspace& offering) {
  const auto needed = org::interface_keys(needing.interface).needed;
  const auto offered = org::interface_keys(offering.interface).offered;
  std::vector<std::int64_t> common;
  std::set_intersection(needed.begin(), needed.end(), offered.begin(), offered.end(),
                        std::back_inserter(common));
  return !common.empty();
}

TEST(GrantPattern, APublishReadsTheRepositoriesAPatternMayMatch) {
  TempTree data;
  write_buckets(data, {"acme-orders"});
  const auto buckets = repository(data, "data");
  for (const std::string pattern :
       {"arn:aws:s3:::acme-*/*", "arn:aws:s3:::a*", "arn:aws:s3:::*-orders/*",
        "arn:aws:s3:::acme-orders/*", "arn:aws:s3:::acme-ord?rs"}) {
    TempTree reports;
    write_grant(reports, pattern);
    EXPECT_TRUE(keys_meet(repository(reports, "reports"), buckets)) << pattern;
  }
  TempTree billing;
  write_grant(billing, "arn:aws:s3:::billing-*/*");
  EXPECT_FALSE(keys_meet(repository(billing, "billing"), buckets));
}

}  // namespace
}  // namespace blastgraph::testing
