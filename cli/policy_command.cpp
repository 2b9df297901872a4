#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "blastgraph/analyzer/policy.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"

namespace blastgraph::cli {
namespace {

// NOTE: only `policy` can find risk, so its code lives here rather than in exit_codes.hpp;
// README.md "Exit codes" documents it with the others.

struct PolicyOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool strict = false;
  bool fail_on_risk = false;
};

// The codes rank by how much the review can be trusted: an unread file (3) or a dropped
// statement (4, --strict) means the review itself is incomplete, so they win over risk (5).
int exit_code(const PolicyOptions& options, const analyzer::PolicyTotals& totals) {
  if (totals.unreadable_files > 0) return k_exit_input;
  if (options.strict && totals.warnings + totals.errors > 0) return k_exit_strict;
  if (options.fail_on_risk && totals.risk_factors > 0) return k_exit_risk;
  return k_exit_ok;
}

int run_policy(const PolicyOptions& options) {
  const std::vector<std::filesystem::path> paths(options.files.begin(), options.files.end());
  const auto review = analyzer::review_policies(paths);
  if (options.format == "json") {
    analyzer::write_policy_json(review, std::cout);
  } else {
    analyzer::write_policy_text(review, std::cout);
  }
  // Also on stderr, so a CI log shows them when stdout is JSON going to a file.
  for (const auto& d : analyzer::all_diagnostics(review)) {
    if (d.severity != Severity::note) std::cerr << format_diagnostic(d) << '\n';
  }
  return exit_code(options, analyzer::count_totals(review));
}

}  // namespace

void attach_policy(CLI::App& command, Runner& run) {
  auto options = std::make_shared<PolicyOptions>();
  command
      .add_option("FILE", options->files,
                  "IAM policy JSON files (policy documents or AWS CLI output)")
      ->required();
  command.add_option("--format,-f", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command.add_flag("--strict", options->strict,
                   "Exit with code 4 when any file produced a warning or error");
  command.add_flag("--fail-on-risk", options->fail_on_risk,
                   "Exit with code 5 when any document has a risk factor");
  command.callback([options, &run] { run = [options] { return run_policy(*options); }; });
}

}  // namespace blastgraph::cli
