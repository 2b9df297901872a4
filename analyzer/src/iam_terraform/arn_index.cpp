#include "iam_terraform/arn_index.hpp"

#include <algorithm>

namespace blastgraph::analyzer::iam_terraform {

std::string_view literal_prefix(std::string_view pattern) {
  return pattern.substr(0, pattern.find_first_of("*?"));
}

ArnIndex::ArnIndex(const std::vector<ResourceArn>& resources) {
  m_prefixes.reserve(resources.size() * 2);
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const auto& pattern = resources[i].pattern;
    m_prefixes.emplace_back(std::string(literal_prefix(pattern)), i);
    const auto objects = pattern + "/*";
    m_prefixes.emplace_back(std::string(literal_prefix(objects)), i);
  }
  std::sort(m_prefixes.begin(), m_prefixes.end());
  m_prefixes.erase(std::unique(m_prefixes.begin(), m_prefixes.end()), m_prefixes.end());
}

void ArnIndex::add_candidates(std::string_view pattern, std::vector<std::size_t>& out) const {
  const auto prefix = literal_prefix(pattern);
  // Resources whose literal prefix extends the pattern's: lower_bound(prefix) onwards.
  auto it = std::lower_bound(m_prefixes.begin(), m_prefixes.end(), prefix,
                             [](const auto& entry, std::string_view p) { return entry.first < p; });
  for (; it != m_prefixes.end() && std::string_view(it->first).starts_with(prefix); ++it) {
    out.push_back(it->second);
  }
  // Resources whose literal prefix is a proper prefix of the pattern's.
  for (std::size_t length = 0; length < prefix.size(); ++length) {
    const auto shorter = prefix.substr(0, length);
    auto [first, last] = std::equal_range(
        m_prefixes.begin(), m_prefixes.end(), shorter, [](const auto& a, const auto& b) {
          if constexpr (std::is_same_v<std::decay_t<decltype(a)>, std::string_view>) {
            return a < std::string_view(b.first);
          } else {
            return std::string_view(a.first) < b;
          }
        });
    for (; first != last; ++first) out.push_back(first->second);
  }
}

std::vector<std::size_t> ArnIndex::candidates(std::string_view pattern) const {
  std::vector<std::size_t> out;
  add_candidates(pattern, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::size_t> ArnIndex::candidates(const std::vector<std::string>& patterns) const {
  std::vector<std::size_t> out;
  for (const auto& pattern : patterns) add_candidates(pattern, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace blastgraph::analyzer::iam_terraform
