#pragma once
// Reading and parsing many files in parallel. Results land at their file's index, so the
// order (and therefore the graph) never depends on scheduling.

#include <oneapi/tbb/parallel_for.h>

#include <filesystem>
#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/core/file_io.hpp"

namespace blastgraph::analyzer {

// `parse(path, text)` returns a Model; `unreadable(path, message)` returns the Model standing
// for a file that could not be read (too large, not a file, I/O error).
template <typename Model, typename Parse, typename Unreadable>
[[nodiscard]] std::vector<Model> parse_files(const std::filesystem::path& root,
                                             const std::vector<std::string>& paths,
                                             const LoadOptions& options, Parse parse,
                                             Unreadable unreadable) {
  std::vector<Model> models(paths.size());
  tbb::parallel_for(std::size_t{0}, paths.size(), [&](std::size_t i) {
    auto text = read_file(root / paths[i], options.max_file_bytes);
    models[i] = text ? parse(paths[i], *text) : unreadable(paths[i], text.error().message);
  });
  return models;
}

// The diagnostic for a file that could not be read.
[[nodiscard]] inline Diagnostic unreadable_file(const std::string& path, const std::string& why) {
  return {path, {}, Severity::error, "file-unreadable", why};
}

}  // namespace blastgraph::analyzer
