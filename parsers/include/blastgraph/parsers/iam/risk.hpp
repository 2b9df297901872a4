#pragma once
// Risk factors of one policy document: patterns a reviewer must look at before attaching it.
// Escalation actions are matched against the catalogue, so `iam:*` or `iam:Attach*` count
// as granting iam:AttachRolePolicy.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/source_span.hpp"
#include "blastgraph/parsers/iam.hpp"

namespace blastgraph::iam {

enum class RiskKind : std::uint8_t {
  full_admin,            // Allow Action "*" on Resource "*"
  not_action_allow,      // Allow with NotAction: grants everything else, future actions too
  any_principal,         // Principal "*" or AWS "*" in an Allow
  wildcard_subject,      // federated trust whose `:sub` is a wildcard or not constrained
  privilege_escalation,  // an action that lets the holder grant itself more
};

// Stable kebab-case names: "full-admin", "not-action-allow", "any-principal",
// "wildcard-subject", "privilege-escalation".
[[nodiscard]] std::string_view to_string(RiskKind kind);

struct RiskFactor {
  RiskKind kind = RiskKind::full_admin;
  std::string message;               // one line for reports
  std::vector<std::string> actions;  // privilege_escalation: the granted actions involved
  std::string sid;                   // of the statement that raises it (the first one)
  SourcePosition position;           // of that statement

  auto operator<=>(const RiskFactor&) const = default;
};

// Factors in the order of the enum, then by position. An action counts as granted when an
// Allow statement covers it (conditions or not) and no unconditional Deny on every resource
// takes it away.
[[nodiscard]] std::vector<RiskFactor> find_risk_factors(const PolicyDocument& document);

}  // namespace blastgraph::iam
