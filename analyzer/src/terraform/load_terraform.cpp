#include "terraform/load_terraform.hpp"

#include <algorithm>

#include "terraform/manifest.hpp"
#include "workspace/parse_files.hpp"

namespace blastgraph::analyzer::terraform_link {
namespace {

bool has_code(const terraform::File& file, std::string_view code) {
  return std::any_of(file.diagnostics.begin(), file.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.code == code; });
}

// Files with errors are counted after linking, from every diagnostic (workspace/coverage.hpp):
// here only the files that could not be read at all.
void count_coverage(const std::vector<terraform::File>& files, Coverage& coverage) {
  coverage.files_scanned += files.size();
  for (const auto& file : files) {
    if (has_code(file, "file-unreadable") || has_code(file, "hcl-too-many-tokens")) {
      coverage.unread_files.push_back({file.path, ReadProblem::unparsed, {}, {}, {}});
    }
  }
}

}  // namespace

std::unique_ptr<TerraformInput> load_terraform(const std::filesystem::path& root,
                                               const DiscoveredFiles& discovered,
                                               const LoadOptions& options, Workspace& workspace) {
  // Remote modules `terraform init` installed under the tree are parsed too, so they can be
  // expanded offline.
  const auto manifests =
      read_module_manifests(root, discovered.module_manifests, options, workspace.diagnostics);
  auto paths = discovered.terraform;
  for (const auto& dir : manifests.installed_dirs) {
    auto installed = list_terraform_files(root, dir, options);
    paths.insert(paths.end(), installed.begin(), installed.end());
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());

  auto input = std::make_unique<TerraformInput>();
  input->files = parse_files<terraform::File>(
      root, paths, options,
      [](const std::string& path, const std::string& text) { return terraform::parse_file(path, text); },
      [](const std::string& path, const std::string& why) {
        terraform::File file;
        file.path = path;
        file.diagnostics.push_back(unreadable_file(path, why));
        return file;
      });
  count_coverage(input->files, workspace.coverage);
  for (const auto& file : input->files) {
    workspace.diagnostics.insert(workspace.diagnostics.end(), file.diagnostics.begin(),
                                 file.diagnostics.end());
  }
  input->tree = std::make_unique<ModuleTree>(input->files, workspace.diagnostics);
  workspace.terraform_roots = input->tree->roots();
  workspace.configured_roots = input->tree->configured(workspace.terraform_roots);
  input->forest = expand_instances(*input->tree, manifests, workspace.terraform_roots, options,
                                   workspace.diagnostics);
  for (const auto& [instance, call, reason] : input->forest.unexpanded) {
    if (call->source.empty()) continue;
    workspace.coverage.unexpanded_modules.push_back(
        {instance->id("module." + call->name),
         call->source + (call->version.empty() ? "" : "@" + call->version), call->span.file,
         call->span.first_line, reason});
  }
  std::sort(workspace.coverage.unexpanded_modules.begin(),
            workspace.coverage.unexpanded_modules.end());
  return input;
}

}  // namespace blastgraph::analyzer::terraform_link
