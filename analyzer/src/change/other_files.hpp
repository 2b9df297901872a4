#pragma once
// Changed files whose nodes did not change, or that hold none (application code, docs,
// charts' values, settings blocks), are invisible to the node comparison: each is listed with
// its kind and reason (file_kinds.hpp), so nothing changed is hidden, what cannot be assessed
// raises the tier (fail closed), and path rules (code_changes) can map code to a service.
// Terraform settings blocks become changes of the resources they govern (settings_changes);
// a kustomize patch or overlay a change of what it shapes.

#include <map>
#include <string>
#include <vector>

#include "blastgraph/analyzer/change_sources.hpp"
#include "blastgraph/analyzer/workspace.hpp"
#include "change/git_tree.hpp"

namespace blastgraph::analyzer::other_files {

// Both revisions of a comparison, and the nodes that only moved between them.
struct Revisions {
  const Workspace& base;
  const Workspace& head;
  const std::map<std::string, std::string>& moves;  // new id -> old id, equal content
  const LoadOptions& options;
};

// Adds to `out` what `files` (every file that differs between the revisions) hold besides
// the changes `out` already has.
void list_other_files(const std::vector<git::ChangedFile>& files, const Revisions& revs,
                      ChangeFindings& out);

}  // namespace blastgraph::analyzer::other_files
