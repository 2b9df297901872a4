// Glob syntax checks and path globs (`*` stays inside one directory, `**` crosses them).
#include "config/globs.hpp"

#include <fnmatch.h>

#include <vector>

#include "blastgraph/analyzer/rules.hpp"

namespace blastgraph::analyzer {
namespace config {

std::optional<GlobProblem> check_glob(std::string_view pattern) {
  if (pattern.empty()) return GlobProblem{0, "empty glob"};
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;  // an escaped character is literal, `\[` included
      continue;
    }
    if (pattern[i] != '[') continue;
    // As in fnmatch, a `]` right after `[` or `[!` / `[^` is a member, not the end.
    std::size_t j = i + 1;
    if (j < pattern.size() && (pattern[j] == '!' || pattern[j] == '^')) ++j;
    if (j < pattern.size() && pattern[j] == ']') ++j;
    while (j < pattern.size() && pattern[j] != ']') ++j;
    if (j >= pattern.size()) return GlobProblem{i, "unbalanced '[' (the class is never closed)"};
    i = j;
  }
  return std::nullopt;
}

}  // namespace config

namespace {

std::vector<std::string> split_path(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto slash = text.find('/', start);
    parts.emplace_back(text.substr(start, slash == std::string_view::npos ? text.npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

// Segment by segment; `**` matches zero or more whole segments. Backtracking is bounded by
// segments x segments, paths are short.
bool match_segments(const std::vector<std::string>& pattern, std::size_t p,
                    const std::vector<std::string>& path, std::size_t t) {
  while (p < pattern.size()) {
    if (pattern[p] == "**") {
      for (std::size_t skip = t; skip <= path.size(); ++skip) {
        if (match_segments(pattern, p + 1, path, skip)) return true;
      }
      return false;
    }
    if (t >= path.size()) return false;
    if (::fnmatch(pattern[p].c_str(), path[t].c_str(), 0) != 0) return false;
    ++p;
    ++t;
  }
  return t == path.size();
}

}  // namespace

bool path_glob_match(std::string_view pattern, std::string_view path) {
  return match_segments(split_path(pattern), 0, split_path(path), 0);
}

}  // namespace blastgraph::analyzer
