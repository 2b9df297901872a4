#pragma once
// Applying the policy file's service and criticality rules to graph nodes.

#include <span>

#include "blastgraph/analyzer/rules.hpp"
#include "blastgraph/graph/graph.hpp"

namespace blastgraph::analyzer::config {

// True when the rule's `ids` match the node's id or its `paths` match the node's file.
[[nodiscard]] bool rule_matches(const ServiceRule& rule, const graph::Node& node);
// True when the rule's `types` match the node's type or its `ids` the node's id.
[[nodiscard]] bool rule_matches(const CriticalityRule& rule, const graph::Node& node);
// The first rule whose `paths` match `file`, or nullptr.
[[nodiscard]] const ServiceRule* service_rule_for_file(std::span<const ServiceRule> rules,
                                                       std::string_view file);

// NOTE: called once every domain's nodes and edges are in, before build(): the rules then
// override what labels, tags and directories assigned (DESIGN.md "Service"), and nothing
// later reads a node's service or class while linking. The first matching rule of each list
// wins; a node no rule matches keeps what it had.
void apply_node_rules(graph::GraphBuilder& builder, std::span<const ServiceRule> services,
                      std::span<const CriticalityRule> criticality);

}  // namespace blastgraph::analyzer::config
