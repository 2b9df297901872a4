#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

#include "blastgraph/analyzer/snapshot.hpp"
#include "blastgraph/org/organization.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace blastgraph::cli {
namespace {

struct PublishOptions {
  std::string snapshot;
  std::string database;  // --db; empty: libpq's environment (PGHOST, PGDATABASE, ...)
  std::string repository;
  std::string commit;
  std::string commit_time;  // seconds since the epoch; empty: git's, for the commit
};

// The commit's time as git records it in the current directory's repository.
std::optional<std::int64_t> git_commit_time(const std::string& commit) {
  const auto command = "git log -1 --format=%ct '" + commit + "' -- 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  char buffer[64] = {};
  const bool read = std::fgets(buffer, sizeof buffer, pipe) != nullptr;
  const bool ok = ::pclose(pipe) == 0 && read;
  if (!ok) return std::nullopt;
  try {
    return std::stoll(buffer);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

int run_publish(const PublishOptions& options) {
  std::int64_t commit_time = 0;
  if (!options.commit_time.empty()) {
    commit_time = std::stoll(options.commit_time);
  } else if (const auto from_git = git_commit_time(options.commit)) {
    commit_time = *from_git;
  } else {
    std::cerr << usage_error_line("--commit " + options.commit +
                                  " is not a commit of the current directory's git repository; "
                                  "give its time with --commit-time SECONDS");
    return k_exit_usage;
  }
  auto workspace = analyzer::load_snapshot(options.snapshot, {}, ".",
                                           analyzer::SnapshotCheck::another_repository);
  if (!workspace) {
    std::cerr << "blastgraph: error: " << workspace.error().message << '\n';
    return k_exit_input;
  }
  const auto name = options.repository.empty() ? workspace->repository : options.repository;
  if (!org::valid_repository_name(name)) {
    std::cerr << "blastgraph: error: " << options.snapshot << ": repository name '" << name
              << "' is not valid; give one with --repo NAME\n";
    return k_exit_input;
  }
  auto database = store::Database::connect(options.database);
  if (!database) {
    std::cerr << "blastgraph: error: --db: " << database.error().message << '\n';
    return k_exit_input;
  }
  const store::RepositoryRecord record{name, options.commit, commit_time};
  const auto outcome = org::publish_repository(*database, *workspace, record);
  if (!outcome) {
    std::cerr << "blastgraph: error: publish " << name << ": " << outcome.error().message << '\n';
    return k_exit_input;
  }
  switch (*outcome) {
    case store::PublishOutcome::published:
      std::cout << "published " << name << " at " << options.commit << '\n';
      break;
    case store::PublishOutcome::replaced:
      std::cout << "replaced " << name << " with " << options.commit << '\n';
      break;
    case store::PublishOutcome::kept_newer:
      std::cout << "kept " << name << ": the stored graph is of a later commit than "
                << options.commit << '\n';
      break;
  }
  return k_exit_ok;
}

}  // namespace

void attach_publish(CLI::App& command, Runner& run) {
  auto options = std::make_shared<PublishOptions>();
  command.add_option("SNAPSHOT", options->snapshot, "A snapshot written by `scan --save`")
      ->required();
  command.add_option("--db", options->database,
                     "libpq connection string or postgresql:// URL (default: PGHOST, "
                     "PGDATABASE, ... from the environment)");
  command.add_option("--repo", options->repository,
                     "The repository's name (default: the one the snapshot was saved with)");
  command.add_option("--commit", options->commit, "The commit the snapshot was scanned at")
      ->required();
  require_count(command.add_option("--commit-time", options->commit_time,
                                   "The commit's time in seconds since the epoch (default: "
                                   "git's, in the current directory)"));
  command.callback([options, &run] { run = [options] { return run_publish(*options); }; });
}

}  // namespace blastgraph::cli
