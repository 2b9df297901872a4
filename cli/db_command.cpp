#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "blastgraph/store/database.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace blastgraph::cli {
namespace {

int run_migrate(const std::string& url) {
  auto database = store::Database::connect(url);
  if (!database) {
    std::cerr << "blastgraph: error: --db: " << database.error().message << '\n';
    return k_exit_input;
  }
  const auto from = database->migrate();
  if (!from) {
    std::cerr << "blastgraph: error: db migrate: " << from.error().message << '\n';
    return k_exit_input;
  }
  if (*from == store::k_schema_version) {
    std::cout << "schema at version " << store::k_schema_version << ", nothing to do\n";
  } else {
    std::cout << "schema migrated from version " << *from << " to " << store::k_schema_version
              << '\n';
  }
  return k_exit_ok;
}

}  // namespace

void attach_db(CLI::App& command, Runner& run) {
  command.require_subcommand(1);
  auto url = std::make_shared<std::string>();
  auto* migrate = command.add_subcommand(
      "migrate", "Create blastgraph's tables, or migrate them to this version's schema");
  migrate->add_option("--db", *url,
                      "libpq connection string or postgresql:// URL (default: PGHOST, "
                      "PGDATABASE, ... from the environment)");
  migrate->callback([url, &run] { run = [url] { return run_migrate(*url); }; });
}

}  // namespace blastgraph::cli
