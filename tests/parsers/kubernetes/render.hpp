#pragma once
// Text renderings of what the Kubernetes parsers produce, for golden files: one fact per
// line, every position included, so a wrong line or column shows up as a diff.

#include <filesystem>
#include <string>
#include <vector>

#include "blastgraph/parsers/kubernetes.hpp"
#include "blastgraph/parsers/yaml.hpp"

namespace blastgraph::kubernetes::testing {

[[nodiscard]] std::string render_stream(const yaml::Stream& stream);
[[nodiscard]] std::string render_manifests(const ManifestFile& file);
[[nodiscard]] std::string render_kustomization(const Kustomization& kustomization);

// fixtures/parsers/kubernetes
[[nodiscard]] std::filesystem::path fixtures_dir();
[[nodiscard]] std::string read_text(const std::filesystem::path& path);
// Names of the sub-directories of `dir`, sorted.
[[nodiscard]] std::vector<std::string> list_cases(const std::filesystem::path& dir);

}  // namespace blastgraph::kubernetes::testing
