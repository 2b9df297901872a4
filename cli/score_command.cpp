#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <iterator>
#include <memory>

#include "blastgraph/analyzer/change_sources.hpp"
#include "blastgraph/analyzer/config.hpp"
#include "blastgraph/analyzer/report.hpp"
#include "blastgraph/analyzer/score.hpp"
#include "blastgraph/core/file_io.hpp"
#include "blastgraph/org/organization.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "outputs.hpp"

namespace blastgraph::cli {
namespace {

struct ScoreOptions {
  CommonOptions common;
  std::vector<std::string> changed;
  std::string action = "update";
  std::string diff;  // file, or "-" for standard input
  std::string plan;
  std::string plan_root;                // default: the only Terraform root
  std::string git;                      // BASE or BASE..HEAD
  OutputOptions outputs;                // --output, --color, --fail-on
  std::vector<OutputTarget> targets;    // resolved when the command line is parsed
  std::string change_source = "human";  // who made the change, for the policy's scope rules
};

// A source that cannot be read at all: the message, and the exit code it deserves.
struct Failure {
  std::string message;
  int code = k_exit_input;
};

Result<std::string> read_input(const std::string& path) {
  if (path != "-") return read_file(path);
  std::string text(std::istreambuf_iterator<char>(std::cin), {});
  if (text.size() > k_default_max_file_bytes) return Error{"standard input is over 16 MiB"};
  return text;
}

// Runs every requested source against the workspace (replaced by HEAD's for `--git A..B`).
std::optional<Failure> find_changes(const ScoreOptions& options, const analyzer::Config& config,
                                    analyzer::Workspace& workspace,
                                    std::vector<analyzer::ChangeFindings>& findings) {
  if (!options.git.empty()) {
    // Both revisions are loaded with the policy's rules, so their services compare.
    auto compared =
        analyzer::git_changes(workspace, options.git, load_options(options.common, config));
    if (!compared) return Failure{"--git " + options.git + ": " + compared.error().message};
    if (compared->head) workspace = std::move(*compared->head);
    findings.push_back(std::move(compared->findings));
  }
  if (!options.diff.empty()) {
    auto text = read_input(options.diff);
    if (!text) return Failure{"--diff: " + text.error().message};
    analyzer::DiffOptions diff_options;
    // Diff paths are relative to the repository top; outside a repository, to PATH itself.
    if (auto prefix = analyzer::git_path_prefix(workspace.root)) diff_options.path_prefix = *prefix;
    const auto name = options.diff == "-" ? std::string("<stdin>") : options.diff;
    findings.push_back(analyzer::diff_changes(workspace, *text, name, diff_options));
  }
  if (!options.plan.empty()) {
    auto text = read_file(options.plan);
    if (!text) return Failure{"--plan: " + text.error().message};
    auto root = options.plan_root.empty() ? analyzer::default_plan_root(workspace)
                                          : Result<std::string>(options.plan_root);
    if (!root)
      return Failure{"--plan: " + root.error().message + " (--plan-root DIR)", k_exit_usage};
    findings.push_back(analyzer::plan_changes(workspace, *text, options.plan, *root));
  }
  return std::nullopt;
}

// Why a --changed pattern selected nothing, for stderr. A glob selects resources only, so a
// glob that matches only values or module calls names them: the user meant one of those.
std::string unmatched_message(const graph::Graph& graph, const analyzer::ChangeSet& selected,
                              const std::string& pattern) {
  const auto values = selected.unmatched_values.find(pattern);
  if (values == selected.unmatched_values.end()) {
    return "--changed '" + pattern + "' selects no node";
  }
  const auto& ids = values->second;
  const bool modules = std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
    return graph.node(graph.find(id)).role == graph::Role::module;
  });
  std::string message = "--changed '" + pattern + "' matches only variables, locals" +
                        (modules ? ", outputs or module calls: " : " or outputs: ");
  // One line stays readable: the first ids, then how many more.
  constexpr std::size_t k_listed = 20;
  for (std::size_t i = 0; i < ids.size() && i < k_listed; ++i) {
    message += (i == 0 ? "" : ", ") + ids[i];
  }
  if (ids.size() > k_listed) message += ", +" + std::to_string(ids.size() - k_listed) + " more";
  return message + "; name one exactly to select it";
}

void report_violations(const analyzer::ScoreReport& report) {
  for (const auto& violation : report.violations) {
    std::cerr << "blastgraph: deny: scope rule '" << violation.rule << "' (" << violation.file
              << ":" << violation.position.line << ") forbids " << report.change_source
              << " changes to";
    for (const auto& id : violation.resources) std::cerr << ' ' << id;
    if (!violation.message.empty()) std::cerr << ": " << violation.message;
    std::cerr << '\n';
  }
}

int run_score(const ScoreOptions& options) {
  if (const auto problem = check_environment(options.targets); !problem.empty()) {
    std::cerr << "blastgraph: error: " << problem << '\n';
    return k_exit_usage;
  }
  const auto config = load_config_or_report(options.common);
  if (!config) return k_exit_input;
  auto workspace = load_or_report(options.common, config->config);
  if (!workspace) return k_exit_input;
  std::vector<analyzer::ChangeFindings> findings;
  if (auto failure = find_changes(options, config->config, *workspace, findings)) {
    std::cerr << "blastgraph: error: " << failure->message << '\n';
    return failure->code;
  }
  analyzer::extend_graph(*workspace, findings);
  for (auto& found : findings) {
    found = analyzer::map_code_changes(workspace->graph, config->config.services, std::move(found));
  }
  const auto action = analyzer::parse_change_action(options.action).value();
  auto selected = analyzer::select_changes(workspace->graph, options.changed, action);
  if (!selected.unmatched_patterns.empty()) {
    // A gate must not pass a change it could not find, and a report of the rest would read
    // as if it had: no report, only what to fix.
    for (const auto& pattern : selected.unmatched_patterns) {
      std::cerr << "blastgraph: error: " << unmatched_message(workspace->graph, selected, pattern)
                << '\n';
    }
    return k_exit_input;
  }
  auto changes = analyzer::merge_changes(workspace->graph, findings, std::move(selected));
  if (!options.common.org.empty()) {
    // The change is found in the repository under review; its reach runs through them all.
    std::vector<std::string> ids;
    for (const auto& changed : changes.nodes) ids.push_back(workspace->graph.node(changed.node).id);
    workspace = join_or_report(options.common, std::move(*workspace));
    if (!workspace) return k_exit_input;
    changes = org::rebase_changes(std::move(changes), ids, workspace->graph);
  }
  auto report = analyzer::score_change(*workspace, changes, config->config.score);
  analyzer::apply_gate(config->config, workspace->graph, changes, options.change_source, report);
  const int written = write_outputs(options.targets, options.outputs, report, *workspace);
  report_violations(report);
  // Unmapped hunks and plan addresses are listed in the report, and the source's
  // diagnostics make --strict fail.
  int code = apply_config_errors(*config, written);
  if (report.verdict == analyzer::Verdict::deny) code = combine_exit(code, k_exit_gate_deny);
  // The lowest code wins: input (3) and strict (4) outrank the tier (6) and the verdict (7).
  return apply_fail_on(options.outputs, report.tier,
                       apply_strict(options.common, *workspace, code));
}

}  // namespace

void attach_score(CLI::App& command, Runner& run) {
  auto options = std::make_shared<ScoreOptions>();
  add_common_options(command, options->common, score_formats());
  add_graph_option(command, options->common, analyzer::SnapshotCheck::tree_may_differ);
  add_org_option(command, options->common);
  add_output_options(command, options->outputs);
  command.add_option("--changed,-c", options->changed,
                     "Changed node id or glob (repeatable), e.g. 'envs/prod:module.iam.*'");
  command.add_option("--action", options->action, "What happens to the --changed nodes")
      ->check(CLI::IsMember({"create", "update", "replace", "delete"}))
      ->capture_default_str();
  command.add_option("--diff", options->diff,
                     "Unified diff (git diff output) whose hunks select nodes; '-' reads stdin");
  command.add_option("--plan", options->plan, "Terraform plan JSON (terraform show -json)");
  command.add_option("--plan-root", options->plan_root,
                     "Terraform root the plan is for (default: the only root)");
  command.add_option("--git", options->git,
                     "BASE or BASE..HEAD: compare the graphs (HEAD: the working tree)");
  command
      .add_option("--change-source", options->change_source,
                  "Who made the change (e.g. human, ai-agent): the policy file's scope "
                  "rules for it decide the verdict; a denied change exits 7")
      ->capture_default_str();
  command.callback([options, &run, &command] {
    if (options->changed.empty() && options->diff.empty() && options->plan.empty() &&
        options->git.empty()) {
      throw CLI::ValidationError("score", "give at least one of --changed, --diff, --plan, --git");
    }
    if (!options->git.empty() && !options->common.graph.empty()) {
      throw CLI::ValidationError("score",
                                 "--git builds both revisions' graphs itself; drop --graph");
    }
    options->targets = resolve_targets(options->outputs, options->common.format,
                                       command.get_option("--format")->count() > 0);
    run = [options] { return run_score(*options); };
  });
}

}  // namespace blastgraph::cli
