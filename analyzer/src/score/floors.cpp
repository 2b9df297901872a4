#include "score/floors.hpp"

#include <set>
#include <string>
#include <vector>

#include "score/unread_files.hpp"

namespace blastgraph::analyzer::scoring {
namespace {

using graph::Criticality;

// A floor of `tier` with its reason; no floor at all when the policy sets it to LOW.
TierFloor floor_of(Tier tier, std::string reason, const std::string& node) {
  if (tier == Tier::low) return {};
  return {tier, std::move(reason), node};
}

TierFloor class_floor(const graph::Node& node, ChangeAction action, const FloorPolicy& policy) {
  switch (node.criticality) {
    case Criticality::account:
      return floor_of(policy.account, "account-level control changed", node.id);
    case Criticality::crypto:
      return floor_of(policy.crypto, "key or certificate changed", node.id);
    case Criticality::auth:
      return floor_of(policy.auth, "identity provider changed", node.id);
    case Criticality::database:
      if (action >= ChangeAction::replace) {
        return floor_of(policy.database_replace, "database " + std::string(to_string(action)),
                        node.id);
      }
      return {};
    case Criticality::iam:
      return floor_of(policy.iam, "IAM resource changed", node.id);
    case Criticality::network:
      return floor_of(policy.network, "network resource changed", node.id);
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

// "<prefix>a.tf, b.yaml"; the first few named, the rest counted.
std::string files_reason(std::string reason, const std::vector<std::string>& files) {
  constexpr std::size_t k_named = 3;
  for (std::size_t i = 0; i < files.size() && i < k_named; ++i) {
    reason += (i == 0 ? "" : ", ") + files[i];
  }
  if (files.size() > k_named) reason += " +" + std::to_string(files.size() - k_named) + " more";
  return reason;
}

void raise(TierFloor& floor, TierFloor candidate) {
  if (candidate.reason.empty()) return;
  if (floor.reason.empty() || candidate.tier > floor.tier) floor = std::move(candidate);
}

}  // namespace

void raise_floor(TierFloor& floor, Tier tier, const std::string& reason) {
  raise(floor, floor_of(tier, reason, ""));
}

std::vector<std::string> unassessable_files(const ChangeSet& changes) {
  std::set<std::string> files;
  for (const auto& entry : changes.unmapped) {
    if (entry.kind == UnmappedKind::unassessable) files.insert(entry.file);
  }
  return {files.begin(), files.end()};
}

std::size_t bounded_service_count(const graph::Graph& graph, const graph::Reach& reach) {
  return bounded_services(graph, reach).size();
}

TierFloor tier_floor(const Workspace& workspace, const ChangeSet& changes,
                     const graph::Reach& reach, const FloorPolicy& policy) {
  TierFloor floor;
  // Fail closed: what cannot be assessed sets its floor even when nothing else changed.
  if (const auto files = unassessable_files(changes); !files.empty()) {
    raise(floor, floor_of(policy.could_not_assess, files_reason("could not assess: ", files), ""));
  }
  std::set<std::string> gitops_files;
  for (const auto& entry : changes.unmapped) {
    if (entry.kind == UnmappedKind::unassessable && entry.gitops >= GitOpsEffect::sync) {
      gitops_files.insert(entry.file);
    }
  }
  if (!gitops_files.empty()) {
    raise(floor, floor_of(policy.gitops_source,
                          files_reason("could not assess a chart that renders GitOps "
                                       "applications, which may repoint what they deploy: ",
                                       {gitops_files.begin(), gitops_files.end()}),
                          ""));
  }
  if (changes.nodes.empty()) return floor;
  const auto& graph = workspace.graph;
  for (const auto& changed : changes.nodes) {
    const auto& node = graph.node(changed.node);
    if (changed.governed_only) {
      // A setting changed, not the resource: the settings floor, whatever its class.
      raise(floor, floor_of(policy.terraform_settings,
                            "Terraform settings changed (provider, version, backend or state "
                            "blocks): the resources they govern",
                            node.id));
      continue;
    }
    if (changed.gitops >= GitOpsEffect::sync) {
      raise(floor, floor_of(policy.gitops_source,
                            "GitOps " + std::string(to_string(changed.gitops)) +
                                " changed: what it deploys may be replaced, pruned or left behind",
                            node.id));
    } else if (changed.gitops == GitOpsEffect::values) {
      raise(floor, floor_of(policy.gitops_values,
                            "GitOps values changed: what it deploys is rendered anew", node.id));
    }
    if (changed.default_changed) {
      raise(floor, floor_of(policy.published_default,
                            "a published module's input default changed: every caller that does "
                            "not set it gets the new value",
                            node.id));
    }
    if (changed.opt_in) continue;  // nothing changes at the defaults (published modules only)
    raise(floor, class_floor(node, changed.action, policy));
    if (changed.network_arguments) {
      raise(floor, floor_of(policy.network, "network arguments changed", node.id));
    }
  }

  if (!policy.applications.empty()) {
    for (auto index : reach.nodes) {
      const auto& node = graph.node(index);
      if (node.role != graph::Role::resource || node.application.empty()) continue;
      const auto it = policy.applications.find(node.application);
      if (it == policy.applications.end()) continue;
      raise(floor, floor_of(it->second,
                            "reaches application " + node.application + " (" + node.id + ")",
                            graph.node(changes.nodes.front().node).id));
    }
  }
  const auto bounded = bounded_services(graph, reach);
  if (bounded.size() >= 2) {
    raise(floor,
          floor_of(policy.shared_boundary,
                   "permission boundary shared by " + std::to_string(bounded.size()) + " services",
                   graph.node(changes.nodes.front().node).id));
  }
  // What could not be read raises the tier only where it could touch the change; the rest
  // is listed in the report's coverage.
  if (const auto near = unread_files_near(workspace, changes, reach); !near.empty()) {
    raise(floor, floor_of(policy.unread_files,
                          files_reason(std::to_string(near.size()) +
                                           " file(s) that could touch the change could not be "
                                           "fully read: ",
                                       near),
                          ""));
  }
  return floor;
}

}  // namespace blastgraph::analyzer::scoring
