#include <oneapi/tbb/parallel_for.h>

#include <algorithm>

#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/parsers/terraform.hpp"
#include "terraform/link.hpp"
#include "terraform/manifest.hpp"
#include "terraform/module_tree.hpp"
#include "workspace/discover.hpp"

namespace blastgraph::analyzer {
namespace fs = std::filesystem;

namespace {

// Reads and parses every file in parallel; results land at their file's index, so the order
// (and therefore the graph) does not depend on scheduling.
std::vector<terraform::File> parse_terraform_files(const fs::path& root,
                                                   const std::vector<std::string>& paths,
                                                   const LoadOptions& options) {
  std::vector<terraform::File> files(paths.size());
  tbb::parallel_for(std::size_t{0}, paths.size(), [&](std::size_t i) {
    auto text = read_file(root / paths[i], options.max_file_bytes);
    if (!text) {
      files[i].path = paths[i];
      files[i].diagnostics.push_back(
          {paths[i], {}, Severity::error, "file-unreadable", text.error().message});
      return;
    }
    files[i] = terraform::parse_file(paths[i], *text);
  });
  return files;
}

void count_coverage(const std::vector<terraform::File>& files, Workspace& workspace) {
  workspace.coverage.files_scanned += files.size();
  for (const auto& file : files) {
    const bool unreadable = std::any_of(file.diagnostics.begin(), file.diagnostics.end(),
                                        [](const Diagnostic& d) { return d.code == "file-unreadable"; });
    const bool errors = std::any_of(file.diagnostics.begin(), file.diagnostics.end(),
                                    [](const Diagnostic& d) { return d.severity == Severity::error; });
    if (unreadable) {
      ++workspace.coverage.files_unparsed;
    } else if (errors) {
      ++workspace.coverage.files_with_errors;
    }
  }
}

}  // namespace

Result<Workspace> load_workspace(const fs::path& root, const LoadOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return Error{"not a directory: " + root.string()};

  Workspace workspace;
  workspace.root = root;
  auto discovered = discover_files(root, options);
  workspace.diagnostics = std::move(discovered.diagnostics);

  // Remote modules `terraform init` installed under the tree are parsed too, so they can be
  // expanded offline.
  auto manifests = terraform_link::read_module_manifests(root, discovered.module_manifests, options,
                                                         workspace.diagnostics);
  auto paths = discovered.terraform;
  for (const auto& dir : manifests.installed_dirs) {
    auto installed = list_terraform_files(root, dir, options);
    paths.insert(paths.end(), installed.begin(), installed.end());
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());

  auto files = parse_terraform_files(root, paths, options);
  count_coverage(files, workspace);
  for (auto& file : files) {
    workspace.diagnostics.insert(workspace.diagnostics.end(), file.diagnostics.begin(),
                                 file.diagnostics.end());
  }

  terraform_link::ModuleTree tree(files, workspace.diagnostics);
  workspace.terraform_roots = tree.roots();
  auto forest = terraform_link::expand_instances(tree, manifests, workspace.terraform_roots,
                                                 options, workspace.diagnostics);

  graph::GraphBuilder builder;
  auto root_name = fs::weakly_canonical(root, ec).filename().string();
  terraform_link::LinkContext context{builder, workspace.diagnostics, workspace.coverage,
                                      root_name.empty() ? "." : root_name};
  terraform_link::link_terraform(forest, context);
  workspace.graph = builder.build();

  sort_diagnostics(workspace.diagnostics);
  workspace.coverage.unresolved_references = static_cast<std::size_t>(
      std::count_if(workspace.diagnostics.begin(), workspace.diagnostics.end(),
                    [](const Diagnostic& d) { return d.code == "tf-unresolved-reference"; }));
  return workspace;
}

}  // namespace blastgraph::analyzer
