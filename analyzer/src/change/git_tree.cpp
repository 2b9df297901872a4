#include "change/git_tree.hpp"

#include <cstdlib>

#include "change/process.hpp"

namespace blastgraph::analyzer::git {
namespace fs = std::filesystem;
namespace {

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

Result<std::string> git_output(const std::vector<std::string>& argv) {
  auto run = process::run(argv);
  if (!run) return run.error();
  if (run->status != 0) {
    auto message = trim(run->err);
    return Error{message.empty() ? argv[1] + " " + argv[3] + " failed" : message};
  }
  return trim(std::move(run->out));
}

}  // namespace

Result<Repository> open_repository(const fs::path& root) {
  const auto dir = root.string();
  auto top = git_output({"git", "-C", dir, "rev-parse", "--show-toplevel"});
  if (!top) return Error{"not inside a git repository: " + top.error().message};
  auto prefix = git_output({"git", "-C", dir, "rev-parse", "--show-prefix"});
  if (!prefix) return prefix.error();
  return Repository{fs::path(*top), *prefix};
}

Result<std::string> resolve_commit(const Repository& repo, std::string_view revision) {
  // --end-of-options: a revision that starts with '-' is a name, never an option.
  auto commit = git_output({"git", "-C", repo.top.string(), "rev-parse", "--verify", "--quiet",
                            "--end-of-options", std::string(revision) + "^{commit}"});
  if (!commit || commit->empty()) return Error{"unknown revision: " + std::string(revision)};
  return commit;
}

TempDir::TempDir() {
  std::error_code ec;
  auto pattern = (fs::temp_directory_path(ec) / "blastgraph-git-XXXXXX").string();
  if (::mkdtemp(pattern.data()) != nullptr) m_path = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!m_path.empty()) fs::remove_all(m_path, ec);
}

Result<fs::path> materialize(const Repository& repo, const std::string& commit, const fs::path& into) {
  const auto archive = (into / (commit + ".tar")).string();
  std::vector<std::string> argv{"git", "-C", repo.top.string(), "archive", "--format=tar",
                                "--output=" + archive, commit};
  // Only the scanned subtree; an empty subtree at that commit is an empty tree, not an error.
  if (!repo.prefix.empty()) argv.insert(argv.end(), {"--", repo.prefix});
  auto written = process::run(argv);
  if (!written) return written.error();
  const auto name = repo.top.filename().empty() ? fs::path("repo") : repo.top.filename();
  const auto tree = into / commit / name;
  std::error_code ec;
  fs::create_directories(tree / repo.prefix, ec);
  if (ec) return Error{"cannot create " + tree.string() + ": " + ec.message()};
  if (written->status != 0 && !repo.prefix.empty()) return fs::path(tree / repo.prefix);
  if (written->status != 0) return Error{"git archive " + commit + " failed: " + trim(written->err)};
  auto extracted = process::run({"tar", "-x", "-f", archive, "-C", tree.string()});
  if (!extracted) return extracted.error();
  if (extracted->status != 0) return Error{"tar could not unpack " + archive + ": " + trim(extracted->err)};
  fs::remove(archive, ec);
  auto root = tree / repo.prefix;
  // Drop the trailing separator the prefix leaves, so filename() is the scanned root's name.
  return root.has_filename() ? root : root.parent_path();
}

}  // namespace blastgraph::analyzer::git
