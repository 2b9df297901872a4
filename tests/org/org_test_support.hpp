#pragma once
// Helpers for organization tests: the repositories of fixtures/org, what they offer and need.

#include <optional>
#include <string>
#include <vector>

#include "blastgraph/analyzer/score.hpp"
#include "blastgraph/analyzer/workspace.hpp"

namespace blastgraph::testing {

// The five repositories of fixtures/org, loaded as a scan would, by name.
inline const std::vector<std::string> k_org_repositories{"gitops", "platform", "service-orders",
                                                         "service-payments", "service-search"};

// fixtures/org/<name>, loaded.
analyzer::Workspace load_repository(const std::string& name);

// Every repository of fixtures/org but `name`, loaded.
std::vector<analyzer::Workspace> load_other_repositories(const std::string& name);

// The offer of `node`, or nullopt.
std::optional<graph::Offer> offer_of(const analyzer::Workspace& workspace, const std::string& node);

// The needs of `node`.
std::vector<graph::Need> needs_of(const analyzer::Workspace& workspace, const std::string& node);

// `workspace` scored for an update of `ids`.
analyzer::ScoreReport score_update(const analyzer::Workspace& workspace,
                                   const std::vector<std::string>& ids);

// The services of a report, by name.
std::vector<std::string> service_names(const analyzer::ScoreReport& report);

}  // namespace blastgraph::testing
