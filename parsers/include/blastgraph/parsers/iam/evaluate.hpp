#pragma once
// Policy evaluation as AWS does it, for a static tool: pure functions over parsed documents.
//
// - Action names match case-insensitively, resource ARNs and principals case-sensitively;
//   `*` and `?` are wildcards and `*` may span ':' and '/' (iam/wildcard.hpp).
// - NotAction / NotResource / NotPrincipal match everything except what they list.
// - An absent Resource matches any resource (trust policies: the role itself) and an absent
//   Principal any principal (identity policies: the principal they are attached to).
// - Policy variables (`${aws:username}`) in resources are unknown before the request is made:
//   each matches like `*`. `${*}`, `${?}` and `${$}` stand for the literal characters.
//
// NOTE: conditions are kept but never evaluated. A statement with conditions *may* apply, so
// an Allow with conditions counts as an allow (reachability must not miss a path the
// condition could open) and a Deny with conditions is not a definite deny (it must not hide
// a path the condition could leave open). The same holds for a Principal element when the
// request names no principal.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/parsers/iam.hpp"
#include "blastgraph/parsers/iam/catalogue.hpp"

namespace blastgraph::iam {

struct Request {
  std::string action;     // "s3:GetObject"
  std::string resource;   // "arn:aws:s3:::bucket/key"; empty matches only "*"-like patterns
  std::string principal;  // requester ARN, account id or service; empty when unknown
};

enum class Applies : std::uint8_t { no, maybe, yes };

enum class Decision : std::uint8_t { allow, explicit_deny, implicit_deny };

[[nodiscard]] std::string_view to_string(Decision decision);

// Action/NotAction semantics; an absent list matches nothing.
[[nodiscard]] bool actions_match(const PatternList& actions, std::string_view action);
// Resource/NotResource semantics; an absent list matches everything.
[[nodiscard]] bool resources_match(const PatternList& resources, std::string_view arn);
// Principal/NotPrincipal semantics. An AWS entry that is an account id or
// `arn:<partition>:iam::<account>:root` admits every principal of that account.
[[nodiscard]] bool principals_match(const Principals& principals, std::string_view principal);

// `yes` when action, resource and principal match and there are no conditions; `maybe` when
// they match but conditions (or an unknown principal) decide; `no` otherwise.
[[nodiscard]] Applies statement_applies(const Statement& statement, const Request& request);

// The policies that bear on one request. Pointers are borrowed for the call.
struct PolicySet {
  std::vector<const PolicyDocument*> grants;  // identity and resource policies
  const PolicyDocument* boundary = nullptr;   // the principal's permission boundary, if any
  std::vector<const PolicyDocument*> scps;    // one per level of the organization, if any
};

// explicit_deny when a Deny in any of the policies definitely applies; else allow when some
// grant allows AND the boundary (if present) allows AND every SCP allows; else
// implicit_deny. Boundaries and SCPs only limit: they never grant on their own.
[[nodiscard]] Decision evaluate(const Request& request, const PolicySet& policies);

// The catalogue actions a statement's Action/NotAction covers (NotAction: every catalogue
// action it does not list). Unknown actions are not invented. In catalogue order.
[[nodiscard]] std::vector<ActionRef> expand_actions(const PatternList& actions);

}  // namespace blastgraph::iam
