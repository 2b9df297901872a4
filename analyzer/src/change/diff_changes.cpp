// Diff hunks -> the nodes whose source spans they touch.
#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "blastgraph/analyzer/change_sources.hpp"
#include "blastgraph/core/file_io.hpp"
#include "blastgraph/parsers/terraform.hpp"
#include "change/file_kinds.hpp"
#include "change/unified_diff.hpp"
#include "terraform/overrides.hpp"
#include "workspace/discover.hpp"

namespace blastgraph::analyzer {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Files whose deletion may remove nodes; other deleted files are not infrastructure.
bool may_hold_nodes(std::string_view path) {
  for (auto ext : {".tf", ".yaml", ".yml", ".json"}) {
    if (ends_with(path, ext)) return true;
  }
  return false;
}

// A node and the lines of a file that declare it: its own span, or the span of an override
// block merged into it.
struct Placed {
  graph::NodeIndex index;
  std::uint32_t first_line;
  std::uint32_t last_line;
  bool own = true;  // false for an override block: adding it never creates the node
};
using NodesByFile = std::map<std::string, std::vector<Placed>, std::less<>>;

// The resource, value and module nodes of each file: what a hunk can touch. A file that shapes
// a node declared elsewhere (a kustomize patch, an overlay) touches it with any line.
NodesByFile nodes_by_file(const Workspace& workspace) {
  const auto& graph = workspace.graph;
  NodesByFile out;
  for (const auto& [file, id] : workspace.shaped_by) {
    const auto index = graph.find(id);
    if (index != graph::k_no_node) {
      out[file].push_back({index, 1, std::numeric_limits<std::uint32_t>::max(), false});
    }
  }
  const auto nodes = graph.nodes();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const auto& node = nodes[i];
    if (node.role == graph::Role::external || node.span.file.empty()) continue;
    out[node.span.file].push_back(
        {static_cast<graph::NodeIndex>(i), node.span.first_line, node.span.last_line, true});
  }
  return out;
}

std::string dir_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? "." : std::string(path.substr(0, slash));
}

// NOTE: an override file's blocks are merged into nodes declared in the directory's other
// files (terraform/overrides.hpp): a hunk in one touches every instance of the node it
// overrides, found by address among the nodes read from that directory.
void add_override_blocks(const Workspace& workspace, const std::string& path, NodesByFile& out) {
  if (out.contains(path) || !terraform_link::is_override_file(path)) return;
  const auto text = read_file(workspace.root / path, k_default_max_file_bytes);
  if (!text) return;
  const auto file = terraform::parse_file(path, *text);
  const auto dir = dir_of(path);
  const auto nodes = workspace.graph.nodes();
  for (const auto& block : file.blocks) {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const auto& node = nodes[i];
      if (node.span.file.empty() || dir_of(node.span.file) != dir) continue;
      const std::string_view id(node.id);
      if (!ends_with(id, block.address)) continue;
      const char before =
          id.size() > block.address.size() ? id[id.size() - block.address.size() - 1] : ':';
      if (before != ':' && before != '.') continue;
      out[path].push_back(
          {static_cast<graph::NodeIndex>(i), block.span.first_line, block.span.last_line, false});
    }
  }
}

bool covers(const Placed& placed, std::uint32_t line) {
  return line >= placed.first_line && line <= placed.last_line;
}

class FileMapper {
 public:
  explicit FileMapper(const std::vector<Placed>& candidates) : m_candidates(candidates) {}

  // Nodes the hunk touches: an added line inside a span, or a deleted line strictly inside
  // one (both new-side neighbours in the same span).
  std::set<const Placed*> touched(const diffs::Hunk& hunk) const {
    std::set<const Placed*> out;
    for (const auto& node : m_candidates) {
      const bool by_added = std::any_of(hunk.added.begin(), hunk.added.end(),
                                        [&](std::uint32_t line) { return covers(node, line); });
      const bool by_deleted = std::any_of(
          hunk.deleted_before.begin(), hunk.deleted_before.end(),
          [&](std::uint32_t at) { return at > 1 && covers(node, at - 1) && covers(node, at); });
      if (by_added || by_deleted) out.insert(&node);
    }
    return out;
  }

 private:
  const std::vector<Placed>& m_candidates;
};

bool all_added(const Placed& node, const std::set<std::uint32_t>& added) {
  if (!node.own) return false;
  for (auto line = node.first_line; line <= node.last_line; ++line) {
    if (!added.contains(line)) return false;
  }
  return node.first_line > 0;
}

UnmappedChange unmapped_file(std::string file, std::string reason,
                             UnmappedKind kind = UnmappedKind::other) {
  return {ChangeSource::diff, std::move(file), 0, 0, {}, std::move(reason), kind};
}

// A hunk outside every node: comments are no change; other lines of a Terraform file lie in
// a settings block (terraform, provider, moved, ...), which cannot be assessed from a diff.
UnmappedChange unmapped_hunk(const std::string& file, const diffs::Hunk& hunk) {
  const auto first = hunk.new_start;
  const auto last = hunk.new_count == 0 ? hunk.new_start : hunk.new_start + hunk.new_count - 1;
  if (hunk.comments_only) {
    return {ChangeSource::diff,     file, first, last, {}, "comments or blank lines only",
            UnmappedKind::no_effect};
  }
  if (file_kinds::is_not_deployed(file)) {
    return {ChangeSource::diff,        file, first, last, {}, "example or test: not deployed",
            UnmappedKind::not_deployed};
  }
  if (is_terraform_file(file)) {
    return {ChangeSource::diff,
            file,
            first,
            last,
            {},
            "changed lines lie outside every resource, value and module: Terraform settings "
            "(--git BASE compares them)",
            UnmappedKind::unassessable};
  }
  std::string reason = hunk.added.empty()
                           ? "deleted lines lie outside every node of the working tree "
                             "(--git BASE scores removed blocks)"
                           : "changed lines touch no resource, value or module";
  return {ChangeSource::diff, file, first, last, {}, std::move(reason)};
}

// Only in Terraform and YAML files is a line starting with `#` a comment (in Markdown it is
// a heading, in a script it may be a directive).
bool comments_only(const std::string& path, const diffs::FileDiff& file) {
  const bool commented =
      is_terraform_file(path) || ends_with(path, ".yaml") || ends_with(path, ".yml");
  return commented && !file.hunks.empty() &&
         std::all_of(file.hunks.begin(), file.hunks.end(),
                     [](const diffs::Hunk& hunk) { return hunk.comments_only; });
}

// A changed file that holds no node: what it is (file_kinds), unless only comments changed.
UnmappedChange unmapped_whole_file(const Workspace& workspace, const std::string& path,
                                   const diffs::FileDiff& file) {
  if (comments_only(path, file)) {
    return unmapped_file(path, "comments or blank lines only", UnmappedKind::no_effect);
  }
  if (is_terraform_file(path) && !file.deleted && !file_kinds::is_not_deployed(path)) {
    return unmapped_file(path,
                         "no resource, value or module in this file: Terraform settings "
                         "(--git BASE compares them)",
                         UnmappedKind::unassessable);
  }
  auto kind = file_kinds::classify(workspace, path);
  if (file.deleted) kind.reason = "file deleted; " + kind.reason;
  if (file.binary) kind.reason += " (binary file)";
  auto entry = unmapped_file(path, std::move(kind.reason), kind.kind);
  entry.gitops = kind.gitops;
  return entry;
}

// Strips the scanned root's prefix; nullopt when the path lies outside it.
std::optional<std::string> relative_to_root(const std::string& path, const std::string& prefix) {
  if (path.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  return path.substr(prefix.size());
}

void map_file(const Workspace& workspace, const diffs::FileDiff& file, NodesByFile& by_file,
              const DiffOptions& options, ChangeFindings& out) {
  const auto& graph = workspace.graph;
  const auto& shown = file.deleted ? file.old_path : file.new_path;
  const auto path = relative_to_root(shown, options.path_prefix);
  if (!path) {
    out.unmapped.push_back(unmapped_file(shown, "outside the scanned tree"));
    return;
  }
  if (file.deleted && may_hold_nodes(*path)) {
    // NOTE: a deleted infrastructure file may have held any node, and a diff cannot tell
    // which: unassessable, unless the file is of a kind that is never deployed.
    const auto kind = file_kinds::classify(workspace, *path);
    if (kind.kind == UnmappedKind::unassessable || kind.kind == UnmappedKind::other) {
      out.unmapped.push_back(unmapped_file(
          *path,
          "file deleted: its nodes are not in the working-tree graph (--git BASE scores them)",
          UnmappedKind::unassessable));
      return;
    }
  }
  if (file.deleted || file.binary) {
    out.unmapped.push_back(unmapped_whole_file(workspace, *path, file));
    return;
  }
  add_override_blocks(workspace, *path, by_file);
  auto found = by_file.find(*path);
  if (found == by_file.end()) {
    out.unmapped.push_back(unmapped_whole_file(workspace, *path, file));
    return;
  }
  if (file.hunks.empty()) {
    const auto reason = file.renamed ? "renamed from " + file.old_path + " with no content change"
                                     : std::string("no content change");
    out.unmapped.push_back(unmapped_file(*path, reason, UnmappedKind::no_effect));
    return;
  }
  std::set<std::uint32_t> added;
  for (const auto& hunk : file.hunks) added.insert(hunk.added.begin(), hunk.added.end());
  FileMapper mapper(found->second);
  std::map<graph::NodeIndex, ChangeAction> touched;
  for (const auto& hunk : file.hunks) {
    auto nodes = mapper.touched(hunk);
    if (nodes.empty()) out.unmapped.push_back(unmapped_hunk(*path, hunk));
    for (const auto* placed : nodes) {
      const auto action = all_added(*placed, added) ? ChangeAction::create : ChangeAction::update;
      touched.emplace(placed->index, action);
    }
  }
  for (const auto& [index, action] : touched) {
    out.changes.push_back({graph.node(index).id, action, ChangeSource::diff, {}, {}});
  }
}

}  // namespace

ChangeFindings diff_changes(const Workspace& workspace, std::string_view diff_text,
                            std::string_view diff_name, const DiffOptions& options) {
  auto parsed = diffs::parse_unified_diff(diff_text, diff_name);
  ChangeFindings out;
  out.diagnostics = std::move(parsed.diagnostics);
  auto by_file = nodes_by_file(workspace);
  auto effective = options;
  const bool none_inside =
      std::none_of(parsed.files.begin(), parsed.files.end(), [&](const diffs::FileDiff& f) {
        return relative_to_root(f.deleted ? f.old_path : f.new_path, options.path_prefix)
            .has_value();
      });
  if (!options.path_prefix.empty() && !parsed.files.empty() && none_inside) {
    // A diff made inside the scanned tree (`git diff --relative`, `diff -ru old new`) names
    // paths relative to it; reading it that way beats calling every file outside.
    effective.path_prefix.clear();
    out.diagnostics.push_back({std::string(diff_name),
                               {},
                               Severity::note,
                               "diff-relative",
                               "no path starts with " + options.path_prefix +
                                   "; paths are read relative to the scanned root"});
  }
  for (const auto& file : parsed.files) {
    if (file.old_path.empty() && file.new_path.empty()) continue;  // header without paths
    map_file(workspace, file, by_file, effective, out);
  }
  return out;
}

}  // namespace blastgraph::analyzer
