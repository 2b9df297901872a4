#include "iam_terraform/principal_names.hpp"

namespace blastgraph::analyzer::iam_terraform {
namespace {

bool has_wildcard(std::string_view text) {
  return text.find_first_of("*?") != std::string_view::npos;
}

}  // namespace

std::string_view last_segment(std::string_view arn) {
  const auto separator = arn.find_last_of("/:");
  return separator == std::string_view::npos ? arn : arn.substr(separator + 1);
}

void PrincipalNames::index(const std::map<std::string, PrincipalPolicies>& principals) {
  for (const auto& [node, principal] : principals) {
    if (principal.arn.empty()) continue;
    m_all.push_back(&node);
    const auto last = last_segment(principal.arn);
    if (has_wildcard(last)) {
      m_wild_last.push_back(&node);
    } else {
      m_by_last[last].push_back(&node);
    }
  }
}

std::vector<const std::string*> PrincipalNames::candidates(std::string_view pattern) const {
  const auto last = last_segment(pattern);
  if (has_wildcard(last)) return m_all;
  std::vector<const std::string*> out = m_wild_last;
  if (const auto it = m_by_last.find(last); it != m_by_last.end()) {
    out.insert(out.end(), it->second.begin(), it->second.end());
  }
  return out;
}

}  // namespace blastgraph::analyzer::iam_terraform
