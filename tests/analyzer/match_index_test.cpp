// The indexes that replace all-pairs matching must never lose a match: on random patterns,
// every pair the exact check accepts is among the index's candidates, and the candidates are
// few where the literals tell the patterns apart.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "blastgraph/analyzer/change.hpp"
#include "config/glob_index.hpp"
#include "config/node_rules.hpp"
#include "iam_terraform/arn_index.hpp"
#include "iam_terraform/principal_names.hpp"

namespace blastgraph::testing {
namespace {

using analyzer::config::GlobIndex;
using analyzer::iam_terraform::ArnIndex;
using analyzer::iam_terraform::patterns_overlap;
using analyzer::iam_terraform::PrincipalNames;
using analyzer::iam_terraform::PrincipalPolicies;
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

TEST(MatchIndex, PrincipalCandidatesHoldEveryOverlap) {
  std::mt19937 random(17);
  std::map<std::string, PrincipalPolicies> principals;
  for (int i = 0; i < 300; ++i) {
    const auto node = "p" + std::to_string(1000 + i);
    principals[node] = {node, "aws_iam_role", random_pattern(random, true), {}, {}, {}, {}};
  }
  PrincipalNames names;
  names.index(principals);
  for (int q = 0; q < 300; ++q) {
    const auto pattern = random_pattern(random, true);
    std::set<std::string> candidates;
    for (const auto* node : names.candidates(pattern)) candidates.insert(*node);
    for (const auto& [node, principal] : principals) {
      if (principal.arn.empty() || !patterns_overlap(pattern, principal.arn)) continue;
      ASSERT_TRUE(candidates.contains(node)) << pattern << " misses " << principal.arn;
    }
  }
  // Role names tell ARNs apart: one trusted role is one candidate.
  std::map<std::string, PrincipalPolicies> roles;
  for (int i = 0; i < 1000; ++i) {
    const auto node = "r" + std::to_string(i);
    roles[node] = {node, "aws_iam_role", "arn:aws:iam::*:role/svc-" + std::to_string(i), {}, {}, {},
                   {}};
  }
  PrincipalNames role_names;
  role_names.index(roles);
  EXPECT_EQ(role_names.candidates("arn:aws:iam::123456789012:role/svc-42").size(), 1U);
  EXPECT_EQ(role_names.candidates("arn:aws:iam::123456789012:role/svc-*").size(), 1000U);
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

// The indexed rules pick the same first rule as trying each rule in order.
TEST(MatchIndex, IndexedRulesAgreeWithAPlainScan) {
  std::mt19937 random(17);
  std::vector<analyzer::ServiceRule> services;
  std::vector<analyzer::CriticalityRule> criticality;
  const std::vector<std::string> id_globs{"k8s:*",       "k8s:shop/*", "*:module.a*",
                                          "tf:aws_*.x?", "*b",         "k8s:?/Deployment/*",
                                          "[kt]*:*",     "*"};
  const std::vector<std::string> path_globs{"apps/**", "apps/*/x.yaml", "**/main.tf", "tf/*.tf"};
  for (int i = 0; i < 40; ++i) {
    analyzer::ServiceRule rule;
    rule.service = "s" + std::to_string(i);
    if (random() % 2 == 0) rule.ids.push_back(id_globs[random() % (id_globs.size() - 1)]);
    if (rule.ids.empty() || random() % 3 == 0)
      rule.paths.push_back(path_globs[random() % path_globs.size()]);
    services.push_back(rule);
    analyzer::CriticalityRule c;
    c.criticality = static_cast<graph::Criticality>(random() % 9);
    if (random() % 2 == 0) c.types.push_back(random() % 2 == 0 ? "aws_*" : "Deploy*");
    if (random() % 2 == 0) c.applications.push_back(random() % 2 == 0 ? "shop" : "s*");
    if (c.types.empty() && c.applications.empty())
      c.ids.push_back(id_globs[random() % id_globs.size()]);
    criticality.push_back(c);
  }
  const std::vector<std::string> ids{"k8s:shop/Deployment/a",
                                     "k8s:apps/x:shop/Service/b",
                                     "tf:aws_s3.x1",
                                     "tf:module.ab.aws_sqs.q",
                                     "iam:p.json",
                                     "k8s:?/Deployment/c",
                                     "ext:arn:b"};
  const std::vector<std::string> files{"apps/web/x.yaml", "tf/main.tf", "", "a/b/main.tf"};
  const std::vector<std::string> types{"aws_s3_bucket", "Deployment", "Service", "iam_policy"};
  const std::vector<std::string> applications{"", "shop", "store"};
  graph::GraphBuilder builder;
  std::vector<graph::Node> nodes;
  for (std::size_t i = 0; i < ids.size() * 12; ++i) {
    graph::Node node;
    node.id = ids[i % ids.size()] + "#" + std::to_string(i);
    node.type = types[i % types.size()];
    node.span.file = files[i % files.size()];
    node.application = applications[i % applications.size()];
    nodes.push_back(node);
    builder.add_node(node);
  }
  analyzer::config::apply_node_rules(builder, services, criticality);
  const auto graph = builder.build();
  for (const auto& node : nodes) {
    auto expected = node;
    for (const auto& rule : services) {
      if (analyzer::config::rule_matches(rule, node)) {
        expected.service = rule.service;
        break;
      }
    }
    for (const auto& rule : criticality) {
      if (analyzer::config::rule_matches(rule, node)) {
        expected.criticality = rule.criticality;
        break;
      }
    }
    const auto& actual = graph.node(graph.find(node.id));
    EXPECT_EQ(actual.service, expected.service) << node.id;
    EXPECT_EQ(actual.criticality, expected.criticality) << node.id;
  }
}

}  // namespace
}  // namespace blastgraph::testing
