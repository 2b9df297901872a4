// blastgraph: blast-radius analysis of infrastructure changes.
#include <CLI/CLI.hpp>
#include <oneapi/tbb/global_control.h>

#include <exception>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "common.hpp"
#include "exit_codes.hpp"

int main(int argc, char** argv) {
  using namespace blastgraph::cli;
  CLI::App app{"blastgraph: what else breaks if this change lands?", "blastgraph"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "blastgraph 0.1.0");
  // Set before the subcommands are added: they copy it.
  app.failure_message(
      [](const CLI::App*, const CLI::Error& e) { return usage_error_line(e.what()); });
  std::size_t threads = 0;
  require_count(app.add_option("--threads,-j", threads, "Worker threads (default: all cores)"));

  Runner run;
  for (const auto& command : k_commands) {
    auto* sub = app.add_subcommand(std::string(command.name), std::string(command.help));
    command.attach(*sub, run);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? k_exit_ok : k_exit_usage;
  }
  try {
    std::unique_ptr<tbb::global_control> limit;
    if (threads > 0) {
      limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                    threads);
    }
    return run ? run() : k_exit_usage;
  } catch (const std::exception& e) {
    std::cerr << "blastgraph: internal error: " << e.what() << '\n';
    return k_exit_internal;
  }
}
