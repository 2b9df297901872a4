#include "snapshot/tree_digest.hpp"

#include <algorithm>

#include <oneapi/tbb/parallel_for.h>

#include "blastgraph/core/binary_io.hpp"
#include "blastgraph/core/file_io.hpp"
#include "workspace/discover.hpp"

namespace blastgraph::analyzer::snapshot {

TreeDigest digest_tree(const std::filesystem::path& root, const LoadOptions& options) {
  const DiscoveredFiles discovered = discover_files(root, options);
  TreeDigest digest;
  for (const auto* list :
       {&discovered.terraform, &discovered.module_manifests, &discovered.documents}) {
    for (const auto& path : *list) digest.emplace_back(path, 0);
  }
  std::sort(digest.begin(), digest.end());
  tbb::parallel_for(std::size_t{0}, digest.size(), [&](std::size_t i) {
    auto text = read_file(root / digest[i].first, options.max_file_bytes);
    // A file too large to read is told by its size, which read_file's error names.
    digest[i].second = text ? checksum64(*text) : checksum64(text.error().message);
  });
  return digest;
}

std::vector<std::string> changed_paths(const TreeDigest& before, const TreeDigest& now) {
  std::vector<std::string> changed;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < before.size() || j < now.size()) {
    if (j == now.size() || (i < before.size() && before[i].first < now[j].first)) {
      changed.push_back(before[i++].first);
    } else if (i == before.size() || now[j].first < before[i].first) {
      changed.push_back(now[j++].first);
    } else {
      if (before[i].second != now[j].second) changed.push_back(before[i].first);
      ++i;
      ++j;
    }
  }
  return changed;
}

}  // namespace blastgraph::analyzer::snapshot
