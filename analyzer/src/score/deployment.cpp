#include "score/deployment.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "change/file_kinds.hpp"
#include "terraform/module_tree.hpp"

namespace blastgraph::analyzer::scoring {
namespace {

// caller_changed: a node of a module call that an example or wrapper added or removed; the
// classification's second member is then that call's id.
// new_module: module code that did not exist before the change, which only new callers call.
enum class Kind { deployed, not_deployed, module_code, caller_changed, new_module };

// "examples/complete:module.vpc.module.sub.aws_x.y" -> the ids of its module calls, outermost
// first: "examples/complete:module.vpc", "examples/complete:module.vpc.module.sub".
std::vector<std::string> module_calls_of(const std::string& id) {
  std::vector<std::string> out;
  const auto colon = id.find(':');
  if (colon == std::string::npos) return out;
  std::size_t at = colon + 1;
  while (id.compare(at, 7, "module.") == 0) {
    const auto end = id.find('.', at + 7);
    if (end == std::string::npos) break;  // the call itself
    out.push_back(id.substr(0, end));
    at = end + 1;
  }
  return out;
}

bool root_not_deployed(const std::string& root) {
  return root != "." && file_kinds::is_not_deployed(root + "/");
}

// One block of module code: its file and line (every instance of it shares them).
std::string block_key(const graph::Node& node) {
  return node.span.file + ":" + std::to_string(node.span.first_line);
}

class Classifier {
 public:
  Classifier(const Workspace& workspace, const ChangeSet& changes)
      : m_graph(workspace.graph),
        m_configured(workspace.configured_roots.begin(), workspace.configured_roots.end()),
        m_library(std::any_of(workspace.terraform_roots.begin(), workspace.terraform_roots.end(),
                              root_not_deployed)) {
    for (const auto& changed : changes.nodes) {
      m_changed_nodes.insert(changed.node);
      if (changed.action == ChangeAction::create || changed.action == ChangeAction::destroy) {
        m_added_or_removed.insert(workspace.graph.node(changed.node).id);
      }
    }
  }

  // The kind of a changed node, and why it is not deployed when it is not.
  std::pair<Kind, std::string> classify(const graph::Node& node) const {
    const auto& file = node.span.file;
    if (!file.empty() && file_kinds::is_not_deployed(file)) {
      return {Kind::not_deployed, "not deployed: example or test"};
    }
    if (node.domain != graph::Domain::terraform) return {Kind::deployed, {}};
    const auto colon = node.id.find(':');
    if (colon == std::string::npos) return {Kind::deployed, {}};
    const auto root = node.id.substr(0, colon);
    const bool example = root_not_deployed(root);
    const bool wrapper = !example && !m_configured.contains(root);
    if (!example && !wrapper) return {Kind::deployed, {}};
    for (const auto& call : module_calls_of(node.id)) {
      if (!m_added_or_removed.contains(call)) continue;
      // A new module that only a new example calls is new published code, not the example's.
      if (!file.empty() && !existing_blocks().contains(block_key(node)))
        return {Kind::new_module, {}};
      return {Kind::caller_changed, call};
    }
    // A root's own resources are what it deploys; what it calls is a module's code. In a
    // repository of modules with examples, an unconfigured root is one of the modules (a
    // wrapper) and its own code is published too.
    if (wrapper && terraform_link::parent_dir(file) == root && !m_library) {
      return {Kind::deployed, {}};
    }
    if (file.empty()) return {Kind::not_deployed, "not deployed: example or test"};
    return {Kind::module_code, {}};
  }

 private:
  // Blocks with an instance the change leaves alone: code that existed before it. Read from
  // the whole graph, so only when an added module call asks.
  const std::set<std::string>& existing_blocks() const {
    if (!m_existing_blocks) {
      m_existing_blocks.emplace();
      for (graph::NodeIndex i = 0; i < m_graph.node_count(); ++i) {
        const auto& node = m_graph.node(i);
        if (node.domain == graph::Domain::terraform && !m_changed_nodes.contains(i)) {
          m_existing_blocks->insert(block_key(node));
        }
      }
    }
    return *m_existing_blocks;
  }

  const graph::Graph& m_graph;
  std::set<std::string> m_configured;
  bool m_library = false;  // some root is an example or a test
  std::set<graph::NodeIndex> m_changed_nodes;
  std::set<std::string> m_added_or_removed;
  mutable std::optional<std::set<std::string>> m_existing_blocks;
};

std::string root_of(const std::string& id) {
  return id.substr(0, id.find(':'));
}

}  // namespace

DeploymentView deployment_view(const Workspace& workspace, const ChangeSet& changes) {
  const auto& graph = workspace.graph;
  const auto count = changes.nodes.size();
  DeploymentView view;
  view.scored.assign(count, true);
  view.listed.assign(count, true);
  view.notes.assign(count, {});
  view.module_code.assign(count, false);
  view.new_module.assign(count, false);
  const Classifier classifier(workspace, changes);
  std::vector<Kind> kinds(count);
  std::set<std::string> deployed_blocks;
  std::map<std::string, std::size_t> per_root;          // module-code instances per caller root
  std::map<std::string, std::size_t> folded_into_call;  // call id -> its nodes folded
  for (std::size_t i = 0; i < count; ++i) {
    const auto& node = graph.node(changes.nodes[i].node);
    auto [kind, note] = classifier.classify(node);
    if (kind == Kind::new_module) {
      // Published like any module code, and opt-in: no caller gets it until it calls it.
      view.new_module[i] = true;
      kind = Kind::module_code;
    }
    kinds[i] = kind;
    if (kind == Kind::not_deployed) {
      view.scored[i] = false;
      view.notes[i] = std::move(note);
    } else if (kind == Kind::caller_changed) {
      // Folded into the call's own entry: an example that adds a module lists one line.
      view.scored[i] = false;
      view.listed[i] = false;
      ++folded_into_call[note];
    } else if (kind == Kind::deployed) {
      if (node.domain == graph::Domain::terraform) deployed_blocks.insert(block_key(node));
    } else {
      ++per_root[root_of(node.id)];
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    const auto& id = graph.node(changes.nodes[i].node).id;
    if (const auto folded = folded_into_call.find(id); folded != folded_into_call.end()) {
      view.notes[i] += (view.notes[i].empty() ? "" : "; ") + std::string("with the ") +
                       std::to_string(folded->second) + " node" + (folded->second == 1 ? "" : "s") +
                       " of the module it calls";
    }
  }
  if (per_root.empty()) return view;

  // Callers ranked by how much of the change they instantiate, then by name.
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (const auto& [root, n] : per_root) ranked.emplace_back(n, root);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::map<std::string, std::size_t> rank;
  for (std::size_t r = 0; r < ranked.size(); ++r) rank[ranked[r].second] = r;

  // Per block, its instance in the best-ranked caller (ids ascending break ties).
  std::map<std::string, std::size_t> chosen;        // block -> entry
  std::map<std::string, std::size_t> folded_count;  // block -> instances folded into it
  for (std::size_t i = 0; i < count; ++i) {
    if (kinds[i] != Kind::module_code) continue;
    const auto& node = graph.node(changes.nodes[i].node);
    const auto key = block_key(node);
    if (deployed_blocks.contains(key)) {
      // A deployed root instantiates the same code: that instance is what is scored.
      view.scored[i] = false;
      view.listed[i] = false;
      continue;
    }
    auto [it, inserted] = chosen.emplace(key, i);
    if (!inserted) {
      const auto& best = graph.node(changes.nodes[it->second].node);
      if (rank[root_of(node.id)] < rank[root_of(best.id)]) it->second = i;
    }
    ++folded_count[key];
  }
  std::set<std::string> callers;
  for (std::size_t i = 0; i < count; ++i) {
    if (kinds[i] != Kind::module_code) continue;
    const auto& node = graph.node(changes.nodes[i].node);
    const auto key = block_key(node);
    const auto found = chosen.find(key);
    if (found == chosen.end()) continue;
    callers.insert(root_of(node.id));
    if (found->second != i) {
      view.scored[i] = false;
      view.listed[i] = false;
      continue;
    }
    view.module_code[i] = true;
    view.notes[i] = std::string(view.new_module[i] ? "new module code" : "module code") +
                    ", scored as " + root_of(node.id) + " calls it";
    if (const auto others = folded_count[key] - 1; others > 0) {
      view.notes[i] += " (+" + std::to_string(others) + " instance" + (others == 1 ? "" : "s") +
                       " in other callers)";
    }
  }
  if (!chosen.empty()) {
    view.published_module = "published module changed: scored as one caller sees it; " +
                            std::to_string(callers.size()) + " caller" +
                            (callers.size() == 1 ? "" : "s") +
                            " in this repository (examples, tests, wrappers); consumers outside "
                            "it are not counted here";
  }
  return view;
}

ChangeSet scored_changes(const ChangeSet& changes, const DeploymentView& view) {
  ChangeSet out = changes;
  out.nodes.clear();
  for (std::size_t i = 0; i < changes.nodes.size(); ++i) {
    if (!view.scored[i]) continue;
    out.nodes.push_back(changes.nodes[i]);
    // A deployed root sets its inputs itself: defaults say nothing of what it gets.
    if (!view.module_code[i]) {
      out.nodes.back().opt_in = false;
      out.nodes.back().default_changed = false;
    }
    if (view.new_module[i]) out.nodes.back().opt_in = true;
  }
  return out;
}

}  // namespace blastgraph::analyzer::scoring
