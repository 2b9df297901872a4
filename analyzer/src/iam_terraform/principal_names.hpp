#pragma once
// The tree's principals by the last segment of their ARN, for the ARN patterns of Principal
// elements: a pattern only overlaps an ARN whose last segment (after the last '/' or ':') is
// the same, unless one of the two last segments holds a wildcard.
// NOTE: without it, a trust naming one role (a CI role every service role trusts) was checked
// against every principal of the tree, for every role: 12,000 roles took 10 s, growing with
// the square.

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "iam_terraform/principals.hpp"

namespace blastgraph::analyzer::iam_terraform {

class PrincipalNames {
 public:
  // Indexes `principals`, which must outlive this object and stay unchanged.
  void index(const std::map<std::string, PrincipalPolicies>& principals);

  // The nodes whose ARN `pattern` may overlap: a superset of the matches, which
  // patterns_overlap decides.
  [[nodiscard]] std::vector<const std::string*> candidates(std::string_view pattern) const;

 private:
  std::unordered_map<std::string_view, std::vector<const std::string*>> m_by_last;
  std::vector<const std::string*> m_wild_last;  // their last segment holds a wildcard
  std::vector<const std::string*> m_all;
};

// What follows the last '/' or ':' of an ARN or ARN pattern.
[[nodiscard]] std::string_view last_segment(std::string_view arn);

}  // namespace blastgraph::analyzer::iam_terraform
