#pragma once
// The rules behind find_risk_factors: which actions escalate privilege, and what a document
// grants for the purpose of flagging them.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/parsers/iam.hpp"

namespace blastgraph::iam::detail {

struct EscalationRule {
  std::string_view pattern;  // expanded against the catalogue: "iam:Attach*Policy"
  std::string_view message;
};

[[nodiscard]] std::span<const EscalationRule> escalation_rules();

// Actions that start compute running under a role passed with iam:PassRole.
[[nodiscard]] std::span<const std::string_view> compute_creation_actions();

// An absent Resource, or one that lists "*".
[[nodiscard]] bool covers_every_resource(const PatternList& resources);

// What a document allows, conditions or not, minus what an unconditional Deny on every
// resource takes back. Borrows the document.
class Grants {
 public:
  explicit Grants(const PolicyDocument& document) : m_document(document) {}

  [[nodiscard]] bool grants(std::string_view action) const;
  // The members of `actions` granted, in their order.
  [[nodiscard]] std::vector<std::string> granted(std::span<const std::string_view> actions) const;
  [[nodiscard]] std::vector<std::string> granted(const std::vector<std::string>& actions) const;
  // The first Allow statement that covers one of `actions`. Precondition: there is one.
  [[nodiscard]] const Statement* first_granting(const std::vector<std::string>& actions) const;

 private:
  const PolicyDocument& m_document;
};

// Why a federated trust statement admits unintended subjects (a `:sub` condition with a
// wildcard, or an OIDC web-identity trust with no `:sub` condition); nullopt when it does not.
[[nodiscard]] std::optional<std::string> wildcard_subject_problem(const Statement& statement);

}  // namespace blastgraph::iam::detail
