#pragma once
// Literal strings, each standing for a position in some list, sorted so that two questions
// take a binary search per answer rather than a scan: which keys are a prefix of a text, and
// which keys start with it. The matching indexes (glob_index.hpp, arn_index.hpp) file their
// patterns' literal parts here.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blastgraph::analyzer::config {

class PrefixTable {
 public:
  void add(std::string key, std::size_t position) {
    m_entries.emplace_back(std::move(key), position);
  }
  // Call once every key is in, before asking.
  void freeze();

  // Appends the positions of the keys that are a prefix of `text` (the empty key too).
  void add_prefixes_of(std::string_view text, std::vector<std::size_t>& out) const;
  // Appends the positions of the keys that start with `text`.
  void add_extensions_of(std::string_view text, std::vector<std::size_t>& out) const;

 private:
  std::vector<std::pair<std::string, std::size_t>> m_entries;  // sorted, unique
};

// `positions` sorted ascending, without repeats.
void sort_unique(std::vector<std::size_t>& positions);

}  // namespace blastgraph::analyzer::config
