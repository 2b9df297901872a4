#pragma once
// Links each member's needs to the offers of the other members, by exact identity: an ARN
// (weaker, "by name", where one side does not know the account), a data source's arguments,
// a remote state's backend settings; an IAM grant's pattern links the offers it matches. A need
// with a part not statically known matches nothing.

#include <cstddef>
#include <vector>

#include "members.hpp"

namespace blastgraph::org {

struct Matches {
  std::vector<graph::RepositoryLink> links;  // sorted, ids as the organization graph has them
  std::size_t needs = 0;
  std::size_t unmatched = 0;  // statically known needs no other member offers
  // a part not statically known, or a grant's pattern matching more offers than it links
  std::size_t symbolic = 0;
};

[[nodiscard]] Matches match_needs(const std::vector<Member>& members);

}  // namespace blastgraph::org
