#include "iam_terraform/grants.hpp"

#include <algorithm>

#include "blastgraph/parsers/iam/evaluate.hpp"
#include "blastgraph/parsers/iam/wildcard.hpp"

namespace blastgraph::analyzer::iam_terraform {
namespace {

bool statement_may_allow(const iam::Statement& statement, const std::string& action,
                         const std::string& pattern) {
  return statement.effect == iam::Effect::allow && iam::actions_match(statement.actions, action) &&
         resource_may_match(statement.resources, pattern);
}

bool any_may_allow(const std::vector<const TerraformPolicy*>& policies, const std::string& action,
                   const std::string& pattern) {
  return std::any_of(policies.begin(), policies.end(), [&](const TerraformPolicy* policy) {
    const auto& statements = policy->document.statements;
    return std::any_of(statements.begin(), statements.end(), [&](const iam::Statement& s) {
      return statement_may_allow(s, action, pattern);
    });
  });
}

// "arn:${Partition}:s3:::${BucketName}/${ObjectName}" -> "arn:*:s3:::*/*".
std::string template_glob(std::string_view arn_template) {
  std::string out;
  for (std::size_t i = 0; i < arn_template.size(); ++i) {
    if (arn_template[i] == '$' && i + 1 < arn_template.size() && arn_template[i + 1] == '{') {
      const auto end = arn_template.find('}', i);
      out += '*';
      i = end == std::string_view::npos ? arn_template.size() : end;
    } else {
      out += arn_template[i];
    }
  }
  return out;
}

}  // namespace

bool resource_may_match(const iam::PatternList& resources, const std::string& pattern) {
  switch (resources.mode) {
    case iam::ListMode::absent:
      return true;
    case iam::ListMode::listed:
      return std::any_of(resources.patterns.begin(), resources.patterns.end(),
                         [&](const std::string& p) { return patterns_overlap(p, pattern); });
    case iam::ListMode::all_except:
      // Excluded only when a NotResource pattern covers every ARN the pattern stands for.
      return std::none_of(resources.patterns.begin(), resources.patterns.end(),
                          [&](const std::string& p) {
                            return iam::wildcard_match(p, pattern, iam::CaseSensitivity::sensitive);
                          });
  }
  return false;
}

const iam::PolicyDocument& GrantChecker::definite(const TerraformPolicy& policy) {
  auto it = m_definite.find(&policy);
  if (it != m_definite.end()) return it->second;
  iam::PolicyDocument document = policy.document;
  std::erase_if(document.statements, [&](const iam::Statement& s) {
    const auto* facts = policy.facts_of(s);
    return s.effect == iam::Effect::deny && facts != nullptr && facts->guessed;
  });
  return m_definite.emplace(&policy, std::move(document)).first->second;
}

bool GrantChecker::may_allow(const PrincipalPolicies& principal, const std::string& action,
                             const std::string& arn_pattern) {
  if (!any_may_allow(principal.grants, action, arn_pattern) &&
      !any_may_allow(principal.inherited, action, arn_pattern)) {
    return false;
  }
  if (!principal.boundaries.empty() && !any_may_allow(principal.boundaries, action, arn_pattern)) {
    return false;
  }
  iam::PolicySet set;
  for (const auto* policy : principal.grants) set.grants.push_back(&definite(*policy));
  for (const auto* policy : principal.inherited) set.grants.push_back(&definite(*policy));
  // Only the boundary's Denies matter here (its Allow was checked above as a pattern).
  if (!principal.boundaries.empty()) set.boundary = &definite(*principal.boundaries.front());
  const iam::Request request{action, arn_pattern, ""};
  return iam::evaluate(request, set) != iam::Decision::explicit_deny;
}

const std::vector<iam::ActionRef>& GrantChecker::candidate_actions(const iam::Statement& statement,
                                                                   const std::string& service) {
  auto [cached, added] = m_candidates.try_emplace({&statement, service});
  if (!added) return cached->second;
  const auto& catalogue = iam::action_catalogue();
  std::vector<iam::ActionRef>& out = cached->second;
  if (statement.actions.mode != iam::ListMode::listed) {
    out = catalogue.actions_of(service);
    return out;
  }
  for (const auto& pattern : statement.actions.patterns) {
    auto it = m_expanded.find(pattern);
    if (it == m_expanded.end()) it = m_expanded.emplace(pattern, catalogue.expand(pattern)).first;
    for (const auto& action : it->second) {
      if (action.service() == service) out.push_back(action);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

template <typename Visit>
bool GrantChecker::for_each_applicable(const iam::Statement& statement, const std::string& service,
                                       const std::string& arn_pattern, Visit visit) {
  const std::string below = arn_pattern + "/*";
  for (const auto& action : candidate_actions(statement, service)) {
    if (!iam::actions_match(statement.actions, action.qualified_name())) continue;
    for (const auto& type : action.resource_types()) {
      const auto glob = template_glob(type.arn_template);
      if (patterns_overlap(glob, arn_pattern)) {
        if (!visit(action, arn_pattern)) return false;
        break;
      }
      if (patterns_overlap(glob, below) && resource_may_match(statement.resources, below)) {
        if (!visit(action, below)) return false;
        break;
      }
    }
  }
  return true;
}

std::vector<std::pair<iam::ActionRef, std::string>> GrantChecker::applicable_actions(
    const iam::Statement& statement, const std::string& service, const std::string& arn_pattern) {
  std::vector<std::pair<iam::ActionRef, std::string>> out;
  for_each_applicable(statement, service, arn_pattern,
                      [&](const iam::ActionRef& action, const std::string& arn) {
                        out.emplace_back(action, arn);
                        return true;
                      });
  return out;
}

bool GrantChecker::allows_any(const PrincipalPolicies& principal, const iam::Statement& statement,
                              const std::string& service, const std::string& arn_pattern) {
  return !for_each_applicable(statement, service, arn_pattern,
                              [&](const iam::ActionRef& action, const std::string& arn) {
                                return !may_allow(principal, action.qualified_name(), arn);
                              });
}

}  // namespace blastgraph::analyzer::iam_terraform
