// Two revisions -> the nodes that differ between their graphs.
#include <algorithm>
#include <map>
#include <set>

#include "blastgraph/analyzer/change_sources.hpp"
#include "blastgraph/core/file_io.hpp"
#include "change/file_kinds.hpp"
#include "change/file_revisions.hpp"
#include "change/git_tree.hpp"
#include "change/gitops_changes.hpp"
#include "change/node_content.hpp"
#include "change/opt_in.hpp"
#include "change/settings_changes.hpp"
#include "kubernetes/ids.hpp"
#include "terraform/module_tree.hpp"
#include "terraform/overrides.hpp"

namespace blastgraph::analyzer {
namespace fs = std::filesystem;
namespace {

struct Range {
  std::string base;
  std::string head;  // empty: the working tree
};

Result<Range> parse_range(std::string_view range) {
  if (range.find("...") != std::string_view::npos) {
    return Error{"--git takes BASE or BASE..HEAD (not BASE...HEAD)"};
  }
  Range out;
  if (auto dots = range.find(".."); dots != std::string_view::npos) {
    out.base = std::string(range.substr(0, dots));
    out.head = std::string(range.substr(dots + 2));
    if (out.head.empty()) out.head = "HEAD";  // git's own reading of `BASE..`
  } else {
    out.base = std::string(range);
  }
  if (out.base.empty()) return Error{"--git needs a base revision"};
  return out;
}

Result<Workspace> load_revision(const git::Repository& repo, const std::string& revision,
                                const git::TempDir& temp, const LoadOptions& options) {
  auto commit = git::resolve_commit(repo, revision);
  if (!commit) return commit.error();
  auto root = git::materialize(repo, *commit, temp.path());
  if (!root) return root.error();
  return load_workspace(*root, options);
}

class Comparison {
 public:
  Comparison(const Workspace& base, const Workspace& head, const LoadOptions& options)
      : m_base(base),
        m_head(head),
        m_base_content(content::read_content(base, options)),
        m_head_content(content::read_content(head, options)) {}

  // Nodes whose id changed only because their file moved (pair_moved_files): new id -> old id.
  [[nodiscard]] const std::map<std::string, std::string>& moves() const { return m_moves; }

  ChangeFindings run() {
    for (const auto& [id, node] : m_head_content.nodes) {
      auto old = m_base_content.nodes.find(id);
      if (old == m_base_content.nodes.end()) {
        m_created.insert(id);
      } else if (old->second.text != node.text) {
        m_out.changes.push_back({id, ChangeAction::update, ChangeSource::git, {}, {}});
      }
    }
    for (const auto& [id, node] : m_base_content.nodes) {
      if (!m_head_content.nodes.contains(id)) m_deleted.insert(id);
    }
    pair_moved_blocks();
    pair_moved_files();
    for (const auto& id : m_created) {
      m_out.changes.push_back({id, ChangeAction::create, ChangeSource::git, {}, {}});
    }
    for (const auto& id : m_deleted) add_deletion(id);
    return std::move(m_out);
  }

 private:
  // A Terraform `moved` block renames: in every module scope of its directory, `from` (and
  // everything below it, for a module) became `to`.
  void pair_moved_blocks() {
    for (const auto& move : m_head_content.moves) {
      std::set<std::string> scopes;
      for (const auto& [id, node] : m_head_content.nodes) {
        if (node.dir == move.dir && !node.scope.empty()) scopes.insert(node.scope);
      }
      for (const auto& scope : scopes) {
        const auto to = scope + move.to;
        for (auto it = m_created.begin(); it != m_created.end();) {
          const auto& id = *it;
          const bool below = id.size() > to.size() && id.compare(0, to.size() + 1, to + ".") == 0;
          if (id != to && !below) {
            ++it;
            continue;
          }
          const auto from = scope + move.from + id.substr(to.size());
          if (!m_deleted.erase(from)) {
            ++it;
            continue;
          }
          renamed(id, from);
          it = m_created.erase(it);
        }
      }
    }
  }

  void renamed(const std::string& id, const std::string& from) {
    // NOTE: a rename is reported as an update even when the content is equal: the state
    // address and every reference to it change, and the gate must not make that invisible.
    // The plan source reports `previous_address` the same way.
    m_out.changes.push_back(
        {id, ChangeAction::update, ChangeSource::git, "moved from " + from, {}});
  }

  // A node whose id changed only because its file moved is the same configuration when its
  // content is equal: a policy document (whose id is its path), or a Kubernetes object (whose
  // id carries its application's root when the tree holds several). Not a change: listed as
  // a move with no effect.
  void pair_moved_files() {
    for (auto it = m_created.begin(); it != m_created.end();) {
      const auto match = moved_from(*it);
      if (match.empty()) {
        ++it;
        continue;
      }
      const auto& node = m_head.graph.node(m_head.graph.find(*it));
      m_out.unmapped.push_back({ChangeSource::git, node.span.file, 0, 0, *it,
                                "moved from " + match + " with equal content",
                                UnmappedKind::no_effect});
      m_moves.emplace(*it, match);
      m_deleted.erase(match);
      it = m_created.erase(it);
    }
  }

  // The deleted node `created` was moved from, or "".
  std::string moved_from(const std::string& created) const {
    const auto& head_node = m_head.graph.node(m_head.graph.find(created));
    if (head_node.domain != graph::Domain::iam && head_node.domain != graph::Domain::kubernetes) {
      return {};
    }
    const auto& text = m_head_content.nodes.at(created).text;
    // An object's identity without its application and its variant (`@<file>:<line>`, which
    // names the file it moved out of).
    auto identity = [](const std::string& id) {
      auto unscoped = k8s_link::unscoped_id(id);
      return unscoped.substr(0, unscoped.find('@'));
    };
    const auto name = identity(created);
    for (const auto& old : m_deleted) {
      const auto& base_node = m_base.graph.node(m_base.graph.find(old));
      if (base_node.domain != head_node.domain || base_node.type != head_node.type) continue;
      if (head_node.domain == graph::Domain::kubernetes && identity(old) != name) {
        continue;
      }
      if (m_base_content.nodes.at(old).text == text) return old;
    }
    return {};
  }

  // NOTE: the deleted node joins the scored graph with the edges it had in the base graph, so
  // it reaches what depended on it then, whether or not the change also rewrote those.
  void add_deletion(const std::string& id) {
    const auto index = m_base.graph.find(id);
    m_out.changes.push_back(
        {id, ChangeAction::destroy, ChangeSource::git, "deleted since base", {}});
    m_out.extra_nodes.push_back(m_base.graph.node(index));
    auto add = [&](graph::EdgeIndex e) {
      const auto& edge = m_base.graph.edge(e);
      m_out.extra_edges.push_back({m_base.graph.node(edge.source).id,
                                   m_base.graph.node(edge.target).id, edge.kind, edge.evidence});
    };
    for (auto e : m_base.graph.dependents(index)) add(e);
    for (auto e : m_base.graph.dependencies(index)) add(e);
  }

  const Workspace& m_base;
  const Workspace& m_head;
  content::WorkspaceContent m_base_content;
  content::WorkspaceContent m_head_content;
  std::set<std::string> m_created;
  std::set<std::string> m_deleted;
  std::map<std::string, std::string> m_moves;  // new id -> old id, equal content
  ChangeFindings m_out;
};

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

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
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
    return {UnmappedKind::unassessable, "Terraform settings changed: " + joined(blocks)};
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
  const bool terraform = file.path.ends_with(".tf") || file.path.ends_with(".tf.json");
  if (terraform) return {UnmappedKind::other, "no resource, value or module in this file"};
  auto kind = file_kinds::classify(file.deleted ? base : head, file.path);
  if (file.deleted) kind.reason = "file deleted; " + kind.reason;
  return kind;
}

// Both revisions of a comparison, and the nodes that only moved between them.
struct Revisions {
  const Workspace& base;
  const Workspace& head;
  const std::map<std::string, std::string>& moves;  // Comparison::moves
  const LoadOptions& options;
};

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

// Changed files whose nodes did not change, or that hold none (application code, docs,
// charts' values, settings blocks) are invisible to the node comparison: each is listed with
// its kind and reason, so nothing changed is hidden, what cannot be assessed raises the tier
// (fail closed), and path rules (code_changes) can map code to a service.
void list_other_files(const git::Repository& repo, const Range& range, const Revisions& revs,
                      ChangeFindings& out) {
  const auto& base = revs.base;
  const auto& head = revs.head;
  auto files = git::changed_files(repo, range.base, range.head);
  if (!files) {
    out.diagnostics.push_back({{},
                               {},
                               Severity::warning,
                               "git-files",
                               "cannot list the changed files: " + files.error().message});
    return;
  }
  std::set<std::string, std::less<>> with_nodes;
  add_node_files(base.graph, with_nodes);
  add_node_files(head.graph, with_nodes);
  const auto with_changes = files_of_changes(base, head, out);
  const auto moved = moved_files(revs, *files);
  for (const auto& file : *files) {
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
      auto found = settings::settings_changes(head.graph, file.path, compared.settings);
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

}  // namespace

Result<std::string> git_path_prefix(const fs::path& root) {
  auto repo = git::open_repository(root);
  if (!repo) return repo.error();
  return repo->prefix;
}

Result<GitComparison> git_changes(const Workspace& workspace, std::string_view range,
                                  const LoadOptions& options) {
  auto parsed = parse_range(range);
  if (!parsed) return parsed.error();
  auto repo = git::open_repository(workspace.root);
  if (!repo) return repo.error();
  git::TempDir temp;
  if (!temp.ok()) return Error{"cannot create a temporary directory"};
  auto base = load_revision(*repo, parsed->base, temp, options);
  if (!base) return base.error();
  GitComparison out;
  if (!parsed->head.empty()) {
    auto head = load_revision(*repo, parsed->head, temp, options);
    if (!head) return head.error();
    Comparison comparison(*base, *head, options);
    out.findings = comparison.run();
    opt_in::mark_opt_in(*base, *head, options.max_file_bytes, out.findings);
    gitops::mark_gitops(*base, *head, options.max_file_bytes, out.findings);
    list_other_files(*repo, *parsed, {*base, *head, comparison.moves(), options}, out.findings);
    out.head = std::move(*head);
    out.head->root = workspace.root;  // the temporary copy is gone when this returns
  } else {
    Comparison comparison(*base, workspace, options);
    out.findings = comparison.run();
    opt_in::mark_opt_in(*base, workspace, options.max_file_bytes, out.findings);
    gitops::mark_gitops(*base, workspace, options.max_file_bytes, out.findings);
    list_other_files(*repo, *parsed, {*base, workspace, comparison.moves(), options}, out.findings);
  }
  return out;
}

}  // namespace blastgraph::analyzer
