#include "common.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

#include "blastgraph/org/organization.hpp"
#include "blastgraph/parsers/kubernetes.hpp"

namespace blastgraph::cli {

void add_common_options(CLI::App& command, CommonOptions& options,
                        const std::vector<std::string>& formats) {
  command.add_option("PATH", options.path, "Directory to scan")->required();
  command.add_option("--format,-f", options.format, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  command.add_flag("--strict", options.strict,
                   "Exit with code 4 when any file produced a warning or error");
  command.add_option("--config", options.config,
                     "Policy file (default: PATH/.blastgraph.yaml when it exists)");
  command
      .add_option("--release-namespace", options.release_namespaces,
                  "Rendered Helm output (a file or directory under PATH) and the namespace its "
                  "release is installed into, as FILE=NAMESPACE (repeatable)")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            const auto equals = value.find('=');
            return equals == std::string::npos || equals == 0 || equals + 1 == value.size()
                       ? "must be FILE=NAMESPACE, not '" + value + "'"
                       : std::string();
          },
          "FILE=NAMESPACE"));
  command
      .add_option("--namespace,-n", options.default_namespace,
                  "Namespace the manifests are applied into, as `kubectl apply -n`: objects "
                  "without one go there (default: the policy file's kubernetes.namespace)")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            return kubernetes::is_dns_label(value)
                       ? std::string()
                       : "must be a namespace name (lowercase letters, digits and '-'), not '" +
                             value + "'";
          },
          "NAMESPACE"));
}

void add_graph_option(CLI::App& command, CommonOptions& options, analyzer::SnapshotCheck check) {
  options.graph_check = check;
  const bool base = check == analyzer::SnapshotCheck::tree_may_differ;
  command.add_option("--graph", options.graph,
                     base ? "Score against this snapshot (written by `scan --save`) instead of "
                            "scanning PATH: the base the change applies to; it must have been "
                            "written by this version with the same policy"
                          : "Start from this snapshot (written by `scan --save`) instead of "
                            "scanning PATH; it must have been written by this version with the "
                            "same policy, from the tree PATH holds now");
}

void add_repository_option(CLI::App& command, CommonOptions& options) {
  command
      .add_option("--repo", options.repository,
                  "The repository's name in the organization (default: PATH's folder name)")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            return org::valid_repository_name(value)
                       ? std::string()
                       : "must be letters, digits and '._-/' (at most 200), not '" + value + "'";
          },
          "NAME"));
}

void add_org_option(CLI::App& command, CommonOptions& options) {
  add_repository_option(command, options);
  command.add_option("--org", options.org,
                     "The organization: a directory of snapshots (`scan --save FILE --repo NAME` "
                     "per repository) or a postgresql:// URL (`publish`); PATH's graph is "
                     "joined with its other repositories");
}

std::optional<analyzer::Workspace> join_or_report(const CommonOptions& options,
                                                  analyzer::Workspace workspace) {
  if (options.org.empty()) return workspace;
  auto others = org::load_organization(options.org);
  if (!others) {
    std::cerr << "blastgraph: error: --org: " << others.error().message << '\n';
    return std::nullopt;
  }
  return org::join_repositories(std::move(workspace), std::move(*others));
}

CLI::Option* require_count(CLI::Option* option) {
  option->check(CLI::Validator(
      [](std::string& value) -> std::string {
        const bool digits = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
          return c >= '0' && c <= '9';
        });
        return digits ? std::string() : "must be a whole number >= 0, not '" + value + "'";
      },
      "N>=0"));
  return option;
}

std::string usage_error_line(const std::string& what) {
  return "blastgraph: error: " + what + " (see --help)\n";
}

std::optional<analyzer::LoadedConfig> load_config_or_report(const CommonOptions& options) {
  auto loaded = options.config.empty() ? analyzer::find_config(options.path)
                                       : analyzer::load_config(options.config);
  if (!loaded) {
    std::cerr << "blastgraph: error: " << loaded.error().message << '\n';
    return std::nullopt;
  }
  for (const auto& d : loaded->diagnostics) std::cerr << format_diagnostic(d) << '\n';
  return std::move(loaded).value();
}

analyzer::LoadOptions load_options(const CommonOptions& common, const analyzer::Config& config) {
  auto options = analyzer::load_options(config);
  if (!common.default_namespace.empty()) options.default_namespace = common.default_namespace;
  for (const auto& entry : common.release_namespaces) {
    const auto equals = entry.find('=');
    options.release_namespaces.emplace_back(entry.substr(0, equals), entry.substr(equals + 1));
  }
  return options;
}

std::optional<analyzer::Workspace> load_or_report(const CommonOptions& options,
                                                  const analyzer::Config& config) {
  auto workspace = options.graph.empty()
                       ? analyzer::load_workspace(options.path, load_options(options, config))
                       : analyzer::load_snapshot(options.graph, load_options(options, config),
                                                 options.path, options.graph_check);
  if (!workspace) {
    std::cerr << "blastgraph: error: " << workspace.error().message << '\n';
    return std::nullopt;
  }
  if (!options.repository.empty()) workspace->repository = options.repository;
  return std::move(workspace).value();
}

int combine_exit(int a, int b) {
  if (a == k_exit_ok) return b;
  if (b == k_exit_ok) return a;
  return std::min(a, b);
}

int apply_config_errors(const analyzer::LoadedConfig& config, int code) {
  return config.has_errors() ? combine_exit(code, k_exit_input) : code;
}

int apply_strict(const CommonOptions& options, const analyzer::Workspace& workspace, int code) {
  // Only a lower code can win over --strict's 4 (README "Exit codes").
  if (!options.strict || (code != k_exit_ok && code < k_exit_strict)) return code;
  const bool serious =
      std::any_of(workspace.diagnostics.begin(), workspace.diagnostics.end(),
                  [](const Diagnostic& d) { return d.severity != Severity::note; });
  if (!serious) return code;
  for (const auto& d : workspace.diagnostics) {
    if (d.severity != Severity::note) std::cerr << format_diagnostic(d) << '\n';
  }
  return k_exit_strict;
}

}  // namespace blastgraph::cli
