#pragma once
// The repositories being joined, and how each names its ids in the organization graph.

#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/graph/interface.hpp"

namespace blastgraph::org {

struct Member {
  std::string name;
  const graph::RepositoryInterface* interface = nullptr;
  bool under_review = false;  // keeps its own ids and files

  // `id` (a node id, or a file path) as the organization graph names it.
  [[nodiscard]] std::string id(std::string_view local_id) const;
};

}  // namespace blastgraph::org
