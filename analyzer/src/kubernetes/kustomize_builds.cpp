#include "kubernetes/kustomize_builds.hpp"

#include <algorithm>
#include <tuple>

#include "blastgraph/core/file_io.hpp"
#include "terraform/module_tree.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

bool is_within(const std::filesystem::path& path, const std::filesystem::path& root) {
  auto [root_end, path_it] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end();
}

kubernetes::ReadFile reader_below(const std::filesystem::path& root, std::size_t max_bytes) {
  std::error_code ec;
  const auto real_root = std::filesystem::weakly_canonical(root, ec);
  return [real_root, root, max_bytes](const std::string& path) -> std::optional<std::string> {
    std::error_code error;
    const auto real = std::filesystem::weakly_canonical(root / path, error);
    if (error || !is_within(real, real_root)) return std::nullopt;
    auto text = read_file(real, max_bytes);
    if (!text) return std::nullopt;
    return std::move(*text);
  };
}

}  // namespace

RenderedKustomizations render_kustomizations(
    const std::filesystem::path& root, const std::vector<kubernetes::Kustomization>& kustomizations,
    const LoadOptions& options) {
  const auto read = reader_below(root, options.max_file_bytes);
  std::vector<std::string> paths;
  for (const auto& k : kustomizations) paths.push_back(k.path);
  std::sort(paths.begin(), paths.end());
  std::vector<kubernetes::KustomizeBuild> all;
  for (const auto& path : paths) {
    all.push_back(kubernetes::kustomize_build(terraform_link::parent_dir(path), read));
  }
  // A kustomization another one reads is a base or a component, not applied on its own;
  // within a cycle (reported by the build) each one stays a root.
  auto reads = [](const kubernetes::KustomizeBuild& build, const std::string& file) {
    return std::find(build.inputs.begin(), build.inputs.end(), file) != build.inputs.end();
  };
  RenderedKustomizations out;
  std::set<std::tuple<std::string, std::uint32_t, std::uint32_t, std::string, std::string>> seen;
  for (std::size_t i = 0; i < all.size(); ++i) {
    bool included = false;
    for (std::size_t j = 0; j < all.size() && !included; ++j) {
      included = j != i && reads(all[j], paths[i]) && !reads(all[i], paths[j]);
    }
    if (included) continue;
    out.inputs.insert(all[i].inputs.begin(), all[i].inputs.end());
    for (const auto& d : all[i].diagnostics) {
      if (seen.emplace(d.file, d.position.line, d.position.column, d.code, d.message).second) {
        out.diagnostics.push_back(d);
      }
    }
    out.builds.push_back(std::move(all[i]));
  }
  return out;
}

}  // namespace blastgraph::analyzer::k8s_link
