#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "blastgraph/analyzer/explain.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace blastgraph::cli {
namespace {

struct ExplainOptions {
  CommonOptions common;
  std::string from;
  std::string to;
  std::size_t all_paths = 1;
};

int run_explain(const ExplainOptions& options) {
  const auto config = load_config_or_report(options.common);
  if (!config) return k_exit_input;
  auto workspace = load_or_report(options.common, config->config);
  if (workspace) workspace = join_or_report(options.common, std::move(*workspace));
  if (!workspace) return k_exit_input;
  for (const auto& d : workspace->diagnostics) std::cerr << format_diagnostic(d) << '\n';
  // An unknown id is an input error; "not reached" is an answer and exits 0.
  const auto explanation =
      analyzer::explain(workspace->graph, options.from, options.to, options.all_paths);
  if (!explanation) {
    std::cerr << "blastgraph: error: " << explanation.error().message << '\n';
    return k_exit_input;
  }
  if (options.common.format == "json") {
    analyzer::write_explain_json(*explanation, std::cout);
  } else {
    analyzer::write_explain_text(*explanation, std::cout);
  }
  return apply_strict(options.common, *workspace, apply_config_errors(*config, k_exit_ok));
}

}  // namespace

void attach_explain(CLI::App& command, Runner& run) {
  auto options = std::make_shared<ExplainOptions>();
  add_common_options(command, options->common, {"text", "json"});
  add_graph_option(command, options->common, analyzer::SnapshotCheck::tree_unchanged);
  add_org_option(command, options->common);
  command.add_option("--from", options->from, "The changed node's id")->required();
  command.add_option("--to", options->to, "The node whose reach is explained")->required();
  require_count(
      command.add_option("--all-paths", options->all_paths, "List up to N distinct shortest paths"))
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000}))
      ->capture_default_str();
  command.callback([options, &run] { run = [options] { return run_explain(*options); }; });
}

}  // namespace blastgraph::cli
