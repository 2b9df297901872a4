// Changed files in which no node changed: their kind, their moves, the settings they hold.
#include "change/other_files.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include "blastgraph/core/file_io.hpp"
#include "change/file_kinds.hpp"
#include "change/file_revisions.hpp"
#include "change/settings_changes.hpp"
#include "change/text.hpp"
#include "kubernetes/ids.hpp"
#include "terraform/module_tree.hpp"
#include "terraform/overrides.hpp"
#include "workspace/discover.hpp"

namespace blastgraph::analyzer::other_files {
namespace {

void add_node_files(const graph::Graph& graph, std::set<std::string, std::less<>>& files) {
  for (const auto& node : graph.nodes()) {
    if (!node.span.file.empty()) files.insert(node.span.file);
  }
}

// The files of the nodes a comparison found changed.
std::set<std::string, std::less<>> files_of_changes(const Workspace& base, const Workspace& head,
                                                    const ChangeFindings& found) {
  std::set<std::string, std::less<>> files;
  for (const auto& change : found.changes) {
    for (const auto* graph : {&head.graph, &base.graph}) {
      if (const auto index = graph->find(change.id); index != graph::k_no_node) {
        files.insert(graph->node(index).span.file);
      }
    }
  }
  return files;
}

// What a changed file that holds no changed node is, from both revisions of it.
file_kinds::FileKind kind_of_file(const Workspace& base, const Workspace& head,
                                  const git::ChangedFile& file, bool holds_nodes,
                                  const revisions::FileRevisions& compared) {
  if (!compared.settings.empty()) {
    if (file_kinds::is_not_deployed(file.path)) {
      return {UnmappedKind::not_deployed, "example or test: not deployed"};
    }
    std::vector<std::string> blocks;
    for (const auto& change : compared.settings) blocks.push_back(change.block);
    return {UnmappedKind::unassessable, "Terraform settings changed: " + text::join(blocks)};
  }
  if (!compared.changes_content) {
    return {UnmappedKind::no_effect, compared.changes_documentation
                                         ? "descriptions or validation messages only"
                                         : "comments or formatting only"};
  }
  if (holds_nodes) {
    return {UnmappedKind::no_effect,
            "its nodes are unchanged (moved between files, or the file "
            "changed only outside them)"};
  }
  const bool terraform = is_terraform_file(file.path);
  if (terraform) return {UnmappedKind::other, "no resource, value or module in this file"};
  auto kind = file_kinds::classify(file.deleted ? base : head, file.path);
  if (file.deleted) kind.reason = "file deleted; " + kind.reason;
  return kind;
}

// Whether `file`, which shapes the Kubernetes object `id`, moved along with it unchanged: the
// object moved from another application root, and the same file below that root is equal.
bool moved_along(const Revisions& revs, const std::string& file, const std::string& id) {
  const auto moved = revs.moves.find(id);
  if (moved == revs.moves.end()) return false;
  const auto new_root = k8s_link::scope_of_id(id);
  const auto old_root = k8s_link::scope_of_id(moved->second);
  if (new_root.empty() || old_root.empty() || !terraform_link::is_below(file, new_root)) {
    return false;
  }
  const auto old_file = old_root + file.substr(new_root.size());
  const auto max = revs.options.max_file_bytes;
  const auto old_text = read_file(revs.base.root / old_file, max);
  const auto new_text = read_file(revs.head.root / file, max);
  return old_text && new_text && *old_text == *new_text;
}

// Files deleted at one path and added at another with equal bytes: each path -> the reason
// naming the other ("moved to X", "moved from X").
std::map<std::string, std::string> moved_files(const Revisions& revs,
                                               const std::vector<git::ChangedFile>& files) {
  std::map<std::string, std::string> deleted_by_text;  // text -> path
  const auto max = revs.options.max_file_bytes;
  for (const auto& file : files) {
    if (!file.deleted) continue;
    if (auto text = read_file(revs.base.root / file.path, max)) {
      deleted_by_text.emplace(std::move(*text), file.path);
    }
  }
  std::map<std::string, std::string> out;
  if (deleted_by_text.empty()) return out;
  for (const auto& file : files) {
    if (file.deleted || std::filesystem::exists(revs.base.root / file.path)) continue;
    auto text = read_file(revs.head.root / file.path, max);
    if (!text) continue;
    const auto found = deleted_by_text.find(*text);
    if (found == deleted_by_text.end()) continue;
    out.emplace(file.path, "moved from " + found->second + " with equal content");
    out.emplace(found->second, "moved to " + file.path + " with equal content");
    deleted_by_text.erase(found);
  }
  return out;
}

}  // namespace

void list_other_files(const std::vector<git::ChangedFile>& files, const Revisions& revs,
                      ChangeFindings& out) {
  const auto& base = revs.base;
  const auto& head = revs.head;
  std::set<std::string, std::less<>> with_nodes;
  add_node_files(base.graph, with_nodes);
  add_node_files(head.graph, with_nodes);
  const auto with_changes = files_of_changes(base, head, out);
  const auto moved = moved_files(revs, files);
  std::optional<settings::ModuleResources> resources;  // built at the first settings change
  for (const auto& file : files) {
    // A kustomize patch or overlay changes what it renders, whose own text is elsewhere.
    bool shapes = false;
    auto shaped = std::lower_bound(head.shaped_by.begin(), head.shaped_by.end(),
                                   std::pair<std::string, std::string>{file.path, {}});
    for (; shaped != head.shaped_by.end() && shaped->first == file.path; ++shaped) {
      shapes = true;
      if (moved_along(revs, file.path, shaped->second)) continue;
      out.changes.push_back(
          {shaped->second, ChangeAction::update, ChangeSource::git, "shaped by " + file.path, {}});
    }
    if (shapes || with_changes.contains(file.path)) continue;
    // An override file's blocks are merged into nodes declared in other files, whose content
    // includes them: an edit there is already a change of those nodes.
    if (!file.deleted && terraform_link::is_override_file(file.path)) continue;
    if (const auto found = moved.find(file.path); found != moved.end()) {
      out.unmapped.push_back(
          {ChangeSource::git, file.path, 0, 0, {}, found->second, UnmappedKind::no_effect});
      continue;
    }
    auto compared =
        revisions::compare_file(base.root, head.root, file.path, revs.options.max_file_bytes);
    if (!compared.settings.empty() && !file_kinds::is_not_deployed(file.path)) {
      // Settings reach the resources they govern; what reaches none stays unassessable.
      if (!resources) resources.emplace(head.graph);
      auto found = settings::settings_changes(*resources, file.path, compared.settings);
      std::move(found.changes.begin(), found.changes.end(), std::back_inserter(out.changes));
      std::erase_if(compared.settings, [&](const revisions::SettingsChange& change) {
        return std::find(found.unmatched.begin(), found.unmatched.end(), change.block) ==
               found.unmatched.end();
      });
      if (compared.settings.empty()) continue;
    }
    auto kind = kind_of_file(base, head, file, with_nodes.contains(file.path), compared);
    out.unmapped.push_back(
        {ChangeSource::git, file.path, 0, 0, {}, std::move(kind.reason), kind.kind, kind.gitops});
  }
}

}  // namespace blastgraph::analyzer::other_files
