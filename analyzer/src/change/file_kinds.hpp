#pragma once
// What a changed file that maps to no node is (README "What counts as infrastructure"):
// documentation, CI configuration, application code, tooling, an example or test, or
// infrastructure blastgraph cannot assess. Fail closed: a file that deploys something
// blastgraph cannot read (an unrendered Helm chart, a template, variable values, a file that
// could not be parsed, a YAML or JSON file of no known kind) is `unassessable`, never
// "not infrastructure".

#include <string>
#include <string_view>

#include "blastgraph/analyzer/change.hpp"
#include "blastgraph/analyzer/workspace.hpp"

namespace blastgraph::analyzer::file_kinds {

struct FileKind {
  UnmappedKind kind = UnmappedKind::other;
  std::string reason;
  // A file of a chart that renders GitOps objects: what it deploys may be repointed.
  GitOpsEffect gitops = GitOpsEffect::none;
};

// The kind of `path` (relative to the scanned root, '/' separated), a file that holds no node
// of `workspace`. The first rule that matches decides:
//   documentation and CI configuration by name and place; examples and tests (not deployed);
//   files of a Helm chart, unread files, templates, variable values and provider locks
//   (unassessable); application code, then scripts; any other YAML, JSON or HCL file
//   (unassessable); anything else (other).
[[nodiscard]] FileKind classify(const Workspace& workspace, std::string_view path);

// True when `path` lies in an example or a test: below a directory named examples, example,
// tests, test or testdata, or a `*.tftest.hcl` file. Such files are never deployed.
[[nodiscard]] bool is_not_deployed(std::string_view path);

}  // namespace blastgraph::analyzer::file_kinds
