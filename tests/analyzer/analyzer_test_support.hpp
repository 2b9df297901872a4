#pragma once
// Helpers for analyzer tests: load a tree, look up nodes and edges by id.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/analyzer/config.hpp"
#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/graph/graph.hpp"
#include "support/temp_tree.hpp"

namespace blastgraph::testing {

// Loads `root`; fails the test (and returns an empty workspace) when it cannot.
analyzer::Workspace load(const std::filesystem::path& root);

// Loads `root` with what a policy file says about loading (analyzer::load_options), as the CLI
// does;
// fails the test (and returns an empty workspace) when it cannot.
analyzer::Workspace load(const std::filesystem::path& root, const analyzer::Config& config);

// "kind" of the edge source -> target, or "" when there is none.
std::string edge_kind(const graph::Graph& graph, const std::string& source,
                      const std::string& target);

// Evidence of the edge source -> target, or nullopt when there is none.
std::optional<graph::Evidence> edge_evidence(const graph::Graph& graph, const std::string& source,
                                             const std::string& target);

// Every edge as "source -> target [kind]".
std::set<std::string> edge_set(const graph::Graph& graph);

// Ids of the nodes reached from `changed` (changed included).
std::set<std::string> reached_ids(const graph::Graph& graph, const std::vector<std::string>& changed);

// `text` with the fixtures folder written as "<fixtures>": absolute paths differ between
// machines, golden files must not.
std::string portable(std::string text);

// Diagnostic codes, in report order.
std::vector<std::string> diagnostic_codes(const analyzer::Workspace& workspace);

// The diagnostics with `code`, in report order.
std::vector<Diagnostic> diagnostics_with_code(const analyzer::Workspace& workspace,
                                              std::string_view code);

}  // namespace blastgraph::testing
