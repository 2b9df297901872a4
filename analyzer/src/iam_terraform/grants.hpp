#pragma once
// May a principal perform an action on a resource whose ARN is only partly known? The
// static counterpart of iam::evaluate for ARN patterns (`*` for account, region, unknowns):
//   allowed  when some Allow statement's Action matches and its Resource may match the
//            pattern (the two globs overlap), and the permission boundary, if any, may too;
//   denied   when iam::evaluate finds a Deny that definitely applies to the pattern
//            (its Resource covers every ARN the pattern stands for, no condition, no guess).
// A Deny holding a symbolic value is not definite: it must not hide a path it might leave
// open, exactly as a conditional Deny.

#include <string>
#include <vector>

#include "blastgraph/parsers/iam/catalogue.hpp"
#include "iam_terraform/principals.hpp"

namespace blastgraph::analyzer::iam_terraform {

// True when the statement's Resource/NotResource may match an ARN of `pattern`.
[[nodiscard]] bool resource_may_match(const iam::PatternList& resources,
                                      const std::string& pattern);

class GrantChecker {
 public:
  [[nodiscard]] bool may_allow(const PrincipalPolicies& principal, const std::string& action,
                               const std::string& arn_pattern);

  // The catalogue actions of `service` that `statement` allows and that act on a resource
  // type whose ARN template may be `arn_pattern` (or a path below it): with the ARN each is
  // checked against.
  [[nodiscard]] std::vector<std::pair<iam::ActionRef, std::string>> applicable_actions(
      const iam::Statement& statement, const std::string& service, const std::string& arn_pattern);

  // Whether `principal` may perform at least one of those actions on the resource: the same
  // answer as checking applicable_actions with may_allow, stopping at the first allowed.
  [[nodiscard]] bool allows_any(const PrincipalPolicies& principal, const iam::Statement& statement,
                                const std::string& service, const std::string& arn_pattern);

 private:
  // Calls `visit(action, arn)` for each applicable action in catalogue order until it
  // returns false; returns false when it was stopped.
  template <typename Visit>
  bool for_each_applicable(const iam::Statement& statement, const std::string& service,
                           const std::string& arn_pattern, Visit visit);
  const iam::PolicyDocument& definite(const TerraformPolicy& policy);
  // The catalogue actions of `service` a statement may allow, ascending: the expansion of its
  // Action patterns (each expanded once per checker), or every action of the service for
  // NotAction.
  const std::vector<iam::ActionRef>& candidate_actions(const iam::Statement& statement,
                                                       const std::string& service);
  std::map<const TerraformPolicy*, iam::PolicyDocument> m_definite;
  std::map<std::string, std::vector<iam::ActionRef>, std::less<>> m_expanded;  // by pattern
  // NOTE: `Action: "*"` expands to the whole catalogue; filtering it by service for every
  // resource a statement may act on made admin grants cost the catalogue's size per resource.
  std::map<std::pair<const iam::Statement*, std::string>, std::vector<iam::ActionRef>>
      m_candidates;  // by statement and service
};

}  // namespace blastgraph::analyzer::iam_terraform
