#include "blastgraph/analyzer/report.hpp"

namespace blastgraph::analyzer {

ScanSummary summarize(const Workspace& workspace) {
  const auto& graph = workspace.graph;
  ScanSummary summary;
  summary.nodes = graph.node_count();
  summary.edges = graph.edge_count();
  summary.terraform_roots = workspace.terraform_roots;
  summary.coverage = workspace.coverage;
  for (const auto& node : graph.nodes()) {
    ++summary.nodes_by_domain[std::string(graph::to_string(node.domain))];
    if (node.role != graph::Role::resource) continue;
    ++summary.resources;
    ++summary.resources_by_type[node.type];
    ++summary.resources_by_service[node.service.empty() ? "(none)" : node.service];
  }
  for (const auto& edge : graph.edges()) ++summary.edges_by_kind[std::string(graph::to_string(edge.kind))];
  return summary;
}

}  // namespace blastgraph::analyzer
