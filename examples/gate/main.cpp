// gate: the smallest useful CI gate on top of the blastgraph library.
//
//   gate PATH CHANGED_ID_OR_GLOB... [--agent]
//
// Loads PATH with its policy file, scores a change to the given nodes (as an AI agent's change
// with --agent), prints the Markdown report a PR bot would post, and exits 0 when the change
// may merge without a senior review (tier LOW or MEDIUM, verdict allow), 1 when it needs one,
// 2 on bad input.

#include <iostream>
#include <string>
#include <vector>

#include "blastgraph/blastgraph.hpp"

namespace bg = blastgraph::analyzer;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: gate PATH CHANGED_ID_OR_GLOB... [--agent]\n";
    return 2;
  }
  const std::string root = argv[1];
  std::vector<std::string> patterns;
  std::string change_source = "human";
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--agent") {
      change_source = "ai-agent";
    } else {
      patterns.push_back(arg);
    }
  }

  // 1. The organization's policy file (defaults when PATH has none), then the workspace.
  auto config = bg::find_config(root);
  if (!config) {
    std::cerr << "gate: " << config.error().message << '\n';
    return 2;
  }
  for (const auto& diagnostic : config->diagnostics) {
    std::cerr << blastgraph::format_diagnostic(diagnostic) << '\n';
  }
  if (config->has_errors()) return 2;
  bg::LoadOptions options;
  options.service_rules = config->config.services;
  options.criticality_rules = config->config.criticality;
  auto workspace = bg::load_workspace(root, options);
  if (!workspace) {
    std::cerr << "gate: " << workspace.error().message << '\n';
    return 2;
  }

  // 2. The change: here, node ids or globs. diff_changes / plan_changes / git_changes find
  //    them from a diff, a Terraform plan or a git range instead.
  const auto changes = bg::select_changes(workspace->graph, patterns, bg::ChangeAction::update);
  if (!changes.unmatched_patterns.empty()) {
    std::cerr << "gate: no node matches " << changes.unmatched_patterns.front() << '\n';
    return 2;
  }

  // 3. Score, tier and the policy file's verdict for this change source.
  auto report = bg::score_change(*workspace, changes, config->config.score);
  bg::apply_gate(config->config, workspace->graph, changes, change_source, report);

  // 4. Render, and decide.
  bg::write_score_markdown(report, std::cout);
  const bool needs_review = report.verdict == bg::Verdict::deny || report.tier >= bg::Tier::high;
  std::cerr << "gate: " << bg::to_string(report.tier) << " (" << report.score << "/100), "
            << bg::to_string(report.verdict) << '\n';
  return needs_review ? 1 : 0;
}
