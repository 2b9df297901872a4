#pragma once
// Organization rules from the policy file (`.blastgraph.yaml`, see config.hpp) that the
// workspace loader and the gate apply. Globs use the syntax of glob_match (change.hpp); in
// `paths`, `**` also crosses `/`.

#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/source_span.hpp"
#include "blastgraph/graph/model.hpp"

namespace blastgraph::analyzer {

// "Files under these paths, and nodes with these ids, belong to this service." Rules are
// tried in file order; the first that matches a node sets its service, before any label, tag
// or directory rule. `paths` also map changed files that are not infrastructure (application
// code, docs) to the service, so a code change is scored as a change to that service.
struct ServiceRule {
  std::vector<std::string> paths;  // globs over file paths relative to the scanned root
  std::vector<std::string> ids;    // globs over node ids
  std::string service;
  SourcePosition position;         // where the rule is written
};

// "Resources of these types, with these ids, or part of these applications, are this
// critical." The first matching rule replaces the built-in class.
struct CriticalityRule {
  std::vector<std::string> types;  // globs over node types: "aws_db_*", "Secret"
  std::vector<std::string> ids;    // globs over node ids
  std::vector<std::string> applications;  // globs over node applications (never empty ones)
  graph::Criticality criticality = graph::Criticality::normal;
  SourcePosition position;
};

// "A change from these sources may not touch these resources": a changed node matching
// `types`, `ids` or `applications` turns the verdict into deny, naming the rule and the node.
struct ScopeRule {
  std::string name;                         // shown in the verdict
  std::vector<std::string> change_sources;  // "ai-agent", "human", any name; "*" for all
  std::vector<std::string> types;           // globs over node types (Kubernetes kinds too)
  std::vector<std::string> ids;             // globs over node ids
  std::vector<std::string> applications;    // globs over node applications
  std::string message;                      // why; may be empty
  SourcePosition position;
};

// The labels that name a Kubernetes object's service, the component that tells apart the
// workloads of one service name, and the application a service is part of, each list tried in
// order (policy file `kubernetes:`). The defaults read the recommended labels as they are
// meant: `app.kubernetes.io/name` names a component, `part-of` the application holding it.
struct ServiceLabels {
  std::vector<std::string> service{"app.kubernetes.io/name", "app", "k8s-app"};
  std::vector<std::string> component{"app.kubernetes.io/component", "component"};
  std::vector<std::string> application{"app.kubernetes.io/part-of"};
  auto operator<=>(const ServiceLabels&) const = default;
};

// True when the file path `path` ('/' separated, relative to the scanned root) matches the
// path glob `pattern`: `*`, `?` and `[...]` stay within one directory, a `**` segment matches
// zero or more whole directories (`apps/**`, `**/main.go`).
[[nodiscard]] bool path_glob_match(std::string_view pattern, std::string_view path);

}  // namespace blastgraph::analyzer
