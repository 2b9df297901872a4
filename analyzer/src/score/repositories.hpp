#pragma once
// An organization's reach by repository: which repositories a change reaches and the hops
// between them (ScoreReport::repositories and repository_hops).

#include "blastgraph/analyzer/score.hpp"
#include "blastgraph/graph/reach.hpp"

namespace blastgraph::analyzer::scoring {

// Fills report.repositories and report.repository_hops; nothing for one repository.
void describe_repositories(const Workspace& workspace, const graph::Reach& reach,
                           ScoreReport& report);

}  // namespace blastgraph::analyzer::scoring
