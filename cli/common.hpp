#pragma once
// What every subcommand shares: the policy file, loading the workspace and the --strict rule.

#include <optional>
#include <string>

#include "blastgraph/analyzer/config.hpp"
#include "blastgraph/analyzer/snapshot.hpp"
#include "blastgraph/analyzer/workspace.hpp"
#include "exit_codes.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace blastgraph::cli {

struct CommonOptions {
  std::string path;
  std::string format = "text";
  bool strict = false;
  std::string config;  // --config FILE; empty: PATH/.blastgraph.yaml when present
  std::vector<std::string> release_namespaces;  // --release-namespace FILE=NAMESPACE
  std::string default_namespace;                // --namespace NS; empty: the policy file's, if any
  std::string graph;  // --graph FILE: a snapshot (scan --save) loaded instead of scanning PATH
  analyzer::SnapshotCheck graph_check = analyzer::SnapshotCheck::tree_unchanged;
  std::string repository;  // --repo NAME; empty: the scanned folder's name
  std::string org;         // --org DIR: the organization's snapshots, joined with PATH's graph
};

// Adds PATH, --format (choices as given), --strict and --config to a subcommand.
void add_common_options(CLI::App& command, CommonOptions& options,
                        const std::vector<std::string>& formats);

// Adds --graph FILE: start from a snapshot written by `scan --save` instead of scanning, checked
// against PATH as `check` says.
void add_graph_option(CLI::App& command, CommonOptions& options, analyzer::SnapshotCheck check);

// Adds --repo NAME: the repository's name in an organization (snapshots, `--org`).
void add_repository_option(CLI::App& command, CommonOptions& options);

// Adds --org DIR (and --repo): join PATH's graph with the other repositories' snapshots.
void add_org_option(CLI::App& command, CommonOptions& options);

// With --org, `workspace` joined with the snapshots in DIR; otherwise `workspace` itself.
// Prints the error and returns nullopt when DIR or a snapshot in it cannot be read.
[[nodiscard]] std::optional<analyzer::Workspace> join_or_report(const CommonOptions& options,
                                                                analyzer::Workspace workspace);

// Lets `option` take only a count written in decimal digits (0 included), so that a negative
// or non-numeric value is a usage error (exit 2): CLI11 would otherwise read "-1" as a huge
// unsigned count and "010" as octal. Returns `option`.
CLI::Option* require_count(CLI::Option* option);

// A usage error as one line on stderr, as every other error of the tool is printed.
[[nodiscard]] std::string usage_error_line(const std::string& what);

// The policy file (--config FILE, else PATH/.blastgraph.yaml when present, else the
// defaults). Prints its diagnostics to stderr; prints the error and returns nullopt when the
// file cannot be read.
[[nodiscard]] std::optional<analyzer::LoadedConfig> load_config_or_report(
    const CommonOptions& options);

// Loads the workspace with the policy's service and criticality rules, from the --graph
// snapshot when one is given; prints the error and returns nullopt when PATH (or the
// snapshot) cannot be read or the snapshot cannot be used.
[[nodiscard]] std::optional<analyzer::Workspace> load_or_report(
    const CommonOptions& options, const analyzer::Config& config = {});

// The load options that apply a policy file's rules.
[[nodiscard]] analyzer::LoadOptions load_options(const CommonOptions& options,
                                                 const analyzer::Config& config);

// The exit code when both apply: the lowest non-zero one (README "Exit codes").
[[nodiscard]] int combine_exit(int a, int b);

// `code` combined with k_exit_input when the policy file had errors: a gate must not run with
// half a policy, though the report shows what the valid part of it gives.
[[nodiscard]] int apply_config_errors(const analyzer::LoadedConfig& config, int code);

// Combined with k_exit_strict when --strict and the workspace has a warning or error.
[[nodiscard]] int apply_strict(const CommonOptions& options, const analyzer::Workspace& workspace,
                               int code);

}  // namespace blastgraph::cli
