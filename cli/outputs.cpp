#include "outputs.hpp"

#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>

#include "blastgraph/analyzer/report.hpp"
#include "exit_codes.hpp"

namespace blastgraph::cli {
namespace {

constexpr const char* k_github_output = "GITHUB_OUTPUT";
constexpr const char* k_github_summary = "GITHUB_STEP_SUMMARY";

std::optional<analyzer::Tier> parse_tier(const std::string& name) {
  for (const auto tier : {analyzer::Tier::low, analyzer::Tier::medium, analyzer::Tier::high,
                          analyzer::Tier::critical}) {
    if (analyzer::to_string(tier) == name) return tier;
  }
  return std::nullopt;
}

bool is_format(const std::string& name) {
  const auto& formats = score_formats();
  return std::find(formats.begin(), formats.end(), name) != formats.end();
}

OutputTarget parse_target(const std::string& spec) {
  const auto equals = spec.find('=');
  OutputTarget target{spec.substr(0, equals),
                      equals == std::string::npos ? "" : spec.substr(equals + 1)};
  if (!is_format(target.format)) {
    throw CLI::ValidationError("--output",
                               "unknown format '" + target.format + "' in '" + spec + "'");
  }
  if (target.format == "github" && equals != std::string::npos) {
    throw CLI::ValidationError("--output",
                               "github writes to $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY: "
                               "give it without =FILE");
  }
  if (target.format != "github" && target.file.empty()) {
    throw CLI::ValidationError("--output", "'" + spec + "' needs FORMAT=FILE (FILE '-' is stdout)");
  }
  return target;
}

// NO_COLOR (https://no-color.org): any non-empty value turns colour off.
bool colour_for(const OutputOptions& options, const OutputTarget& target) {
  if (options.colour == "always") return true;
  if (options.colour == "never" || target.file != "-") return false;
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

void render(const OutputTarget& target, const OutputOptions& options,
            const analyzer::ScoreReport& report, const analyzer::Workspace& workspace,
            std::ostream& out) {
  if (target.format == "json") {
    analyzer::write_score_json(report, workspace, out);
  } else if (target.format == "markdown") {
    analyzer::write_score_markdown(report, out);
  } else if (target.format == "sarif") {
    analyzer::write_score_sarif(report, out);
  } else if (target.format == "governance") {
    analyzer::write_score_governance(report, out);
  } else {
    analyzer::write_score_text(report, out, analyzer::TextOptions{colour_for(options, target)});
  }
}

bool report_unwritable(const std::string& file) {
  std::cerr << "blastgraph: error: cannot write " << file << '\n';
  return false;
}

std::string env_or_empty(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// GitHub expects both files to be appended to: other steps write to them too.
bool write_github(const analyzer::ScoreReport& report) {
  const std::string outputs_path = env_or_empty(k_github_output);
  const std::string summary_path = env_or_empty(k_github_summary);
  if (outputs_path.empty() || summary_path.empty()) {
    return report_unwritable("$GITHUB_OUTPUT or $GITHUB_STEP_SUMMARY: not set");
  }
  std::ofstream outputs(outputs_path, std::ios::binary | std::ios::app);
  if (!outputs) return report_unwritable(outputs_path);
  std::ofstream summary(summary_path, std::ios::binary | std::ios::app);
  if (!summary) return report_unwritable(summary_path);
  analyzer::write_score_github(report, outputs, summary);
  outputs.close();
  summary.close();
  if (!outputs) return report_unwritable(outputs_path);
  if (!summary) return report_unwritable(summary_path);
  return true;
}

}  // namespace

const std::vector<std::string>& score_formats() {
  static const std::vector<std::string> formats = {"text",   "json",  "markdown",
                                                   "github", "sarif", "governance"};
  return formats;
}

void add_output_options(CLI::App& command, OutputOptions& options) {
  command.add_option("--output", options.outputs,
                     "FORMAT=FILE: also write FORMAT to FILE ('-': stdout); repeatable. "
                     "'github' takes no FILE");
  command
      .add_option("--color", options.colour,
                  "Colour in text output: auto (a terminal, NO_COLOR unset), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  command.add_option("--fail-on", options.fail_on, "Exit 6 when the tier is at least this one")
      ->check(CLI::IsMember({"LOW", "MEDIUM", "HIGH", "CRITICAL"}));
}

std::vector<OutputTarget> resolve_targets(const OutputOptions& options, const std::string& format,
                                          bool format_given) {
  std::vector<OutputTarget> targets;
  if (format_given || options.outputs.empty()) {
    targets.push_back({format, format == "github" ? "" : "-"});
  }
  for (const auto& spec : options.outputs) targets.push_back(parse_target(spec));
  return targets;
}

std::string check_environment(const std::vector<OutputTarget>& targets) {
  const bool github = std::any_of(targets.begin(), targets.end(),
                                  [](const OutputTarget& t) { return t.format == "github"; });
  if (!github) return {};
  for (const char* name : {k_github_output, k_github_summary}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
      return std::string("the github format needs $") + name +
             " (set by GitHub Actions in every step); it is not set";
    }
  }
  return {};
}

int write_outputs(const std::vector<OutputTarget>& targets, const OutputOptions& options,
                  const analyzer::ScoreReport& report, const analyzer::Workspace& workspace) {
  bool ok = true;
  for (const auto& target : targets) {
    if (target.format == "github") {
      ok = write_github(report) && ok;
    } else if (target.file == "-") {
      render(target, options, report, workspace, std::cout);
      std::cout.flush();
    } else {
      std::ofstream file(target.file, std::ios::binary | std::ios::trunc);
      if (file) render(target, options, report, workspace, file);
      file.close();
      if (!file) ok = report_unwritable(target.file);
    }
  }
  return ok ? k_exit_ok : k_exit_input;
}

int apply_fail_on(const OutputOptions& options, analyzer::Tier tier, int code) {
  const auto threshold = parse_tier(options.fail_on);
  if (!threshold || tier < *threshold) return code;
  return code == k_exit_ok ? k_exit_gate_tier : std::min(code, static_cast<int>(k_exit_gate_tier));
}

}  // namespace blastgraph::cli
