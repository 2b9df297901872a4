#include "config/prefix_table.hpp"

#include <algorithm>

namespace blastgraph::analyzer::config {
namespace {

using Entry = std::pair<std::string, std::size_t>;

// The first entry whose key is not less than `key`.
auto first_not_before(const std::vector<Entry>& entries, std::string_view key) {
  return std::lower_bound(entries.begin(), entries.end(), key,
                          [](const Entry& e, std::string_view k) { return e.first < k; });
}

}  // namespace

void PrefixTable::freeze() {
  std::sort(m_entries.begin(), m_entries.end());
  m_entries.erase(std::unique(m_entries.begin(), m_entries.end()), m_entries.end());
}

void PrefixTable::add_prefixes_of(std::string_view text, std::vector<std::size_t>& out) const {
  for (std::size_t length = 0; length <= text.size(); ++length) {
    const auto prefix = text.substr(0, length);
    for (auto it = first_not_before(m_entries, prefix);
         it != m_entries.end() && it->first == prefix; ++it) {
      out.push_back(it->second);
    }
  }
}

void PrefixTable::add_extensions_of(std::string_view text, std::vector<std::size_t>& out) const {
  for (auto it = first_not_before(m_entries, text);
       it != m_entries.end() && std::string_view(it->first).starts_with(text); ++it) {
    out.push_back(it->second);
  }
}

void sort_unique(std::vector<std::size_t>& positions) {
  std::sort(positions.begin(), positions.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
}

}  // namespace blastgraph::analyzer::config
