#pragma once
// The render step between parsing and linking: every kustomization that no other one
// includes (a root, what `kubectl apply -k` is pointed at) is rendered, so the analyzer
// links the objects the cluster gets, with their rendered names and namespaces.

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/parsers/kubernetes.hpp"
#include "blastgraph/parsers/kustomize.hpp"

namespace blastgraph::analyzer::k8s_link {

struct RenderedKustomizations {
  std::vector<kubernetes::KustomizeBuild> builds;  // roots only, in path order
  std::set<std::string> inputs;  // every file a root reads: written objects are rendered ones
  std::vector<Diagnostic> diagnostics;  // of every root, each once
};

// Files are read below `root` only (a symlink out of it reads as missing), each bounded by
// options.max_file_bytes.
[[nodiscard]] RenderedKustomizations render_kustomizations(
    const std::filesystem::path& root, const std::vector<kubernetes::Kustomization>& kustomizations,
    const LoadOptions& options);

}  // namespace blastgraph::analyzer::k8s_link
