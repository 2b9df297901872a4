#pragma once
// What every subcommand shares: loading the workspace and the --strict rule.

#include <optional>
#include <string>

#include "blastgraph/analyzer/workspace.hpp"
#include "exit_codes.hpp"

namespace CLI { class App; }

namespace blastgraph::cli {

struct CommonOptions {
  std::string path;
  std::string format = "text";
  bool strict = false;
};

// Adds PATH, --format (choices as given) and --strict to a subcommand.
void add_common_options(CLI::App& command, CommonOptions& options,
                        const std::vector<std::string>& formats);

// Loads the workspace; prints the error and returns nullopt when PATH cannot be read.
[[nodiscard]] std::optional<analyzer::Workspace> load_or_report(const CommonOptions& options);

// k_exit_strict when --strict and the workspace has a warning or error, else `code`.
[[nodiscard]] int apply_strict(const CommonOptions& options, const analyzer::Workspace& workspace,
                               int code);

}  // namespace blastgraph::cli
