#pragma once
// A repository's interface as the JSON text the `repositories.interface` column holds.

#include <string>

#include "blastgraph/core/result.hpp"
#include "blastgraph/graph/interface.hpp"

namespace blastgraph::store {

[[nodiscard]] std::string interface_to_json(const graph::RepositoryInterface& interface);

// An error when `text` is not an interface this blastgraph writes.
[[nodiscard]] Result<graph::RepositoryInterface> interface_from_json(const std::string& text);

}  // namespace blastgraph::store
