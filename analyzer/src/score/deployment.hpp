#pragma once
// Which changed nodes are production (README "Examples, tests and published modules"):
//  - an example's or a test's own code (declared below examples/, tests/, ...; or of a
//    module call an example added or removed) is listed, and not scored: no reach, no floor;
//  - a module's code that only examples, tests or unconfigured roots (wrappers) call is a
//    published module: scored once, as one caller sees it (the root that instantiates the
//    most of the change), with the published_module floor; the other callers' instances are
//    counted in its note;
//  - everything else is scored as it is.

#include <string>
#include <vector>

#include "blastgraph/analyzer/change.hpp"
#include "blastgraph/analyzer/workspace.hpp"

namespace blastgraph::analyzer::scoring {

struct DeploymentView {
  // Per entry of ChangeSet::nodes, in its order.
  std::vector<bool> scored;        // a source of the reach and the floors
  std::vector<bool> listed;        // shown in the report (an instance folded into another is not)
  std::vector<std::string> notes;  // appended to the entry's detail; may be empty
  std::vector<bool> module_code;   // scored as a published module's code
  std::vector<bool> new_module;    // module code new with this change: callers opt in
  // Set when module code is scored as a caller sees it: what the report says of it.
  std::string published_module;
};

[[nodiscard]] DeploymentView deployment_view(const Workspace& workspace, const ChangeSet& changes);

// Only the scored entries of `changes` (unmapped and the rest kept); opt_in is kept only for
// a published module's code.
[[nodiscard]] ChangeSet scored_changes(const ChangeSet& changes, const DeploymentView& view);

}  // namespace blastgraph::analyzer::scoring
