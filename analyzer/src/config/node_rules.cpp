// Service and criticality rules from the policy file, applied to nodes.
#include "config/node_rules.hpp"

#include <algorithm>

#include "blastgraph/analyzer/change.hpp"
#include "kubernetes/ids.hpp"

namespace blastgraph::analyzer::config {
namespace {

bool any_glob(const std::vector<std::string>& globs, std::string_view text) {
  return std::any_of(globs.begin(), globs.end(),
                     [&](const std::string& glob) { return glob_match(glob, text); });
}

// A node id, or a Kubernetes object's id without its application scope: a rule written
// `k8s:shop/*` holds in every application.
bool any_id_glob(const std::vector<std::string>& globs, const std::string& id) {
  return any_glob(globs, id) || any_glob(globs, k8s_link::unscoped_id(id));
}

// An application glob never matches a node that is part of none.
bool any_name_glob(const std::vector<std::string>& globs, std::string_view name) {
  return !name.empty() && any_glob(globs, name);
}

bool any_path_glob(const std::vector<std::string>& globs, std::string_view path) {
  return !path.empty() && std::any_of(globs.begin(), globs.end(), [&](const std::string& glob) {
           return path_glob_match(glob, path);
         });
}

}  // namespace

bool rule_matches(const ServiceRule& rule, const graph::Node& node) {
  return any_id_glob(rule.ids, node.id) || any_path_glob(rule.paths, node.span.file);
}

bool rule_matches(const CriticalityRule& rule, const graph::Node& node) {
  return any_glob(rule.types, node.type) || any_id_glob(rule.ids, node.id) ||
         any_name_glob(rule.applications, node.application);
}

const ServiceRule* service_rule_for_file(std::span<const ServiceRule> rules, std::string_view file) {
  for (const auto& rule : rules) {
    if (any_path_glob(rule.paths, file)) return &rule;
  }
  return nullptr;
}

void apply_node_rules(graph::GraphBuilder& builder, std::span<const ServiceRule> services,
                      std::span<const CriticalityRule> criticality) {
  if (services.empty() && criticality.empty()) return;
  builder.for_each_node([&](graph::Node& node) {
    for (const auto& rule : services) {
      if (!rule_matches(rule, node)) continue;
      node.service = rule.service;
      break;
    }
    for (const auto& rule : criticality) {
      if (!rule_matches(rule, node)) continue;
      node.criticality = rule.criticality;
      break;
    }
  });
}

}  // namespace blastgraph::analyzer::config
