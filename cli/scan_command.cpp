#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "blastgraph/analyzer/report.hpp"
#include "blastgraph/analyzer/snapshot.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace blastgraph::cli {

namespace {

struct ScanOptions {
  CommonOptions common;
  std::string save;  // --save FILE
};

int run_scan(const ScanOptions& options) {
  const auto config = load_config_or_report(options.common);
  if (!config) return k_exit_input;
  auto workspace = load_or_report(options.common, config->config);
  if (!workspace) return k_exit_input;
  if (!options.save.empty()) {
    const auto loaded_with = load_options(options.common, config->config);
    if (const auto error = analyzer::save_snapshot(*workspace, loaded_with, options.save)) {
      std::cerr << "blastgraph: error: " << error->message << '\n';
      return k_exit_input;
    }
  }
  const auto summary = analyzer::summarize(*workspace);
  if (options.common.format == "json") {
    analyzer::write_scan_json(summary, *workspace, std::cout);
  } else {
    analyzer::write_scan_text(summary, *workspace, std::cout);
  }
  return apply_strict(options.common, *workspace, apply_config_errors(*config, k_exit_ok));
}

}  // namespace

void attach_scan(CLI::App& command, Runner& run) {
  auto options = std::make_shared<ScanOptions>();
  add_common_options(command, options->common, {"text", "json"});
  add_repository_option(command, options->common);
  command.add_option("--save", options->save,
                     "Also write the scanned graph to FILE as a snapshot, for `--graph FILE`");
  command.callback([options, &run] { run = [options] { return run_scan(*options); }; });
}

}  // namespace blastgraph::cli
