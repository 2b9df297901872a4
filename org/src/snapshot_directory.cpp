#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <map>
#include <optional>
#include <system_error>

#include "blastgraph/analyzer/snapshot.hpp"
#include "blastgraph/org/organization.hpp"

namespace blastgraph::org {

Result<std::vector<analyzer::Workspace>> load_snapshot_directory(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Error{dir.string() + ": not a directory"};
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".bg" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) return Error{dir.string() + ": " + ec.message()};
  std::sort(files.begin(), files.end());
  // Read side by side; checked in file order, so the error shown is always the same one.
  std::vector<std::optional<Result<analyzer::Workspace>>> loaded(files.size());
  tbb::parallel_for(std::size_t{0}, files.size(), [&](std::size_t i) {
    loaded[i] =
        analyzer::load_snapshot(files[i], {}, dir, analyzer::SnapshotCheck::another_repository);
  });
  std::vector<analyzer::Workspace> repositories;
  std::map<std::string, std::filesystem::path> seen;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& file = files[i];
    auto& workspace = *loaded[i];
    if (!workspace) return Error{workspace.error().message};
    if (!valid_repository_name(workspace->repository)) {
      return Error{file.string() + ": repository name '" + workspace->repository +
                   "' is not valid; write it again with `blastgraph scan --save FILE --repo NAME`"};
    }
    const auto [it, added] = seen.emplace(workspace->repository, file);
    if (!added) {
      return Error{file.string() + ": repository '" + workspace->repository + "' also in " +
                   it->second.string() + "; keep one snapshot per repository"};
    }
    repositories.push_back(std::move(*workspace));
  }
  return repositories;
}

}  // namespace blastgraph::org
