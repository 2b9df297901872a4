#include "score/floors.hpp"

#include <set>

namespace blastgraph::analyzer::scoring {
namespace {

using graph::Criticality;

TierFloor class_floor(const graph::Node& node, ChangeAction action) {
  switch (node.criticality) {
    case Criticality::account:
      return {Tier::critical, "account-level control changed", node.id};
    case Criticality::crypto:
      return {Tier::critical, "key or certificate changed", node.id};
    case Criticality::auth:
      return {Tier::critical, "identity provider changed", node.id};
    case Criticality::database:
      if (action >= ChangeAction::replace) {
        return {Tier::critical, "database " + std::string(to_string(action)), node.id};
      }
      return {};
    case Criticality::iam:
      return {Tier::high, "IAM resource changed", node.id};
    case Criticality::network:
      return {Tier::high, "network resource changed", node.id};
    default:
      return {};
  }
}

// Services of the roles a change reaches through their permission boundary.
std::set<std::string> bounded_services(const graph::Graph& graph, const graph::Reach& reach) {
  std::set<std::string> services;
  for (auto index : reach.nodes) {
    const auto edge = reach.via_edge[index];
    if (edge >= graph.edge_count()) continue;
    if (graph.edge(edge).kind != graph::EdgeKind::permission_boundary) continue;
    services.insert(graph.node(index).service);
  }
  return services;
}

void raise(TierFloor& floor, TierFloor candidate) {
  if (candidate.reason.empty()) return;
  if (floor.reason.empty() || candidate.tier > floor.tier) floor = std::move(candidate);
}

}  // namespace

TierFloor tier_floor(const Workspace& workspace, const ChangeSet& changes,
                     const graph::Reach& reach) {
  TierFloor floor;
  if (changes.nodes.empty()) return floor;
  const auto& graph = workspace.graph;
  for (const auto& changed : changes.nodes) raise(floor, class_floor(graph.node(changed.node), changed.action));

  const auto bounded = bounded_services(graph, reach);
  if (bounded.size() >= 2) {
    raise(floor, {Tier::critical,
                  "permission boundary shared by " + std::to_string(bounded.size()) + " services",
                  graph.node(changes.nodes.front().node).id});
  }
  const auto& coverage = workspace.coverage;
  const auto unread = coverage.files_unparsed + coverage.files_with_errors;
  if (unread > 0) {
    raise(floor, {Tier::medium, std::to_string(unread) + " file(s) could not be fully read", ""});
  }
  return floor;
}

}  // namespace blastgraph::analyzer::scoring
