#include <fnmatch.h>

#include <algorithm>
#include <array>
#include <map>

#include "blastgraph/analyzer/change.hpp"
#include "kubernetes/ids.hpp"

namespace blastgraph::analyzer {
namespace {

constexpr std::array<std::string_view, 4> k_action_names{"create", "update", "replace", "delete"};
constexpr std::array<std::string_view, 4> k_source_names{"changed", "diff", "plan", "git"};
constexpr std::array<std::string_view, 8> k_unmapped_kinds{
    "other",     "documentation", "ci",           "application",
    "tooling",   "no-effect",     "not-deployed", "unassessable"};

bool is_glob(std::string_view pattern) {
  return pattern.find_first_of("*?[") != std::string_view::npos;
}

}  // namespace

std::string_view to_string(ChangeAction action) {
  return k_action_names[static_cast<std::size_t>(action)];
}

std::string_view to_string(ChangeSource source) {
  return k_source_names[static_cast<std::size_t>(source)];
}

std::string_view to_string(GitOpsEffect effect) {
  constexpr std::array<std::string_view, 4> k_names{"none", "values", "sync", "source"};
  return k_names[static_cast<std::size_t>(effect)];
}

std::string_view to_string(UnmappedKind kind) {
  return k_unmapped_kinds[static_cast<std::size_t>(kind)];
}

std::optional<ChangeAction> parse_change_action(std::string_view name) {
  for (std::size_t i = 0; i < k_action_names.size(); ++i) {
    if (k_action_names[i] == name) return static_cast<ChangeAction>(i);
  }
  if (name == "destroy") return ChangeAction::destroy;
  return std::nullopt;
}

bool glob_match(std::string_view pattern, std::string_view text) {
  // fnmatch without FNM_PATHNAME: '*' also crosses '/', ':' and '.', which ids are full of.
  return ::fnmatch(std::string(pattern).c_str(), std::string(text).c_str(), 0) == 0;
}

ChangeSet select_changes(const graph::Graph& graph, std::span<const std::string> patterns,
                         ChangeAction action) {
  std::map<graph::NodeIndex, ChangeAction> selected;
  auto select = [&](graph::NodeIndex node) {
    auto [it, inserted] = selected.emplace(node, action);
    if (!inserted) it->second = std::max(it->second, action);
  };
  ChangeSet changes;
  for (const auto& pattern : patterns) {
    bool matched = false;
    // Values and module calls a glob matches but does not select: when they are all it
    // matches, the user most likely meant one of them and must be told their exact ids.
    std::vector<std::string> skipped;
    if (auto exact = graph.find(pattern); exact != graph::k_no_node) {
      select(exact);
      matched = true;
    } else {
      // A glob, or a Kubernetes id without its application scope: the object in every
      // application that declares it.
      const bool glob = is_glob(pattern);
      const auto nodes = graph.nodes();
      for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto& node = nodes[i];
        const auto unscoped = k8s_link::unscoped_id(node.id);
        const bool hit = glob ? glob_match(pattern, node.id) || glob_match(pattern, unscoped)
                              : unscoped == pattern && unscoped != node.id;
        if (!hit) continue;
        if (node.role != graph::Role::resource && node.role != graph::Role::external) {
          skipped.push_back(node.id);
          continue;
        }
        select(static_cast<graph::NodeIndex>(i));
        matched = true;
      }
    }
    if (matched) continue;
    changes.unmatched_patterns.push_back(pattern);
    if (!skipped.empty()) {
      std::sort(skipped.begin(), skipped.end());
      changes.unmatched_values[pattern] = std::move(skipped);
    }
  }
  for (const auto& [node, node_action] : selected) {
    changes.nodes.push_back({node, node_action, {ChangeSource::changed}, {}});
  }
  return changes;
}

}  // namespace blastgraph::analyzer
