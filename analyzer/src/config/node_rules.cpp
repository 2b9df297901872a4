// Service and criticality rules from the policy file, applied to nodes.
#include "config/node_rules.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "blastgraph/analyzer/change.hpp"
#include "config/glob_index.hpp"
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

const ServiceRule* service_rule_for_file(std::span<const ServiceRule> rules,
                                         std::string_view file) {
  for (const auto& rule : rules) {
    if (any_path_glob(rule.paths, file)) return &rule;
  }
  return nullptr;
}

namespace {

// One list of rules with every glob filed in a GlobIndex by what it is matched against, so
// that a node tries only the globs whose literals its id, file, type or application carry.
// The first rule (in file order) with a glob that matches wins, as in a plain scan.
class RuleIndex {
 public:
  enum Field { id, path, type, application, field_count };

  void add(std::size_t rule, Field field, const std::vector<std::string>& globs) {
    for (const auto& glob : globs) {
      m_globs[field].push_back(glob);
      m_rules[field].push_back(rule);
    }
  }

  void freeze() {
    for (std::size_t f = 0; f < field_count; ++f) m_index[f].emplace(m_globs[f]);
  }

  // The first rule that matches, or `none`.
  [[nodiscard]] std::size_t first_match(const graph::Node& node, std::size_t none) const {
    std::size_t best = none;
    const auto unscoped = k8s_link::unscoped_id(node.id);
    check(id, node.id, best, &glob_match);
    if (unscoped != node.id) check(id, unscoped, best, &glob_match);
    if (!node.span.file.empty()) check(path, node.span.file, best, &path_glob_match);
    check(type, node.type, best, &glob_match);
    if (!node.application.empty()) check(application, node.application, best, &glob_match);
    return best;
  }

 private:
  void check(Field field, std::string_view text, std::size_t& best,
             bool (*match)(std::string_view, std::string_view)) const {
    if (m_globs[field].empty()) return;
    for (const auto i : m_index[field]->candidates(text)) {
      if (m_rules[field][i] < best && match(m_globs[field][i], text)) best = m_rules[field][i];
    }
  }

  std::array<std::vector<std::string>, field_count> m_globs;
  std::array<std::vector<std::size_t>, field_count> m_rules;  // the rule of each glob
  std::array<std::optional<GlobIndex>, field_count> m_index;
};

}  // namespace

void apply_node_rules(graph::GraphBuilder& builder, std::span<const ServiceRule> services,
                      std::span<const CriticalityRule> criticality) {
  if (services.empty() && criticality.empty()) return;
  RuleIndex service_index;
  for (std::size_t i = 0; i < services.size(); ++i) {
    service_index.add(i, RuleIndex::id, services[i].ids);
    service_index.add(i, RuleIndex::path, services[i].paths);
  }
  service_index.freeze();
  RuleIndex criticality_index;
  for (std::size_t i = 0; i < criticality.size(); ++i) {
    criticality_index.add(i, RuleIndex::type, criticality[i].types);
    criticality_index.add(i, RuleIndex::id, criticality[i].ids);
    criticality_index.add(i, RuleIndex::application, criticality[i].applications);
  }
  criticality_index.freeze();
  builder.for_each_node([&](graph::Node& node) {
    if (const auto rule = service_index.first_match(node, services.size());
        rule < services.size()) {
      node.service = services[rule].service;
    }
    const auto rule = criticality_index.first_match(node, criticality.size());
    if (rule < criticality.size()) node.criticality = criticality[rule].criticality;
  });
}

}  // namespace blastgraph::analyzer::config
