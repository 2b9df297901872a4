#include "config/glob_index.hpp"

#include <algorithm>

namespace blastgraph::analyzer::config {
namespace {

constexpr std::string_view k_special = "*?[";

using Entries = std::vector<std::pair<std::string, std::size_t>>;

// Every entry whose literal is a prefix of `text` (the empty literal too).
void add_prefixes_of(const Entries& entries, std::string_view text, std::vector<std::size_t>& out) {
  for (std::size_t length = 0; length <= text.size(); ++length) {
    const auto prefix = text.substr(0, length);
    auto first = std::lower_bound(entries.begin(), entries.end(), prefix,
                                  [](const auto& e, std::string_view p) { return e.first < p; });
    for (; first != entries.end() && first->first == prefix; ++first) out.push_back(first->second);
  }
}

}  // namespace

GlobIndex::GlobIndex(const std::vector<std::string>& globs) {
  for (std::size_t i = 0; i < globs.size(); ++i) {
    const std::string_view glob = globs[i];
    const auto head = glob.substr(0, glob.find_first_of(k_special));
    // NOTE: after the last `*`, `?`, `[` or `]`: a class's members are not literal, and a `]`
    // that is literal only shortens the tail, which stays a necessary condition.
    const auto last = glob.find_last_of("*?[]");
    const auto tail = last == std::string_view::npos ? glob : glob.substr(last + 1);
    if (head.size() >= tail.size()) {
      m_heads.emplace_back(std::string(head), i);
    } else {
      m_tails.emplace_back(std::string(tail.rbegin(), tail.rend()), i);
    }
  }
  std::sort(m_heads.begin(), m_heads.end());
  std::sort(m_tails.begin(), m_tails.end());
}

std::vector<std::size_t> GlobIndex::candidates(std::string_view text) const {
  std::vector<std::size_t> out;
  add_prefixes_of(m_heads, text, out);
  const std::string reversed(text.rbegin(), text.rend());
  add_prefixes_of(m_tails, reversed, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace blastgraph::analyzer::config
