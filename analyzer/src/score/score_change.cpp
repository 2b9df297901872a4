#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

#include "blastgraph/analyzer/score.hpp"
#include "blastgraph/graph/reach.hpp"
#include "score/deployment.hpp"
#include "score/factors.hpp"
#include "score/floors.hpp"
#include "score/repositories.hpp"

namespace blastgraph::analyzer {
namespace {

constexpr std::array<std::string_view, 4> k_tier_names{"LOW", "MEDIUM", "HIGH", "CRITICAL"};

Tier tier_for_score(int score, const TierThresholds& t) {
  if (score >= t.critical) return Tier::critical;
  if (score >= t.high) return Tier::high;
  if (score >= t.medium) return Tier::medium;
  return Tier::low;
}

ServiceImpact impact_for(const graph::Graph& graph, const graph::Reach& reach,
                         graph::NodeIndex representative) {
  ServiceImpact impact;
  impact.service = graph.node(representative).service;
  impact.application = graph.node(representative).application;
  impact.distance = reach.distance[representative];
  const auto path = graph::path_to_source(reach, representative);
  for (std::size_t i = 0; i < path.size(); ++i) {
    impact.path.push_back(graph.node(path[i]).id);
    if (i + 1 < path.size()) {
      impact.edges.emplace_back(graph::to_string(graph.edge(reach.via_edge[path[i]]).kind));
    }
  }
  return impact;
}

// Every service with a reached resource, changed nodes included, with one shortest path.
std::vector<ServiceImpact> service_impacts(const graph::Graph& graph, const graph::Reach& reach) {
  // By the service symbol's one copy: first node, count.
  std::unordered_map<const char*, std::pair<graph::NodeIndex, std::size_t>> by_service;
  for (auto index : reach.nodes) {  // ascending (distance, index): the first seen is nearest
    const auto& node = graph.node(index);
    if (node.role != graph::Role::resource || node.service.empty()) continue;
    auto [it, inserted] = by_service.try_emplace(node.service.data(), index, 0);
    ++it->second.second;
  }
  // Nearest first, then by name; each one's path is then made in its place, side by side (an
  // organization's change can reach a hundred thousand services).
  std::vector<std::pair<graph::NodeIndex, std::size_t>> entries;
  entries.reserve(by_service.size());
  for (const auto& [service, entry] : by_service) entries.push_back(entry);
  std::sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) {
    return std::tie(reach.distance[a.first], graph.node(a.first).service) <
           std::tie(reach.distance[b.first], graph.node(b.first).service);
  });
  std::vector<ServiceImpact> impacts(entries.size());
  tbb::parallel_for(std::size_t{0}, entries.size(), [&](std::size_t i) {
    impacts[i] = impact_for(graph, reach, entries[i].first);
    impacts[i].resources = entries[i].second;
  });
  return impacts;
}

}  // namespace

std::string_view to_string(Tier tier) {
  return k_tier_names[static_cast<std::size_t>(tier)];
}

std::string_view to_string(Verdict verdict) {
  return verdict == Verdict::deny ? "deny" : "allow";
}

ScoreReport score_change(const Workspace& workspace, const ChangeSet& changes,
                         const ScorePolicy& policy) {
  const auto& graph = workspace.graph;
  ScoreReport report;
  report.coverage = workspace.coverage;
  report.diagnostics = workspace.diagnostics.size();
  report.unmatched_patterns = changes.unmatched_patterns;
  report.unmapped = changes.unmapped;
  for (const auto& risk : workspace.policy_risks) {
    const auto node = graph.find(risk.node);
    const bool changed = std::any_of(changes.nodes.begin(), changes.nodes.end(),
                                     [&](const ChangedNode& c) { return c.node == node; });
    if (node != graph::k_no_node && changed) report.risks.push_back(risk);
  }

  std::vector<graph::NodeIndex> sources;
  scoring::Measures measures;
  std::set<std::string> own_services;
  // Examples and tests are listed, not scored; a published module is scored as one caller
  // sees it.
  const auto view = scoring::deployment_view(workspace, changes);
  const auto scored = scoring::scored_changes(changes, view);
  if (!view.published_module.empty()) report.notes.push_back(view.published_module);
  for (std::size_t i = 0; i < changes.nodes.size(); ++i) {
    const auto& changed = changes.nodes[i];
    const auto& node = graph.node(changed.node);
    measures.any_change = true;
    if (view.listed[i]) {
      std::vector<std::string> found_by;
      for (auto source : changed.sources) found_by.emplace_back(to_string(source));
      auto detail = changed.detail;
      if (!view.notes[i].empty()) detail += (detail.empty() ? "" : "; ") + view.notes[i];
      report.changed.push_back({node.id, node.type, node.service, node.span.file,
                                node.span.first_line, changed.action, std::move(found_by),
                                std::move(detail)});
    }
  }
  for (const auto& changed : scored.nodes) {
    // An opt-in change of a published module does nothing at its defaults: it reaches
    // nothing and its class counts for nothing; it is still a change.
    if (changed.opt_in) continue;
    sources.push_back(changed.node);
    const auto& node = graph.node(changed.node);
    measures.worst_action = std::max(measures.worst_action, changed.action);
    // A setting that governs a resource changes how it runs, not what it is.
    if (!changed.governed_only)
      measures.worst_class = std::max(measures.worst_class, node.criticality);
    if (!node.service.empty()) own_services.insert(node.service);
  }

  // A change that cannot be assessed changed something: never a silent 0.
  if (!scoring::unassessable_files(changes).empty()) {
    measures.any_change = true;
    measures.worst_action = std::max(measures.worst_action, ChangeAction::update);
  }
  const auto reach = graph::reach(graph, sources, graph::Direction::dependents);
  report.services = service_impacts(graph, reach);
  scoring::describe_repositories(workspace, reach, report);
  auto count_resource = [&](const graph::Node& node) {
    ++report.resources_reached;
    ++report.resources_by_type[node.type];
    measures.critical_weight += scoring::criticality_weight(node.criticality);
  };
  // A resource the change deletes or replaces is impact itself, not only what depends on it.
  for (const auto& changed : scored.nodes) {
    const auto& node = graph.node(changed.node);
    if (changed.action >= ChangeAction::replace && node.role == graph::Role::resource) {
      count_resource(node);
    }
  }
  for (auto index : reach.nodes) {
    if (reach.distance[index] == 0) continue;
    ++report.nodes_reached;
    const auto& node = graph.node(index);
    if (node.role == graph::Role::resource) count_resource(node);
  }
  measures.resources = static_cast<double>(report.resources_reached);
  // A boundary shared by several services is an account-level control, whatever its type.
  if (const auto bounded = scoring::bounded_service_count(graph, reach);
      bounded >= 2 && measures.worst_class < graph::Criticality::account) {
    measures.worst_class = graph::Criticality::account;
    measures.class_reason =
        "permission boundary shared by " + std::to_string(bounded) + " services";
  }
  measures.other_services = static_cast<double>(
      std::count_if(report.services.begin(), report.services.end(),
                    [&](const ServiceImpact& s) { return !own_services.contains(s.service); }));

  report.factors = scoring::compute_factors(measures, policy.weights);
  for (const auto& factor : report.factors) report.score += factor.points;
  report.score = std::clamp(report.score, 0, 100);
  report.score_tier = tier_for_score(report.score, policy.thresholds);
  report.floor = scoring::tier_floor(workspace, scored, reach, policy.floors);
  if (!view.published_module.empty()) {
    scoring::raise_floor(report.floor, policy.floors.published_module, view.published_module);
  }
  report.tier = std::max(report.score_tier, report.floor.tier);
  report.approvals = policy.approvals.at(static_cast<std::size_t>(report.tier));
  return report;
}

}  // namespace blastgraph::analyzer
