#pragma once
// The score command's outputs: --format, --output FORMAT=FILE (repeatable), --color and
// --fail-on; picking the renderer for each and writing it (README "Outputs").

#include <string>
#include <vector>

#include "blastgraph/analyzer/score.hpp"
#include "blastgraph/analyzer/workspace.hpp"

namespace CLI {
class App;
}

namespace blastgraph::cli {

// Every format `score` can render, in help order.
[[nodiscard]] const std::vector<std::string>& score_formats();

struct OutputOptions {
  std::vector<std::string> outputs;  // FORMAT=FILE as given
  std::string colour = "auto";       // auto | always | never
  std::string fail_on;               // LOW..CRITICAL; empty: never fail on the tier
};

// One rendering to write: `file` is a path, "-" for standard output; empty for `github`,
// which writes to the files $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY name.
struct OutputTarget {
  std::string format;
  std::string file;
};

// Adds --output, --color and --fail-on to `command`.
void add_output_options(CLI::App& command, OutputOptions& options);

// The targets of a run: `--format` to standard output when it was given or no --output was,
// then each --output in order. Throws CLI::ValidationError (exit 2) for an unknown format, a
// missing `=FILE`, or a FILE given to `github`.
[[nodiscard]] std::vector<OutputTarget> resolve_targets(const OutputOptions& options,
                                                        const std::string& format,
                                                        bool format_given);

// Empty when the environment has what the targets need, else the message: `github` needs
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY set.
[[nodiscard]] std::string check_environment(const std::vector<OutputTarget>& targets);

// Renders `report` to every target. Returns k_exit_ok, or k_exit_input after printing the
// error when a file cannot be written (the other targets are still written).
[[nodiscard]] int write_outputs(const std::vector<OutputTarget>& targets,
                                const OutputOptions& options, const analyzer::ScoreReport& report,
                                const analyzer::Workspace& workspace);

// k_exit_gate_tier when --fail-on is set and the tier is at least it; the lower code wins
// when `code` already says something (input 3 and strict 4 outrank the tier).
[[nodiscard]] int apply_fail_on(const OutputOptions& options, analyzer::Tier tier, int code);

}  // namespace blastgraph::cli
