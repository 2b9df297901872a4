#include <algorithm>

#include "blastgraph/org/organization.hpp"
#include "join_graphs.hpp"
#include "match_needs.hpp"
#include "members.hpp"

namespace blastgraph::org {

analyzer::Workspace join_repositories(analyzer::Workspace local,
                                      std::vector<analyzer::Workspace> others) {
  std::erase_if(others, [&](const analyzer::Workspace& other) {
    return other.repository == local.repository;
  });
  std::sort(others.begin(), others.end(),
            [](const auto& a, const auto& b) { return a.repository < b.repository; });
  std::vector<Member> members;
  members.push_back({local.repository, &local.interface, true});
  for (const auto& other : others) members.push_back({other.repository, &other.interface, false});

  auto matches = match_needs(members);
  std::vector<graph::Graph> graphs;
  graphs.push_back(std::move(local.graph));
  for (auto& other : others) graphs.push_back(std::move(other.graph));
  auto joined = join_graphs(std::move(graphs), members, matches.links);

  analyzer::Organization organization;
  for (const auto& member : members) organization.repositories.push_back(member.name);
  local.graph = std::move(joined.graph);
  organization.node_repository = std::move(joined.node_repository);
  organization.links = std::move(matches.links);
  organization.needs = matches.needs;
  organization.unmatched_needs = matches.unmatched;
  organization.symbolic_needs = matches.symbolic;
  local.organization = std::move(organization);
  return local;
}

analyzer::ChangeSet rebase_changes(analyzer::ChangeSet changes, const std::vector<std::string>& ids,
                                   const graph::Graph& joined) {
  for (std::size_t i = 0; i < changes.nodes.size(); ++i) {
    changes.nodes[i].node = joined.find(ids[i]);
  }
  std::sort(changes.nodes.begin(), changes.nodes.end(),
            [](const auto& a, const auto& b) { return a.node < b.node; });
  return changes;
}

}  // namespace blastgraph::org
