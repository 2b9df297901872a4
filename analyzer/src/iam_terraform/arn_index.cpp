#include "iam_terraform/arn_index.hpp"

namespace blastgraph::analyzer::iam_terraform {

std::string_view literal_prefix(std::string_view pattern) {
  return pattern.substr(0, pattern.find_first_of("*?"));
}

ArnIndex::ArnIndex(const std::vector<ResourceArn>& resources) {
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const auto& pattern = resources[i].pattern;
    m_prefixes.add(std::string(literal_prefix(pattern)), i);
    m_prefixes.add(std::string(literal_prefix(pattern + "/*")), i);
  }
  m_prefixes.freeze();
}

void ArnIndex::add_candidates(std::string_view pattern, std::vector<std::size_t>& out) const {
  // Two literal prefixes are consistent when one starts the other.
  const auto prefix = literal_prefix(pattern);
  m_prefixes.add_extensions_of(prefix, out);
  m_prefixes.add_prefixes_of(prefix, out);
}

std::vector<std::size_t> ArnIndex::candidates(std::string_view pattern) const {
  std::vector<std::size_t> out;
  add_candidates(pattern, out);
  config::sort_unique(out);
  return out;
}

std::vector<std::size_t> ArnIndex::candidates(const std::vector<std::string>& patterns) const {
  std::vector<std::size_t> out;
  for (const auto& pattern : patterns) add_candidates(pattern, out);
  config::sort_unique(out);
  return out;
}

}  // namespace blastgraph::analyzer::iam_terraform
