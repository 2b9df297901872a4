// Joining change sources: one rebuilt graph, one ChangeSet.
#include <algorithm>
#include <map>
#include <set>

#include "blastgraph/analyzer/change_sources.hpp"

namespace blastgraph::analyzer {
namespace {

bool has_edge_between(const graph::Graph& graph, graph::NodeIndex source, graph::NodeIndex target) {
  for (auto edge : graph.dependencies(source)) {
    if (graph.edge(edge).target == target) return true;
  }
  return false;
}

void join_detail(std::string& detail, const std::string& more) {
  if (more.empty() || detail.find(more) != std::string::npos) return;
  detail += detail.empty() ? more : "; " + more;
}

}  // namespace

std::size_t extend_graph(Workspace& workspace, std::span<const ChangeFindings> findings) {
  for (const auto& found : findings) {
    workspace.diagnostics.insert(workspace.diagnostics.end(), found.diagnostics.begin(),
                                 found.diagnostics.end());
  }
  sort_diagnostics(workspace.diagnostics);
  const bool extra = std::any_of(findings.begin(), findings.end(), [](const ChangeFindings& f) {
    return !f.extra_nodes.empty() || !f.extra_edges.empty();
  });
  if (!extra) return 0;

  // NOTE: the graph is immutable once built, so extending it means rebuilding it: the
  // existing nodes and edges first (they win over extras with the same id), then the extras.
  const auto& old = workspace.graph;
  graph::GraphBuilder builder;
  for (const auto& node : old.nodes()) builder.add_node(node);
  for (const auto& found : findings) {
    for (const auto& node : found.extra_nodes) builder.add_node(node);
  }
  for (const auto& edge : old.edges()) {
    builder.add_edge(old.node(edge.source).id, old.node(edge.target).id, edge.kind, edge.evidence);
  }
  std::size_t added = 0;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& found : findings) {
    for (const auto& edge : found.extra_edges) {
      const auto source = old.find(edge.source);
      const auto target = old.find(edge.target);
      // An edge the HCL already gave (of any kind) adds nothing but a second path.
      if (source != graph::k_no_node && target != graph::k_no_node &&
          has_edge_between(old, source, target)) {
        continue;
      }
      if (!seen.emplace(edge.source, edge.target).second) continue;
      if (builder.add_edge(edge.source, edge.target, edge.kind, edge.evidence)) ++added;
    }
  }
  workspace.graph = builder.build();
  return added;
}

ChangeSet merge_changes(const graph::Graph& graph, std::span<const ChangeFindings> findings,
                        ChangeSet selected) {
  std::map<graph::NodeIndex, ChangedNode> by_node;
  for (auto& changed : selected.nodes) by_node.emplace(changed.node, std::move(changed));
  std::set<UnmappedChange> unmapped(selected.unmapped.begin(), selected.unmapped.end());
  for (const auto& found : findings) {
    unmapped.insert(found.unmapped.begin(), found.unmapped.end());
    for (const auto& change : found.changes) {
      const auto index = graph.find(change.id);
      if (index == graph::k_no_node) {
        unmapped.insert({change.source, change.file, 0, 0, change.id, "no node with this id",
                         UnmappedKind::unassessable});
        continue;
      }
      auto [it, inserted] =
          by_node.emplace(index, ChangedNode{.node = index,
                                             .action = change.action,
                                             .sources = {},
                                             .detail = {},
                                             .governed_only = change.governed_only,
                                             .opt_in = change.opt_in,
                                             .default_changed = change.default_changed,
                                             .network_arguments = change.network_arguments,
                                             .gitops = change.gitops});
      auto& node = it->second;
      if (!inserted) {
        node.action = std::max(node.action, change.action);
        node.governed_only = node.governed_only && change.governed_only;
        node.opt_in = node.opt_in && change.opt_in;
        node.default_changed = node.default_changed || change.default_changed;
        node.network_arguments = node.network_arguments || change.network_arguments;
        node.gitops = std::max(node.gitops, change.gitops);
      }
      if (std::find(node.sources.begin(), node.sources.end(), change.source) ==
          node.sources.end()) {
        node.sources.push_back(change.source);
        std::sort(node.sources.begin(), node.sources.end());
      }
      join_detail(node.detail, change.detail);
    }
  }
  selected.nodes.clear();
  for (auto& [index, node] : by_node) selected.nodes.push_back(std::move(node));
  selected.unmapped.assign(unmapped.begin(), unmapped.end());
  return selected;
}

}  // namespace blastgraph::analyzer
