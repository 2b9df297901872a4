#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "blastgraph/analyzer/report.hpp"
#include "blastgraph/analyzer/score.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace blastgraph::cli {
namespace {

struct ScoreOptions {
  CommonOptions common;
  std::vector<std::string> changed;
  std::string action = "update";
};

int run_score(const ScoreOptions& options) {
  auto workspace = load_or_report(options.common);
  if (!workspace) return k_exit_input;
  const auto action = analyzer::parse_change_action(options.action).value();
  const auto changes = analyzer::select_changes(workspace->graph, options.changed, action);
  const auto report = analyzer::score_change(*workspace, changes);
  if (options.common.format == "json") {
    analyzer::write_score_json(report, *workspace, std::cout);
  } else {
    analyzer::write_score_text(report, std::cout);
  }
  for (const auto& pattern : changes.unmatched_patterns) {
    std::cerr << "blastgraph: error: --changed " << pattern << " matches no node\n";
  }
  // A gate must not pass a change it could not find: an unmatched id is an input error.
  const int code = changes.unmatched_patterns.empty() ? k_exit_ok : k_exit_input;
  return apply_strict(options.common, *workspace, code);
}

}  // namespace

void attach_score(CLI::App& command, Runner& run) {
  auto options = std::make_shared<ScoreOptions>();
  add_common_options(command, options->common, {"text", "json"});
  command.add_option("--changed,-c", options->changed,
                     "Changed node id or glob (repeatable), e.g. 'envs/prod:module.iam.*'")
      ->required();
  command.add_option("--action", options->action, "What happens to the changed nodes")
      ->check(CLI::IsMember({"create", "update", "replace", "delete"}))
      ->capture_default_str();
  command.callback([options, &run] { run = [options] { return run_score(*options); }; });
}

}  // namespace blastgraph::cli
