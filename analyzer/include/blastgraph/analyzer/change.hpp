#pragma once
// A change set: the graph nodes a change touches, each with what happens to it.

#include <compare>
#include <cstdint>
#include <map>
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

// What a change to a GitOps object (Argo CD Application, Flux HelmRelease, ...) does to what
// it deploys, weakest first (change/gitops_changes.hpp).
enum class GitOpsEffect : std::uint8_t { none, values, sync, source };

[[nodiscard]] std::string_view to_string(GitOpsEffect effect);  // "none", "values", ...

// Where a change was found: `--changed`, a unified diff, a Terraform plan, a git range.
enum class ChangeSource : std::uint8_t { changed, diff, plan, git };

[[nodiscard]] std::string_view to_string(ChangeSource source);

struct ChangedNode {
  graph::NodeIndex node = graph::k_no_node;
  ChangeAction action = ChangeAction::update;
  std::vector<ChangeSource> sources;  // ascending, no duplicates
  std::string detail;                 // e.g. "moved from <id>", "replace: <reason>"; may be empty
  // Its own configuration is unchanged: a Terraform setting that governs it changed (a
  // provider or version constraint, a provider block). Class floors do not apply to it; the
  // terraform_settings floor does.
  bool governed_only = false;
  // Nothing changes for a caller that keeps its module's defaults (change/terraform_updates.hpp). In a
  // published module no class floor applies to it.
  bool opt_in = false;
  // A variable whose default changed: in a published module, the published_default floor.
  bool default_changed = false;
  // Its network arguments changed (security groups, subnets, public addresses: a launch
  // template's or an instance's, whatever the resource's own class): the network floor.
  bool network_arguments = false;
  // A GitOps object's source, sync policy or values changed (or it was deleted): the
  // gitops_source and gitops_values floors.
  GitOpsEffect gitops = GitOpsEffect::none;
  auto operator<=>(const ChangedNode&) const = default;
};

// What a changed file that maps to no node is, and so what it does to the score: only
// `unassessable` (infrastructure blastgraph cannot read, such as an unrendered Helm chart)
// raises the tier, through the policy's `could_not_assess` floor; the other kinds are listed
// and score nothing.
enum class UnmappedKind : std::uint8_t {
  other,         // a hunk between blocks, a plan address, a file of no known kind
  documentation, // README, CHANGELOG, docs/, images
  ci,            // CI and repository configuration (.github/, .pre-commit-config.yaml, ...)
  application,   // application code and its build files
  tooling,       // scripts and makefiles
  no_effect,     // comments, formatting, descriptions: read, and equal in effect
  not_deployed,  // examples and tests
  unassessable,  // infrastructure that cannot be assessed statically
};

// "other", "documentation", "ci", "application", "tooling", "no-effect", "not-deployed",
// "unassessable".
[[nodiscard]] std::string_view to_string(UnmappedKind kind);

// Something a change source saw but could not attribute to a node: a diff hunk between
// blocks, a file that is not infrastructure, a plan address the graph does not have. Listed
// in every report so that nothing changed is invisible.
struct UnmappedChange {
  ChangeSource source = ChangeSource::diff;
  std::string file;              // diff: the changed file; plan: the plan file
  std::uint32_t first_line = 0;  // 0 when the whole file (or no place) is meant
  std::uint32_t last_line = 0;
  std::string subject;           // plan: the address; git: the node id; else empty
  std::string reason;            // why it could not be mapped
  UnmappedKind kind = UnmappedKind::other;
  GitOpsEffect gitops = GitOpsEffect::none;  // unassessable: a chart rendering GitOps objects
  auto operator<=>(const UnmappedChange&) const = default;
};

struct ChangeSet {
  std::vector<ChangedNode> nodes;               // ascending by node, one entry per node
  std::vector<std::string> unmatched_patterns;  // patterns that selected nothing
  // For an unmatched glob that matches only variables, locals, outputs or module calls
  // (which a glob never selects): those ids, ascending, so the user can name one exactly.
  std::map<std::string, std::vector<std::string>> unmatched_values;
  std::vector<UnmappedChange> unmapped;         // sorted, no duplicates
};

// Selects nodes whose id equals a pattern or matches it as a glob (`*` any run of characters,
// `?` one character, `[...]` a class). Value and module nodes are selected only by an exact
// id, so `envs/prod:*` means the resources of prod. A node selected twice keeps the most
// destructive action. A pattern that selects nothing is listed in `unmatched_patterns` (and,
// when it is a glob matching only value or module nodes, in `unmatched_values`).
[[nodiscard]] ChangeSet select_changes(const graph::Graph& graph,
                                       std::span<const std::string> patterns,
                                       ChangeAction action);

// True when `text` matches the glob `pattern` (same syntax as above).
[[nodiscard]] bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace blastgraph::analyzer
