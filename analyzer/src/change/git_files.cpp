// Which files a git range changed: what the node comparison cannot see (application code,
// docs), so that the change sources can list them and path rules can map them.
#include <algorithm>

#include "change/git_tree.hpp"
#include "change/process.hpp"

namespace blastgraph::analyzer::git {
namespace {

// NUL-separated fields, as `-z` prints them.
std::vector<std::string> split_nul(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\0', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Result<std::string> run_git(const std::vector<std::string>& argv) {
  auto run = process::run(argv);
  if (!run) return run.error();
  if (run->status != 0) return Error{argv[3] + " failed: " + run->err};
  return std::move(run->out);
}

}  // namespace

Result<std::vector<ChangedFile>> changed_files(const Repository& repo, const std::string& base,
                                               const std::string& head) {
  // Run where the scanned root is: --relative and ls-files then print paths relative to it
  // and only below it.
  const auto dir = (repo.top / repo.prefix).string();
  std::vector<std::string> argv{"git", "-C", dir, "diff", "--name-status", "-z", "--no-renames",
                                "--relative", base};
  if (!head.empty()) argv.push_back(head);
  argv.emplace_back("--");
  auto diff = run_git(argv);
  if (!diff) return diff.error();
  std::vector<ChangedFile> files;
  const auto fields = split_nul(*diff);
  for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
    files.push_back({fields[i + 1], fields[i] == "D"});
  }
  if (head.empty()) {
    auto untracked = run_git({"git", "-C", dir, "ls-files", "--others", "--exclude-standard", "-z"});
    if (!untracked) return untracked.error();
    for (auto& path : split_nul(*untracked)) files.push_back({std::move(path), false});
  }
  std::sort(files.begin(), files.end(),
            [](const ChangedFile& a, const ChangedFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace blastgraph::analyzer::git
