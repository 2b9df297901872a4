#include "common.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

namespace blastgraph::cli {

void add_common_options(CLI::App& command, CommonOptions& options,
                        const std::vector<std::string>& formats) {
  command.add_option("PATH", options.path, "Directory to scan")->required();
  command.add_option("--format,-f", options.format, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  command.add_flag("--strict", options.strict,
                   "Exit with code 4 when any file produced a warning or error");
}

std::optional<analyzer::Workspace> load_or_report(const CommonOptions& options) {
  auto workspace = analyzer::load_workspace(options.path);
  if (!workspace) {
    std::cerr << "blastgraph: error: " << workspace.error().message << '\n';
    return std::nullopt;
  }
  return std::move(workspace).value();
}

int apply_strict(const CommonOptions& options, const analyzer::Workspace& workspace, int code) {
  if (!options.strict || code != k_exit_ok) return code;
  const bool serious = std::any_of(workspace.diagnostics.begin(), workspace.diagnostics.end(),
                                   [](const Diagnostic& d) { return d.severity != Severity::note; });
  if (!serious) return code;
  for (const auto& d : workspace.diagnostics) {
    if (d.severity != Severity::note) std::cerr << format_diagnostic(d) << '\n';
  }
  return k_exit_strict;
}

}  // namespace blastgraph::cli
