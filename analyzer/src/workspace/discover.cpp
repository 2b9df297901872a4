#include "workspace/discover.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <system_error>

namespace blastgraph::analyzer {
namespace fs = std::filesystem;

namespace {

// Directories that hold tool state or third-party trees, never the user's configuration.
constexpr std::array<std::string_view, 5> k_skipped_dirs = {".git", ".terraform", "node_modules",
                                                            ".terragrunt-cache", ".venv"};

bool is_skipped_dir(const fs::path& dir) {
  const auto name = dir.filename().string();
  return std::find(k_skipped_dirs.begin(), k_skipped_dirs.end(), name) != k_skipped_dirs.end();
}

}  // namespace

bool is_terraform_file(const fs::path& path) {
  const auto name = path.filename().string();
  return name.ends_with(".tf") || name.ends_with(".tf.json");
}

std::string relative_path(const fs::path& path, const fs::path& root) {
  auto rel = path.lexically_relative(root).generic_string();
  if (rel.empty()) return ".";
  return rel;
}

DiscoveredFiles discover_files(const fs::path& root, const LoadOptions& options) {
  DiscoveredFiles found;
  std::error_code ec;
  // NOTE: symlinked directories are not followed (the iterator's default), which rules out
  // loops and keeps every input inside the scanned root.
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    found.diagnostics.push_back({"", {}, Severity::error, "io-error",
                                 "cannot list " + root.string() + ": " + ec.message()});
    return found;
  }
  std::size_t seen = 0;
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      found.diagnostics.push_back({relative_path(it->path(), root), {}, Severity::warning,
                                   "io-error", "cannot list directory: " + ec.message()});
      ec.clear();
      continue;
    }
    const fs::directory_entry& entry = *it;
    if (entry.is_directory(ec)) {
      if (entry.is_symlink(ec) || is_skipped_dir(entry.path())) it.disable_recursion_pending();
      if (entry.path().filename() == ".terraform" &&
          fs::is_regular_file(entry.path() / "modules" / "modules.json", ec)) {
        found.module_manifests.push_back(
            relative_path(entry.path() / "modules" / "modules.json", root));
      }
      continue;
    }
    const auto extension = entry.path().extension();
    const bool terraform = is_terraform_file(entry.path());
    const bool document = extension == ".yaml" || extension == ".yml" || extension == ".json";
    if (!terraform && !document) continue;
    if (++seen > options.max_files) {
      found.diagnostics.push_back(
          {"", {}, Severity::error, "too-many-files",
           "more than " + std::to_string(options.max_files) + " files; the rest are not scanned"});
      break;
    }
    (terraform ? found.terraform : found.documents).push_back(relative_path(entry.path(), root));
  }
  std::sort(found.terraform.begin(), found.terraform.end());
  std::sort(found.module_manifests.begin(), found.module_manifests.end());
  std::sort(found.documents.begin(), found.documents.end());
  return found;
}

std::vector<std::string> list_terraform_files(const fs::path& root, const std::string& dir,
                                              const LoadOptions& options) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(root / dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec)) {
      if (it->is_symlink(ec) || is_skipped_dir(it->path())) it.disable_recursion_pending();
      continue;
    }
    if (!is_terraform_file(it->path())) continue;
    if (files.size() >= options.max_files) break;
    files.push_back(relative_path(it->path(), root));
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace blastgraph::analyzer
