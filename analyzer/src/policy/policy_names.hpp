#pragma once
// Names the policy renderers share, so text and JSON spell every element the same way.

#include <string>
#include <string_view>

#include "blastgraph/parsers/iam.hpp"

namespace blastgraph::analyzer::policy {

// The element a statement wrote: "Action" / "NotAction", "Resource" / "NotResource",
// "Principal" / "NotPrincipal"; empty when absent.
[[nodiscard]] std::string_view action_element(iam::ListMode mode);
[[nodiscard]] std::string_view resource_element(iam::ListMode mode);
[[nodiscard]] std::string_view principal_element(iam::ListMode mode);

[[nodiscard]] std::string_view to_string(iam::Effect effect);             // "Allow", "Deny"
[[nodiscard]] std::string_view to_string(iam::PrincipalType type);        // "role"; "" for none
[[nodiscard]] std::string_view to_string(iam::SetOperator set_operator);  // "ForAnyValue"; ""

// "line:col".
[[nodiscard]] std::string format_position(SourcePosition position);

}  // namespace blastgraph::analyzer::policy
