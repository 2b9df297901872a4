#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "blastgraph/analyzer/hotspots.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace blastgraph::cli {
namespace {

struct HotspotsOptions {
  CommonOptions common;
  std::size_t top = 20;
  bool estimate = false;
  std::size_t sketch_size = 64;
};

int run_hotspots(const HotspotsOptions& options) {
  const auto config = load_config_or_report(options.common);
  if (!config) return k_exit_input;
  auto workspace = load_or_report(options.common, config->config);
  if (workspace) workspace = join_or_report(options.common, std::move(*workspace));
  if (!workspace) return k_exit_input;
  for (const auto& d : workspace->diagnostics) std::cerr << format_diagnostic(d) << '\n';
  const auto hotspots = analyzer::rank_hotspots(
      workspace->graph, {options.top, options.estimate ? options.sketch_size : 0});
  if (options.common.format == "json") {
    analyzer::write_hotspots_json(hotspots, std::cout);
  } else {
    analyzer::write_hotspots_text(hotspots, std::cout);
  }
  return apply_strict(options.common, *workspace, apply_config_errors(*config, k_exit_ok));
}

}  // namespace

void attach_hotspots(CLI::App& command, Runner& run) {
  auto options = std::make_shared<HotspotsOptions>();
  add_common_options(command, options->common, {"text", "json"});
  add_graph_option(command, options->common, analyzer::SnapshotCheck::tree_unchanged);
  add_org_option(command, options->common);
  require_count(
      command.add_option("--top", options->top, "Show the N most dangerous resources (0: all)"))
      ->capture_default_str();
  auto* estimate =
      command.add_flag("--estimate", options->estimate,
                       "Estimate the counts from bottom-k sketches: faster on very large graphs, "
                       "with the error bound printed");
  command
      .add_option("--sketch-size", options->sketch_size,
                  "Sketch size k for --estimate: the error shrinks as 1/sqrt(k-2), memory grows "
                  "with k")
      ->check(CLI::Range(std::size_t{3}, std::size_t{4096}))
      ->needs(estimate)
      ->capture_default_str();
  command.callback([options, &run] { run = [options] { return run_hotspots(*options); }; });
}

}  // namespace blastgraph::cli
