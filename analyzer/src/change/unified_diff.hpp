#pragma once
// Reading a unified diff as `git diff` prints it (also plain `diff -u` output): per file, its
// old and new path, what happened to the file, and per hunk which lines were added (new-side
// numbers) and where lines were deleted.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"

namespace blastgraph::analyzer::diffs {

struct Hunk {
  std::uint32_t old_start = 0;
  std::uint32_t old_count = 0;
  std::uint32_t new_start = 0;
  std::uint32_t new_count = 0;
  std::vector<std::uint32_t> added;  // new-side line numbers, ascending
  // Per deleted line: the new-side number of the line that follows it (so the deletion lay
  // between `anchor - 1` and `anchor` of the new file). Ascending.
  std::vector<std::uint32_t> deleted_before;
  // Every added and deleted line is blank or a whole-line comment (`#`, `//`).
  bool comments_only = true;
};

struct FileDiff {
  std::string old_path;  // empty for a new file
  std::string new_path;  // empty for a deleted file
  bool added = false;
  bool deleted = false;
  bool renamed = false;
  bool binary = false;
  std::vector<Hunk> hunks;
};

struct ParsedDiff {
  std::vector<FileDiff> files;
  std::vector<Diagnostic> diagnostics;  // diff-syntax (error), diff-truncated (warning)
};

// Never throws: a malformed header or hunk becomes a diagnostic at `name:line:col` and reading
// resumes at the next file or hunk header. Text before the first file (a commit message) is
// ignored.
[[nodiscard]] ParsedDiff parse_unified_diff(std::string_view text, std::string_view name);

}  // namespace blastgraph::analyzer::diffs
