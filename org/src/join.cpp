#include <algorithm>
#include <unordered_map>

#include "blastgraph/org/organization.hpp"
#include "match_needs.hpp"
#include "members.hpp"

namespace blastgraph::org {
namespace {

// Adds `workspace`'s nodes and edges as `member` names them, its services as
// `<repo>:<service>`.
void add_repository(const analyzer::Workspace& workspace, const Member& member,
                    graph::GraphBuilder& builder) {
  const auto& graph = workspace.graph;
  for (const auto& original : graph.nodes()) {
    graph::Node node = original;
    node.id = member.id(original.id);
    node.span.file = member.id(original.span.file);
    if (!original.service.empty()) node.service = member.name + ":" + original.service.str();
    builder.add_node(std::move(node));
  }
  for (const auto& edge : graph.edges()) {
    auto evidence = edge.evidence;
    evidence.file = member.id(evidence.file);
    builder.add_edge(member.id(graph.node(edge.source).id), member.id(graph.node(edge.target).id),
                     edge.kind, std::move(evidence));
  }
}

}  // namespace

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

  graph::GraphBuilder builder;
  add_repository(local, members.front(), builder);
  for (std::size_t i = 0; i < others.size(); ++i)
    add_repository(others[i], members[i + 1], builder);
  auto matches = match_needs(members);
  for (const auto& link : matches.links) {
    builder.add_edge(link.source, link.target, link.edge, link.evidence);
  }

  analyzer::Organization organization;
  std::unordered_map<std::string, std::uint32_t> position;
  for (std::uint32_t i = 0; i < members.size(); ++i) {
    organization.repositories.push_back(members[i].name);
    position.emplace(members[i].name, i);
  }
  local.graph = builder.build();
  organization.node_repository.reserve(local.graph.node_count());
  for (const auto& node : local.graph.nodes()) {
    // Only another repository's ids hold "<repo>::" before anything else.
    const auto separator = node.id.find("::");
    std::uint32_t repository = 0;
    if (separator != std::string::npos) {
      const auto it = position.find(node.id.substr(0, separator));
      if (it != position.end()) repository = it->second;
    }
    organization.node_repository.push_back(repository);
  }
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
