#pragma once
// Tier floors: the least tier a change gets from what it touches, whatever its score.

#include <cstddef>
#include <string>
#include <vector>

#include "blastgraph/analyzer/score.hpp"
#include "blastgraph/graph/reach.hpp"

namespace blastgraph::analyzer::scoring {

// The highest floor among the changed nodes (ties: the smallest node id), each set by
// `policy` (defaults in parentheses; Tier::low turns one off):
//  - IAM or network resource (HIGH)
//  - account-level IAM, KMS/CA/certificates, identity providers (CRITICAL)
//  - a database replaced or deleted (CRITICAL)
//  - a permission boundary that bounds roles of two or more services (CRITICAL)
//  - files that could not be fully read where they could touch the change (MEDIUM;
//    unread_files.hpp)
//  - changed files that deploy something blastgraph cannot assess (UnmappedKind::
//    unassessable: an unrendered Helm chart, a template, Terraform settings) (MEDIUM):
//    fail closed, with or without a changed node
//  - a reached resource of an application the policy names (`applications`; none by default)
// How many services have roles the change reaches through their permission boundary: a
// boundary bounding two or more is scored and floored as an account-level control.
[[nodiscard]] std::size_t bounded_service_count(const graph::Graph& graph,
                                                const graph::Reach& reach);

// Raises `floor` to `tier` with `reason` when that is higher (a tier of LOW sets nothing).
void raise_floor(TierFloor& floor, Tier tier, const std::string& reason);

// The files of the change's unassessable entries, each once, ascending.
[[nodiscard]] std::vector<std::string> unassessable_files(const ChangeSet& changes);

[[nodiscard]] TierFloor tier_floor(const Workspace& workspace, const ChangeSet& changes,
                                   const graph::Reach& reach, const FloorPolicy& policy = {});

}  // namespace blastgraph::analyzer::scoring
