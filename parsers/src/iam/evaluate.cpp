#include "blastgraph/parsers/iam/evaluate.hpp"

#include <algorithm>
#include <array>

#include "iam/pattern_match.hpp"

namespace blastgraph::iam {
namespace {

bool any_pattern_matches(const std::vector<std::string>& patterns, std::string_view text,
                         CaseSensitivity sensitivity, detail::PatternSyntax syntax) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
    return detail::match_pattern(pattern, text, sensitivity, syntax);
  });
}

bool apply_mode(ListMode mode, bool listed) {
  return mode == ListMode::all_except ? !listed : listed;
}

bool is_account_id(std::string_view text) {
  return text.size() == 12 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The account of a principal given as an account id or an ARN; empty otherwise.
std::string_view account_of(std::string_view principal) {
  if (is_account_id(principal)) return principal;
  if (!principal.starts_with("arn:")) return {};
  std::size_t start = 0;
  for (int field = 0; field < 4; ++field) {
    start = principal.find(':', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  return principal.substr(start, principal.find(':', start) - start);
}

// "123456789012" and "arn:aws:iam::123456789012:root" both stand for the whole account.
bool aws_entry_matches(std::string_view entry, std::string_view principal) {
  if (entry == "*") return true;
  const bool whole_account =
      is_account_id(entry) || (entry.starts_with("arn:") && entry.ends_with(":root"));
  if (whole_account) {
    const std::string_view account = account_of(entry);
    return !account.empty() && account == account_of(principal);
  }
  return wildcard_match(entry, principal, CaseSensitivity::sensitive);
}

bool listed_principal(const Principals& principals, std::string_view principal) {
  if (principals.any) return true;
  const auto matches = [&](const std::vector<std::string>& entries) {
    return any_pattern_matches(entries, principal, CaseSensitivity::sensitive,
                               detail::PatternSyntax::glob);
  };
  return std::any_of(
             principals.aws.begin(), principals.aws.end(),
             [&](const std::string& entry) { return aws_entry_matches(entry, principal); }) ||
         matches(principals.service) || matches(principals.federated) ||
         matches(principals.canonical_user);
}

// Some statement of `document` with `effect` that applies at least as surely as `least`.
bool has_applying(const PolicyDocument& document, Effect effect, const Request& request,
                  Applies least) {
  return std::any_of(
      document.statements.begin(), document.statements.end(), [&](const Statement& statement) {
        return statement.effect == effect && statement_applies(statement, request) >= least;
      });
}

}  // namespace

std::string_view to_string(Decision decision) {
  static constexpr std::array<std::string_view, 3> k_names = {"allow", "explicit-deny",
                                                              "implicit-deny"};
  return k_names.at(static_cast<std::size_t>(decision));
}

bool actions_match(const PatternList& actions, std::string_view action) {
  if (actions.mode == ListMode::absent) return false;
  return apply_mode(actions.mode,
                    any_pattern_matches(actions.patterns, action, CaseSensitivity::insensitive,
                                        detail::PatternSyntax::glob));
}

bool resources_match(const PatternList& resources, std::string_view arn) {
  if (resources.mode == ListMode::absent) return true;
  return apply_mode(resources.mode,
                    any_pattern_matches(resources.patterns, arn, CaseSensitivity::sensitive,
                                        detail::PatternSyntax::policy_variables));
}

bool principals_match(const Principals& principals, std::string_view principal) {
  if (principals.mode == ListMode::absent) return true;
  return apply_mode(principals.mode, listed_principal(principals, principal));
}

Applies statement_applies(const Statement& statement, const Request& request) {
  if (!actions_match(statement.actions, request.action)) return Applies::no;
  if (!resources_match(statement.resources, request.resource)) return Applies::no;
  const bool names_principal = statement.principals.mode != ListMode::absent;
  if (names_principal && !request.principal.empty() &&
      !principals_match(statement.principals, request.principal)) {
    return Applies::no;
  }
  const bool unknown_principal = names_principal && request.principal.empty();
  return statement.conditions.empty() && !unknown_principal ? Applies::yes : Applies::maybe;
}

Decision evaluate(const Request& request, const PolicySet& policies) {
  std::vector<const PolicyDocument*> all = policies.grants;
  if (policies.boundary != nullptr) all.push_back(policies.boundary);
  all.insert(all.end(), policies.scps.begin(), policies.scps.end());
  // Only a Deny that surely applies is explicit; see the NOTE in the header.
  for (const PolicyDocument* document : all) {
    if (has_applying(*document, Effect::deny, request, Applies::yes))
      return Decision::explicit_deny;
  }
  const auto allows = [&](const PolicyDocument* document) {
    return has_applying(*document, Effect::allow, request, Applies::maybe);
  };
  if (!std::all_of(policies.scps.begin(), policies.scps.end(), allows)) {
    return Decision::implicit_deny;
  }
  if (policies.boundary != nullptr && !allows(policies.boundary)) return Decision::implicit_deny;
  return std::any_of(policies.grants.begin(), policies.grants.end(), allows)
             ? Decision::allow
             : Decision::implicit_deny;
}

std::vector<ActionRef> expand_actions(const PatternList& actions) {
  const ActionCatalogue& catalogue = action_catalogue();
  std::vector<ActionRef> expanded;
  if (actions.mode == ListMode::listed) {
    for (const std::string& pattern : actions.patterns) {
      const std::vector<ActionRef> found = catalogue.expand(pattern);
      expanded.insert(expanded.end(), found.begin(), found.end());
    }
    std::sort(expanded.begin(), expanded.end());
    expanded.erase(std::unique(expanded.begin(), expanded.end()), expanded.end());
  } else if (actions.mode == ListMode::all_except) {
    for (const ActionRef& action : catalogue.expand("*")) {
      if (actions_match(actions, action.qualified_name())) expanded.push_back(action);
    }
  }
  return expanded;
}

}  // namespace blastgraph::iam
