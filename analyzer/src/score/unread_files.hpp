#pragma once
// Which files that could not be fully read could touch a change: only those raise its tier
// (the `unread_files` floor); the others are listed in the report's coverage.

#include <string>
#include <vector>

#include "blastgraph/analyzer/change.hpp"
#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/graph/reach.hpp"

namespace blastgraph::analyzer::scoring {

// The unread files (workspace.coverage.unread_files) whose unread part could touch the
// change, by file. A file is near the change when
//  - it belongs to the Terraform root of a changed node, or to a root that root reads the
//    state of (UnreadFile::terraform_roots);
//  - it is deployed by the same kustomization as a changed Kubernetes object, or holds
//    objects of a changed object's namespace;
//  - a node the change reaches (changed ones included) is read from a file in its directory.
[[nodiscard]] std::vector<std::string> unread_files_near(const Workspace& workspace,
                                                         const ChangeSet& changes,
                                                         const graph::Reach& reach);

}  // namespace blastgraph::analyzer::scoring
