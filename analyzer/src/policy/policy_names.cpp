#include "policy/policy_names.hpp"

namespace blastgraph::analyzer::policy {
namespace {

std::string_view element(iam::ListMode mode, std::string_view listed, std::string_view except) {
  switch (mode) {
    case iam::ListMode::listed:
      return listed;
    case iam::ListMode::all_except:
      return except;
    case iam::ListMode::absent:
      break;
  }
  return {};
}

}  // namespace

std::string_view action_element(iam::ListMode mode) {
  return element(mode, "Action", "NotAction");
}

std::string_view resource_element(iam::ListMode mode) {
  return element(mode, "Resource", "NotResource");
}

std::string_view principal_element(iam::ListMode mode) {
  return element(mode, "Principal", "NotPrincipal");
}

std::string_view to_string(iam::Effect effect) {
  return effect == iam::Effect::allow ? "Allow" : "Deny";
}

std::string_view to_string(iam::PrincipalType type) {
  switch (type) {
    case iam::PrincipalType::user:
      return "user";
    case iam::PrincipalType::group:
      return "group";
    case iam::PrincipalType::role:
      return "role";
    case iam::PrincipalType::none:
      break;
  }
  return {};
}

std::string_view to_string(iam::SetOperator set_operator) {
  switch (set_operator) {
    case iam::SetOperator::for_any_value:
      return "ForAnyValue";
    case iam::SetOperator::for_all_values:
      return "ForAllValues";
    case iam::SetOperator::none:
      break;
  }
  return {};
}

std::string format_position(SourcePosition position) {
  return std::to_string(position.line) + ':' + std::to_string(position.column);
}

}  // namespace blastgraph::analyzer::policy
