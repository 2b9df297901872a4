#include "org_test_support.hpp"

#include <algorithm>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/change_sources.hpp"

namespace blastgraph::testing {

analyzer::Workspace load_repository(const std::string& name) {
  return load(fixtures_dir() / "org" / name);
}

std::vector<analyzer::Workspace> load_other_repositories(const std::string& name) {
  std::vector<analyzer::Workspace> out;
  for (const auto& other : k_org_repositories) {
    if (other != name) out.push_back(load_repository(other));
  }
  return out;
}

std::optional<graph::Offer> offer_of(const analyzer::Workspace& workspace,
                                     const std::string& node) {
  for (const auto& offer : workspace.interface.offers) {
    if (offer.node == node) return offer;
  }
  return std::nullopt;
}

std::vector<graph::Need> needs_of(const analyzer::Workspace& workspace, const std::string& node) {
  std::vector<graph::Need> out;
  for (const auto& need : workspace.interface.needs) {
    if (need.node == node) out.push_back(need);
  }
  return out;
}

analyzer::ScoreReport score_update(const analyzer::Workspace& workspace,
                                   const std::vector<std::string>& ids) {
  auto selected = analyzer::select_changes(workspace.graph, ids, analyzer::ChangeAction::update);
  EXPECT_TRUE(selected.unmatched_patterns.empty());
  const auto changes = analyzer::merge_changes(workspace.graph, {}, std::move(selected));
  return analyzer::score_change(workspace, changes);
}

std::vector<std::string> service_names(const analyzer::ScoreReport& report) {
  std::vector<std::string> out;
  for (const auto& service : report.services) out.push_back(service.service);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace blastgraph::testing
