#include "config/glob_index.hpp"

namespace blastgraph::analyzer::config {

GlobIndex::GlobIndex(const std::vector<std::string>& globs) {
  for (std::size_t i = 0; i < globs.size(); ++i) {
    const std::string_view glob = globs[i];
    const auto head = glob.substr(0, glob.find_first_of("*?["));
    // NOTE: after the last `*`, `?`, `[` or `]`: a class's members are not literal, and a `]`
    // that is literal only shortens the tail, which stays a necessary condition.
    const auto last = glob.find_last_of("*?[]");
    const auto tail = last == std::string_view::npos ? glob : glob.substr(last + 1);
    if (head.size() >= tail.size()) {
      m_heads.add(std::string(head), i);
    } else {
      m_tails.add(std::string(tail.rbegin(), tail.rend()), i);
    }
  }
  m_heads.freeze();
  m_tails.freeze();
}

std::vector<std::size_t> GlobIndex::candidates(std::string_view text) const {
  std::vector<std::size_t> out;
  m_heads.add_prefixes_of(text, out);
  const std::string reversed(text.rbegin(), text.rend());
  m_tails.add_prefixes_of(reversed, out);
  sort_unique(out);
  return out;
}

}  // namespace blastgraph::analyzer::config
