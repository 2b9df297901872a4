#include "iam_terraform/identity_scope.hpp"

#include "iam_terraform/resource_arns.hpp"

namespace blastgraph::analyzer::iam_terraform {

std::string_view root_of(std::string_view node) {
  const auto colon = node.find(':');
  return colon == std::string_view::npos ? node : node.substr(0, colon + 1);
}

bool in_reach(std::string_view from, bool guessed, std::string_view to, std::string_view identity) {
  if (root_of(from) == root_of(to)) return true;
  return !guessed && identity.find_first_of("*?") == std::string_view::npos;
}

bool may_name(std::string_view from, std::string_view pattern, bool guessed, std::string_view to,
              std::string_view identity) {
  return in_reach(from, guessed, to, identity) && patterns_overlap(pattern, identity);
}

}  // namespace blastgraph::analyzer::iam_terraform
