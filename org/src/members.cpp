#include "members.hpp"

#include <algorithm>

#include "blastgraph/org/organization.hpp"

namespace blastgraph::org {

std::string Member::id(std::string_view local_id) const {
  if (under_review || local_id.empty()) return std::string(local_id);
  return organization_id(name, local_id);
}

bool valid_repository_name(std::string_view name) {
  constexpr std::size_t k_longest = 200;
  if (name.empty() || name.size() > k_longest) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == '/';
  });
}

std::string organization_id(std::string_view repository, std::string_view id) {
  std::string out(repository);
  out += "::";
  out += id;
  return out;
}

}  // namespace blastgraph::org
