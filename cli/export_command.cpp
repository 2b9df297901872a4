#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <memory>

#include "blastgraph/graph/export.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace blastgraph::cli {
namespace {

struct ExportOptions {
  CommonOptions common;
  std::string output;
};

int run_export(const ExportOptions& options) {
  const auto config = load_config_or_report(options.common);
  if (!config) return k_exit_input;
  auto workspace = load_or_report(options.common, config->config);
  if (workspace) workspace = join_or_report(options.common, std::move(*workspace));
  if (!workspace) return k_exit_input;
  std::ofstream file;
  if (!options.output.empty()) {
    file.open(options.output, std::ios::binary);
    if (!file) {
      std::cerr << "blastgraph: error: cannot write " << options.output << '\n';
      return k_exit_input;
    }
  }
  std::ostream& out = options.output.empty() ? std::cout : file;
  if (options.common.format == "dot") {
    graph::write_dot(workspace->graph, out);
  } else {
    graph::write_json(workspace->graph, out);
  }
  for (const auto& d : workspace->diagnostics) std::cerr << format_diagnostic(d) << '\n';
  return apply_strict(options.common, *workspace, apply_config_errors(*config, k_exit_ok));
}

}  // namespace

void attach_export(CLI::App& command, Runner& run) {
  auto options = std::make_shared<ExportOptions>();
  options->common.format = "json";
  add_common_options(command, options->common, {"json", "dot"});
  add_graph_option(command, options->common, analyzer::SnapshotCheck::tree_unchanged);
  add_org_option(command, options->common);
  command.add_option("--output,-o", options->output, "Write to FILE instead of stdout");
  command.callback([options, &run] { run = [options] { return run_export(*options); }; });
}

}  // namespace blastgraph::cli
