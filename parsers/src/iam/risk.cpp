#include "blastgraph/parsers/iam/risk.hpp"

#include <algorithm>
#include <array>

#include "blastgraph/parsers/iam/catalogue.hpp"
#include "blastgraph/parsers/iam/evaluate.hpp"
#include "iam/risk_rules.hpp"

namespace blastgraph::iam {
namespace {

using detail::covers_every_resource;
using detail::Grants;

bool is_all_actions(std::string_view pattern) {
  return !pattern.empty() && pattern.find_first_not_of("*:") == std::string_view::npos;
}

RiskFactor factor(RiskKind kind, const Statement& statement, std::string message) {
  return {kind, std::move(message), {}, statement.sid, statement.position};
}

void find_statement_factors(const Statement& statement, std::vector<RiskFactor>& factors) {
  if (statement.effect != Effect::allow) return;
  const auto& actions = statement.actions.patterns;
  if (statement.actions.mode == ListMode::listed &&
      std::any_of(actions.begin(), actions.end(),
                  [](const std::string& a) { return is_all_actions(a); }) &&
      covers_every_resource(statement.resources)) {
    factors.push_back(
        factor(RiskKind::full_admin, statement, "allows every action on every resource"));
  }
  if (statement.actions.mode == ListMode::all_except) {
    factors.push_back(factor(RiskKind::not_action_allow, statement,
                             "Allow with NotAction grants every other action, including ones "
                             "AWS adds later"));
  }
  if (statement.principals.mode == ListMode::listed && statement.principals.admits_anyone()) {
    factors.push_back(factor(RiskKind::any_principal, statement,
                             statement.conditions.empty()
                                 ? "any principal, in any account, is allowed"
                                 : "any principal is allowed, limited only by conditions"));
  }
  if (std::optional<std::string> problem = detail::wildcard_subject_problem(statement)) {
    factors.push_back(factor(RiskKind::wildcard_subject, statement, std::move(*problem)));
  }
}

void add_escalation(std::vector<std::string> actions, const Grants& grants, std::string message,
                    std::vector<RiskFactor>& factors) {
  if (actions.empty()) return;
  const Statement* first = grants.first_granting(actions);
  RiskFactor risk = factor(RiskKind::privilege_escalation, *first, std::move(message));
  risk.actions = std::move(actions);
  factors.push_back(std::move(risk));
}

// Each escalation rule's pattern expanded in the catalogue, once per process.
const std::vector<std::vector<std::string>>& escalation_targets() {
  static const auto k_targets = [] {
    std::vector<std::vector<std::string>> out;
    for (const detail::EscalationRule& rule : detail::escalation_rules()) {
      auto& targets = out.emplace_back();
      for (const ActionRef& action : action_catalogue().expand(rule.pattern)) {
        targets.push_back(action.qualified_name());
      }
    }
    return out;
  }();
  return k_targets;
}

void find_escalation_factors(const PolicyDocument& document, std::vector<RiskFactor>& factors) {
  const Grants grants(document);
  std::vector<std::string> compute = grants.granted(detail::compute_creation_actions());
  if (grants.grants("iam:PassRole") && !compute.empty()) {
    compute.insert(compute.begin(), "iam:PassRole");
    add_escalation(std::move(compute), grants,
                   "iam:PassRole with compute creation lets the holder run code as any role it "
                   "can pass",
                   factors);
  }
  const auto& rules = detail::escalation_rules();
  const auto& targets = escalation_targets();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    add_escalation(grants.granted(targets[i]), grants, std::string(rules[i].message), factors);
  }
}

}  // namespace

std::string_view to_string(RiskKind kind) {
  static constexpr std::array<std::string_view, 5> k_names = {"full-admin", "not-action-allow",
                                                              "any-principal", "wildcard-subject",
                                                              "privilege-escalation"};
  return k_names.at(static_cast<std::size_t>(kind));
}

std::vector<RiskFactor> find_risk_factors(const PolicyDocument& document) {
  std::vector<RiskFactor> factors;
  for (const Statement& statement : document.statements) {
    find_statement_factors(statement, factors);
  }
  find_escalation_factors(document, factors);
  std::stable_sort(factors.begin(), factors.end(), [](const RiskFactor& a, const RiskFactor& b) {
    return a.kind != b.kind ? a.kind < b.kind : a.position < b.position;
  });
  return factors;
}

}  // namespace blastgraph::iam
