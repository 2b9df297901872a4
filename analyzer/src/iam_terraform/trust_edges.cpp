// assume_role: a role's trust policy admits a principal, and that principal's own policies
// allow sts:AssumeRole on the role. The assumer depends on the role: a change to the role or
// its permissions reaches whoever assumes it.
#include <algorithm>
#include <cctype>
#include <optional>

#include "blastgraph/parsers/iam/catalogue.hpp"
#include "blastgraph/parsers/iam/evaluate.hpp"
#include "iam_terraform/edges.hpp"
#include "iam_terraform/identity_scope.hpp"

namespace blastgraph::analyzer::iam_terraform {
namespace {

bool is_account_id(const std::string& text) {
  return text.size() == 12 && std::all_of(text.begin(), text.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) != 0;
         });
}

bool bound_to(const StatementFacts* facts, const std::string& pattern,
              std::vector<std::string>& nodes,
              const std::map<std::string, PrincipalPolicies>& principals) {
  if (facts == nullptr) return false;
  bool found = false;
  for (const auto& [text, node] : facts->bound) {
    if (text == pattern && principals.contains(node)) {
      nodes.push_back(node);
      found = true;
    }
  }
  return found;
}

}  // namespace

Admitted admitted_principals(const iam::Statement& statement, const StatementFacts* facts,
                             const EdgeInputs& inputs, const std::string& holder) {
  const auto& principals = inputs.principals;
  const bool guessed = facts != nullptr && facts->guessed;
  Admitted out;
  const auto& element = statement.principals;
  if (element.mode != iam::ListMode::listed) return out;  // NotPrincipal: not modelled
  if (element.any) out.account_wide = true;
  for (const auto& pattern : element.aws) {
    if (bound_to(facts, pattern, out.nodes, principals)) continue;
    if (pattern == "*" || is_account_id(pattern) || pattern.ends_with(":root")) {
      out.account_wide = true;
      const bool literal = pattern.find('*') == std::string::npos;
      if (literal && pattern != "*") {
        out.external.push_back(is_account_id(pattern) ? "arn:aws:iam::" + pattern + ":root"
                                                      : pattern);
      }
      continue;
    }
    bool matched = false;
    for (const auto* node : inputs.names.candidates(pattern)) {
      const auto& principal = principals.at(*node);
      if (principal.type == "aws_iam_group") continue;
      if (may_name(holder, pattern, guessed, *node, principal.arn)) {
        out.nodes.push_back(*node);
        matched = true;
      }
    }
    if (!matched && pattern.find('*') == std::string::npos && pattern.starts_with("arn:")) {
      out.external.push_back(pattern);
    }
  }
  std::sort(out.nodes.begin(), out.nodes.end());
  out.nodes.erase(std::unique(out.nodes.begin(), out.nodes.end()), out.nodes.end());
  return out;
}

// The principals with an Allow statement whose actions include sts:AssumeRole, in node order:
// the only ones may_allow can let assume a role.
// NOTE: an account-wide trust (`arn:aws:iam::ACCOUNT:root`) admits every principal of the
// root; checking each against every such role was quadratic (12,000 roles trusting their
// account took 26 s), while few principals hold an sts:AssumeRole grant at all.
std::vector<std::string> may_assume_roles(
    const std::map<std::string, PrincipalPolicies>& principals) {
  const auto allows_assume = [](const std::vector<const TerraformPolicy*>& policies) {
    return std::any_of(policies.begin(), policies.end(), [](const TerraformPolicy* policy) {
      const auto& statements = policy->document.statements;
      return std::any_of(statements.begin(), statements.end(), [](const iam::Statement& s) {
        return s.effect == iam::Effect::allow && iam::actions_match(s.actions, "sts:AssumeRole");
      });
    });
  };
  std::vector<std::string> out;
  for (const auto& [node, principal] : principals) {
    if (allows_assume(principal.grants) || allows_assume(principal.inherited)) out.push_back(node);
  }
  return out;
}

// NOTE: service principals (ec2.amazonaws.com, lambda.amazonaws.com, ...) and federated
// ones get no node: the workloads that use the role are linked by runs_as (Lambda, ECS,
// instance profiles) or by the Kubernetes identity edges, which say which workload it is.
// An AWS account or role outside the tree becomes an `ext:arn:...` node that depends on the
// role: a cross-account consumer a change would otherwise not show.
void add_assume_role_edges(EdgeInputs& inputs, terraform_link::LinkContext& context) {
  GrantChecker checker;
  const std::vector<std::string> assumers = may_assume_roles(inputs.principals);
  for (const auto& [role_node, role] : inputs.principals) {
    if (role.arn.empty()) continue;
    for (const auto* trust : role.trusts) {
      for (const auto& statement : trust->document.statements) {
        if (statement.effect != iam::Effect::allow ||
            !iam::actions_match(statement.actions, "sts:AssumeRole")) {
          continue;
        }
        const graph::Evidence evidence{trust->file, statement.position.line, "assume_role_policy"};
        const auto admitted =
            admitted_principals(statement, trust->facts_of(statement), inputs, role_node);
        std::vector<std::string> candidates = admitted.nodes;
        // NOTE: an account (`*`, an id, `:root`) admits the principals of the role's own
        // Terraform root only: the account of another root is not known to be the same.
        if (admitted.account_wide) {
          for (const auto& node : assumers) {
            if (root_of(node) == root_of(role_node)) candidates.push_back(node);
          }
        }
        for (const auto& node : candidates) {
          const auto& assumer = inputs.principals.at(node);
          if (node == role_node || assumer.type == "aws_iam_group") continue;
          if (!checker.may_allow(assumer, "sts:AssumeRole", role.arn)) continue;
          context.builder.add_edge(node, role_node, graph::EdgeKind::assume_role, evidence);
        }
        for (const auto& external : admitted.external) {
          context.builder.add_external("ext:" + external, "aws_principal");
          context.builder.add_edge("ext:" + external, role_node, graph::EdgeKind::assume_role,
                                   evidence);
        }
      }
    }
  }
}

namespace {

int access_rank(iam::AccessLevel level) {
  switch (level) {
    case iam::AccessLevel::list:
      return 0;
    case iam::AccessLevel::read:
      return 1;
    case iam::AccessLevel::tagging:
      return 2;
    case iam::AccessLevel::write:
      return 3;
    case iam::AccessLevel::permissions_management:
      return 4;
  }
  return 4;
}

// The strongest access level of `actions` (patterns allowed), or "" when none is known.
std::string strongest_access(const std::vector<std::string>& actions) {
  const auto& catalogue = iam::action_catalogue();
  std::optional<iam::AccessLevel> strongest;
  for (const auto& action : actions) {
    for (const auto& ref : catalogue.expand(action)) {
      const auto level = ref.access_level();
      if (!strongest || access_rank(level) > access_rank(*strongest)) strongest = level;
    }
  }
  return strongest ? std::string(iam::to_string(*strongest)) : std::string();
}

}  // namespace

std::string action_summary(const std::vector<std::string>& actions) {
  std::string out = strongest_access(actions);
  if (!out.empty()) out += ": ";
  for (std::size_t i = 0; i < actions.size() && i < 3; ++i) out += (i > 0 ? ", " : "") + actions[i];
  if (actions.size() > 3) out += " +" + std::to_string(actions.size() - 3);
  return out;
}

}  // namespace blastgraph::analyzer::iam_terraform
