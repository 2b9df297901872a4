// Application code -> the workloads of the service whose folder it lives in.
#include <algorithm>
#include <array>
#include <map>

#include "blastgraph/analyzer/change_sources.hpp"
#include "config/node_rules.hpp"

namespace blastgraph::analyzer {
namespace {

// Whole changed files that no node was read from: the only entries a path rule may claim.
// Hunks outside blocks, renames without content change and files outside the tree are
// about infrastructure files or no file of ours, and stay as they are.
bool is_code_file(const UnmappedChange& entry) {
  if (entry.source != ChangeSource::diff && entry.source != ChangeSource::git) return false;
  if (entry.first_line != 0 || !entry.subject.empty()) return false;
  switch (entry.kind) {
    case UnmappedKind::application:
    case UnmappedKind::tooling:
    case UnmappedKind::unassessable:
    case UnmappedKind::other:
      return true;
    default:
      return false;  // documentation, CI, examples and comments run in no workload
  }
}

// Kubernetes classes autoscalers and disruption budgets as compute too (they decide where
// pods run), but they run no code: only kinds that run containers take a code change.
constexpr std::array<std::string_view, 8> k_kubernetes_workloads{
    "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController",
    "Job",        "CronJob",     "Pod"};

bool runs_code(const graph::Node& node) {
  if (node.role != graph::Role::resource || node.criticality != graph::Criticality::compute) {
    return false;
  }
  if (node.domain != graph::Domain::kubernetes) return true;
  return std::find(k_kubernetes_workloads.begin(), k_kubernetes_workloads.end(), node.type) !=
         k_kubernetes_workloads.end();
}

// Ids of each service's workloads (compute resources that run code), ascending.
std::map<std::string, std::vector<std::string>, std::less<>> workloads_by_service(
    const graph::Graph& graph) {
  std::map<std::string, std::vector<std::string>, std::less<>> out;
  for (const auto& node : graph.nodes()) {
    if (node.service.empty() || !runs_code(node)) continue;
    out[node.service].push_back(node.id);
  }
  return out;
}

}  // namespace

ChangeFindings map_code_changes(const graph::Graph& graph, std::span<const ServiceRule> rules,
                                ChangeFindings findings) {
  if (rules.empty()) return findings;
  const auto workloads = workloads_by_service(graph);
  std::vector<UnmappedChange> still_unmapped;
  for (auto& entry : findings.unmapped) {
    const ServiceRule* rule =
        is_code_file(entry) ? config::service_rule_for_file(rules, entry.file) : nullptr;
    if (rule == nullptr) {
      still_unmapped.push_back(std::move(entry));
      continue;
    }
    const auto found = workloads.find(rule->service);
    if (found == workloads.end()) {
      entry.reason = "service " + rule->service + " has no workload";
      still_unmapped.push_back(std::move(entry));
      continue;
    }
    for (const auto& id : found->second) {
      findings.changes.push_back(
          {id, ChangeAction::update, entry.source, "code change: " + entry.file, entry.file});
    }
  }
  findings.unmapped = std::move(still_unmapped);
  return findings;
}

}  // namespace blastgraph::analyzer
