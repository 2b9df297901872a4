// Scope rules: what a change source may not touch, and the gate's verdict.
#include <algorithm>

#include "blastgraph/analyzer/config.hpp"
#include "kubernetes/ids.hpp"

namespace blastgraph::analyzer {
namespace {

bool binds(const ScopeRule& rule, std::string_view change_source) {
  return std::any_of(rule.change_sources.begin(), rule.change_sources.end(),
                     [&](const std::string& name) { return name == "*" || name == change_source; });
}

bool any_glob(const std::vector<std::string>& globs, std::string_view text) {
  return std::any_of(globs.begin(), globs.end(),
                     [&](const std::string& glob) { return glob_match(glob, text); });
}

}  // namespace

std::vector<RuleViolation> check_scope(const Config& config, const graph::Graph& graph,
                                       const ChangeSet& changes, std::string_view change_source) {
  std::vector<RuleViolation> violations;
  for (const auto& rule : config.scope) {
    if (!binds(rule, change_source)) continue;
    RuleViolation violation{rule.name, rule.message, {}, config.file, rule.position};
    for (const auto& changed : changes.nodes) {
      const auto& node = graph.node(changed.node);
      if (any_glob(rule.types, node.type) || any_glob(rule.ids, node.id) ||
          any_glob(rule.ids, k8s_link::unscoped_id(node.id)) ||
          (!node.application.empty() && any_glob(rule.applications, node.application))) {
        violation.resources.push_back(node.id);
      }
    }
    if (violation.resources.empty()) continue;
    std::sort(violation.resources.begin(), violation.resources.end());
    violations.push_back(std::move(violation));
  }
  std::stable_sort(violations.begin(), violations.end(),
                   [](const RuleViolation& a, const RuleViolation& b) { return a.position < b.position; });
  return violations;
}

void apply_gate(const Config& config, const graph::Graph& graph, const ChangeSet& changes,
                std::string_view change_source, ScoreReport& report) {
  report.change_source = std::string(change_source);
  report.policy_version = config.version;
  report.violations = check_scope(config, graph, changes, change_source);
  report.verdict = report.violations.empty() ? Verdict::allow : Verdict::deny;
}

}  // namespace blastgraph::analyzer
