#include "blastgraph/parsers/iam/wildcard.hpp"

#include <gtest/gtest.h>

namespace blastgraph::iam {
namespace {

constexpr auto k_sensitive = CaseSensitivity::sensitive;
constexpr auto k_insensitive = CaseSensitivity::insensitive;

TEST(Wildcard, MatchesLiteralsWholly) {
  EXPECT_TRUE(wildcard_match("s3:GetObject", "s3:GetObject", k_sensitive));
  EXPECT_FALSE(wildcard_match("s3:GetObject", "s3:GetObjectAcl", k_sensitive));
  EXPECT_FALSE(wildcard_match("s3:GetObjectAcl", "s3:GetObject", k_sensitive));
  EXPECT_TRUE(wildcard_match("", "", k_sensitive));
  EXPECT_FALSE(wildcard_match("", "x", k_sensitive));
}

TEST(Wildcard, CaseFollowsTheRequestedSensitivity) {
  EXPECT_TRUE(wildcard_match("S3:getobject", "s3:GetObject", k_insensitive));
  EXPECT_FALSE(wildcard_match("S3:getobject", "s3:GetObject", k_sensitive));
}

TEST(Wildcard, StarSpansColonsAndSlashes) {
  EXPECT_TRUE(wildcard_match("arn:aws:s3:::*", "arn:aws:s3:::bucket/a/b/c", k_sensitive));
  EXPECT_TRUE(wildcard_match("arn:*:role/app", "arn:aws:iam::123456789012:role/app", k_sensitive));
  EXPECT_TRUE(wildcard_match("*", "", k_sensitive));
  EXPECT_TRUE(wildcard_match("a*b*c", "aXXbYYbZZc", k_sensitive));
  EXPECT_FALSE(wildcard_match("a*b*c", "aXXbYYbZZ", k_sensitive));
}

TEST(Wildcard, QuestionMarkIsExactlyOneCharacter) {
  EXPECT_TRUE(wildcard_match("bucket-?", "bucket-1", k_sensitive));
  EXPECT_FALSE(wildcard_match("bucket-?", "bucket-", k_sensitive));
  EXPECT_FALSE(wildcard_match("bucket-?", "bucket-12", k_sensitive));
  EXPECT_TRUE(wildcard_match("?", "/", k_sensitive));
}

TEST(Wildcard, BacktracksToTheLastStar) {
  EXPECT_TRUE(wildcard_match("*abc", "ababc", k_sensitive));
  EXPECT_TRUE(wildcard_match("*a*", "bbbab", k_sensitive));
  EXPECT_FALSE(wildcard_match("*a*a", "bbbab", k_sensitive));
}

TEST(Wildcard, StaysFastOnPathologicalPatterns) {
  const std::string text(20000, 'a');
  EXPECT_FALSE(wildcard_match("*a*a*a*a*a*a*a*b", text, k_sensitive));
}

TEST(Wildcard, ReportsWhetherAPatternHasWildcards) {
  EXPECT_TRUE(has_wildcard("s3:*"));
  EXPECT_TRUE(has_wildcard("s3:Get?bject"));
  EXPECT_FALSE(has_wildcard("s3:GetObject"));
}

}  // namespace
}  // namespace blastgraph::iam
