#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "blastgraph/analyzer/report.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace blastgraph::cli {

void attach_scan(CLI::App& command, Runner& run) {
  auto options = std::make_shared<CommonOptions>();
  add_common_options(command, *options, {"text", "json"});
  command.callback([options, &run] {
    run = [options] {
      const auto config = load_config_or_report(*options);
      if (!config) return int{k_exit_input};
      auto workspace = load_or_report(*options, config->config);
      if (!workspace) return int{k_exit_input};
      const auto summary = analyzer::summarize(*workspace);
      if (options->format == "json") {
        analyzer::write_scan_json(summary, *workspace, std::cout);
      } else {
        analyzer::write_scan_text(summary, *workspace, std::cout);
      }
      return apply_strict(*options, *workspace, apply_config_errors(*config, k_exit_ok));
    };
  });
}

}  // namespace blastgraph::cli
