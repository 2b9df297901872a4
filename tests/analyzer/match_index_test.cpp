// The indexes that replace all-pairs matching must never lose a match: on random patterns,
// every pair the exact check accepts is among the index's candidates, and the candidates are
// few where the literals tell the patterns apart.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "blastgraph/analyzer/change.hpp"
#include "config/glob_index.hpp"
#include "iam_terraform/arn_index.hpp"

namespace blastgraph::testing {
namespace {

using analyzer::config::GlobIndex;
using analyzer::iam_terraform::ArnIndex;
using analyzer::iam_terraform::patterns_overlap;
using analyzer::iam_terraform::ResourceArn;

// A random pattern over a small alphabet, so that matches are common: letters, `:`, `/`,
// and (when `wild`) `*` and `?`.
std::string random_pattern(std::mt19937& random, bool wild) {
  static constexpr std::string_view k_plain = "ab:/-";
  static constexpr std::string_view k_wild = "ab:/-*?";
  const auto alphabet = wild ? k_wild : k_plain;
  std::uniform_int_distribution<std::size_t> length(0, 8);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::string out;
  for (auto n = length(random); n > 0; --n) out += alphabet[pick(random)];
  return out;
}

// The quadratic table the fast check replaces: the oracle.
bool overlap_by_table(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<char>> ok(n + 1, std::vector<char>(m + 1, 0));
  ok[n][m] = 1;
  for (std::size_t i = n + 1; i-- > 0;) {
    for (std::size_t j = m + 1; j-- > 0;) {
      if (i == n && j == m) continue;
      bool result = false;
      if (i < n && a[i] == '*') result = ok[i + 1][j] != 0 || (j < m && ok[i][j + 1] != 0);
      if (j < m && b[j] == '*')
        result = result || ok[i][j + 1] != 0 || (i < n && ok[i + 1][j] != 0);
      if (!result && i < n && j < m && a[i] != '*' && b[j] != '*') {
        result = (a[i] == b[j] || a[i] == '?' || b[j] == '?') && ok[i + 1][j + 1] != 0;
      }
      ok[i][j] = result ? 1 : 0;
    }
  }
  return ok[0][0] != 0;
}

TEST(MatchIndex, OverlapAgreesWithTheFullTable) {
  std::mt19937 random(7);
  for (int i = 0; i < 20'000; ++i) {
    const auto a = random_pattern(random, true);
    const auto b = random_pattern(random, true);
    ASSERT_EQ(patterns_overlap(a, b), overlap_by_table(a, b)) << a << " ~ " << b;
  }
}

TEST(MatchIndex, ArnCandidatesHoldEveryOverlap) {
  std::mt19937 random(11);
  std::vector<ResourceArn> resources;
  for (int i = 0; i < 300; ++i)
    resources.push_back({"n" + std::to_string(i), "s3", random_pattern(random, true), true});
  const ArnIndex index(resources);
  for (int q = 0; q < 300; ++q) {
    const auto pattern = random_pattern(random, true);
    const auto candidates = index.candidates(pattern);
    ASSERT_TRUE(std::is_sorted(candidates.begin(), candidates.end()));
    for (std::size_t i = 0; i < resources.size(); ++i) {
      const bool overlaps = patterns_overlap(pattern, resources[i].pattern) ||
                            patterns_overlap(pattern, resources[i].pattern + "/*");
      if (!overlaps) continue;
      ASSERT_TRUE(std::binary_search(candidates.begin(), candidates.end(), i))
          << pattern << " misses " << resources[i].pattern;
    }
  }
}

TEST(MatchIndex, ArnCandidatesAreFewForDistinctNames) {
  std::vector<ResourceArn> resources;
  for (int i = 0; i < 1000; ++i) {
    resources.push_back({"n", "s3", "arn:aws:s3:::acme-svc-" + std::to_string(1000 + i), true});
  }
  const ArnIndex index(resources);
  EXPECT_EQ(index.candidates("arn:aws:s3:::acme-svc-1042/*").size(), 1U);
  EXPECT_EQ(index.candidates("arn:aws:s3:::acme-svc-104*").size(), 10U);
  EXPECT_EQ(index.candidates("*").size(), 1000U);
}

TEST(MatchIndex, GlobCandidatesHoldEveryMatch) {
  std::mt19937 random(13);
  std::vector<std::string> globs;
  for (int i = 0; i < 300; ++i) globs.push_back(random_pattern(random, true));
  globs.push_back("[ab]:*");
  globs.push_back("*[!a]");
  globs.push_back("a]b");
  const GlobIndex index(globs);
  for (int q = 0; q < 1000; ++q) {
    const auto text = random_pattern(random, false);
    const auto candidates = index.candidates(text);
    for (std::size_t i = 0; i < globs.size(); ++i) {
      if (!analyzer::glob_match(globs[i], text)) continue;
      ASSERT_TRUE(std::binary_search(candidates.begin(), candidates.end(), i))
          << globs[i] << " misses " << text;
    }
  }
}

TEST(MatchIndex, GlobCandidatesAreFewForRolePatterns) {
  std::vector<std::string> globs;
  for (int i = 0; i < 1000; ++i)
    globs.push_back("arn:aws:iam::*:role/svc-" + std::to_string(1000 + i));
  const GlobIndex index(globs);
  EXPECT_EQ(index.candidates("arn:aws:iam::123456789012:role/svc-1042").size(), 1U);
}

}  // namespace
}  // namespace blastgraph::testing
