// Two revisions -> the nodes that differ between their graphs.
#include <algorithm>
#include <map>
#include <set>

#include "blastgraph/analyzer/change_sources.hpp"
#include "change/git_tree.hpp"
#include "change/gitops_changes.hpp"
#include "change/node_content.hpp"
#include "change/terraform_updates.hpp"
#include "change/other_files.hpp"
#include "kubernetes/ids.hpp"

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

// Lists what the node comparison cannot see (other_files.hpp).
void list_other_files(const git::Repository& repo, const Range& range,
                      const other_files::Revisions& revs, ChangeFindings& out) {
  auto files = git::changed_files(repo, range.base, range.head);
  if (!files) {
    out.diagnostics.push_back({{},
                               {},
                               Severity::warning,
                               "git-files",
                               "cannot list the changed files: " + files.error().message});
    return;
  }
  other_files::list_other_files(*files, revs, out);
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
    opt_in::read_terraform_updates(*base, *head, options.max_file_bytes, out.findings);
    gitops::mark_gitops(*base, *head, options.max_file_bytes, out.findings);
    list_other_files(*repo, *parsed, {*base, *head, comparison.moves(), options}, out.findings);
    out.head = std::move(*head);
    out.head->root = workspace.root;  // the temporary copy is gone when this returns
  } else {
    Comparison comparison(*base, workspace, options);
    out.findings = comparison.run();
    opt_in::read_terraform_updates(*base, workspace, options.max_file_bytes, out.findings);
    gitops::mark_gitops(*base, workspace, options.max_file_bytes, out.findings);
    list_other_files(*repo, *parsed, {*base, workspace, comparison.moves(), options}, out.findings);
  }
  return out;
}

}  // namespace blastgraph::analyzer
