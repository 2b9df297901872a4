#include "score/repositories.hpp"

#include <unordered_set>
#include <vector>

namespace blastgraph::analyzer::scoring {

void describe_repositories(const Workspace& workspace, const graph::Reach& reach,
                           ScoreReport& report) {
  const auto& organization = workspace.organization;
  if (!organization.joined()) return;
  report.organization_needs = {organization.needs, organization.unmatched_needs,
                               organization.symbolic_needs};
  const auto& graph = workspace.graph;
  const auto count = organization.repositories.size();
  std::vector<std::unordered_set<const char*>> services(count);  // a symbol's one copy
  std::vector<std::size_t> resources(count, 0);
  std::vector<bool> reached(count, false);
  for (const auto index : reach.nodes) {
    const auto& node = graph.node(index);
    const auto repository = organization.node_repository[index];
    reached[repository] = true;
    if (node.role != graph::Role::resource) continue;
    ++resources[repository];
    if (!node.service.empty()) services[repository].insert(node.service.data());
  }
  for (std::size_t i = 0; i < count; ++i) {
    if (!reached[i] && i != 0) continue;
    report.repositories.push_back(
        {organization.repositories[i], services[i].size(), resources[i], i == 0});
  }
  for (const auto& link : organization.links) {
    const auto source = graph.find(link.source);
    const auto target = graph.find(link.target);
    if (source == graph::k_no_node || target == graph::k_no_node || !reach.reached(source) ||
        !reach.reached(target)) {
      continue;
    }
    const auto& declared = graph.node(target).span;
    report.repository_hops.push_back({link, declared.file, declared.first_line});
  }
}

}  // namespace blastgraph::analyzer::scoring
