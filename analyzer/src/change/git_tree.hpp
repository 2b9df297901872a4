#pragma once
// Reading a revision's files out of git into a temporary directory, without touching the
// user's checkout, index or refs.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/result.hpp"

namespace blastgraph::analyzer::git {

struct Repository {
  std::filesystem::path top;  // the work tree's top level
  std::string prefix;         // the scanned root relative to `top`: "" or "dir/sub/"
};

// The repository holding `root`; an error when there is none (or git is missing).
[[nodiscard]] Result<Repository> open_repository(const std::filesystem::path& root);

// The commit `revision` names, as a full hash; an error for an unknown revision.
[[nodiscard]] Result<std::string> resolve_commit(const Repository& repo, std::string_view revision);

// A temporary directory removed (recursively) with this object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  [[nodiscard]] bool ok() const { return !m_path.empty(); }

 private:
  std::filesystem::path m_path;
};

// Writes the tracked files of `commit` below `repo.prefix` into `into/<top's name>/` and
// returns the directory that corresponds to the scanned root. Its last component is the
// scanned root's, so names derived from it (a root module's service) match.
[[nodiscard]] Result<std::filesystem::path> materialize(const Repository& repo,
                                                        const std::string& commit,
                                                        const std::filesystem::path& into);

// A file that differs between two revisions, relative to the scanned root.
struct ChangedFile {
  std::string path;
  bool deleted = false;  // present at the base only
};

// The files below the scanned root that differ between the commit `base` and `head` (a
// commit; empty for the working tree, untracked files that are not ignored included).
// Renames are a delete plus an add. Sorted by path.
[[nodiscard]] Result<std::vector<ChangedFile>> changed_files(const Repository& repo,
                                                             const std::string& base,
                                                             const std::string& head);

}  // namespace blastgraph::analyzer::git
