#pragma once
// A change set: the graph nodes a change touches, each with what happens to it.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/graph/graph.hpp"

namespace blastgraph::analyzer {

// Ordered by how destructive the action is.
enum class ChangeAction { create, update, replace, destroy };

[[nodiscard]] std::string_view to_string(ChangeAction action);  // "delete" for destroy
[[nodiscard]] std::optional<ChangeAction> parse_change_action(std::string_view name);

struct ChangedNode {
  graph::NodeIndex node = graph::k_no_node;
  ChangeAction action = ChangeAction::update;
  auto operator<=>(const ChangedNode&) const = default;
};

struct ChangeSet {
  std::vector<ChangedNode> nodes;               // ascending by node, one entry per node
  std::vector<std::string> unmatched_patterns;  // patterns that selected nothing
};

// Selects nodes whose id equals a pattern or matches it as a glob (`*` any run of characters,
// `?` one character, `[...]` a class). Value and module nodes are selected only by an exact
// id, so `envs/prod:*` means the resources of prod. A node selected twice keeps the most
// destructive action.
[[nodiscard]] ChangeSet select_changes(const graph::Graph& graph,
                                       std::span<const std::string> patterns,
                                       ChangeAction action);

// True when `text` matches the glob `pattern` (same syntax as above).
[[nodiscard]] bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace blastgraph::analyzer
