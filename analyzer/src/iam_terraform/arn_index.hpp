#pragma once
// Resource ARN patterns indexed by their literal prefix (the text before the first `*` or `?`),
// so that a policy pattern visits only the resources it could overlap instead of all of them.
// Two patterns can overlap only when one literal prefix is a prefix of the other.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "config/prefix_table.hpp"
#include "iam_terraform/resource_arns.hpp"

namespace blastgraph::analyzer::iam_terraform {

class ArnIndex {
 public:
  // Indexes each resource's pattern and its pattern + "/*" (a bucket's objects).
  explicit ArnIndex(const std::vector<ResourceArn>& resources);

  // Positions in `resources`, ascending, of every resource whose pattern or pattern + "/*"
  // may overlap `pattern`: a superset of the matches; patterns_overlap decides.
  [[nodiscard]] std::vector<std::size_t> candidates(std::string_view pattern) const;
  // The union of candidates of `patterns`, ascending.
  [[nodiscard]] std::vector<std::size_t> candidates(const std::vector<std::string>& patterns) const;

 private:
  void add_candidates(std::string_view pattern, std::vector<std::size_t>& out) const;

  config::PrefixTable m_prefixes;  // literal prefixes of patterns and patterns + "/*"
};

// The text before the first wildcard.
[[nodiscard]] std::string_view literal_prefix(std::string_view pattern);

}  // namespace blastgraph::analyzer::iam_terraform
