#pragma once
// Change sources: finding for oneself which nodes a change touches, from a unified diff, a
// Terraform plan JSON or a git revision range, and merging them (with `--changed` patterns)
// into one ChangeSet.
//
// Every source returns ChangeFindings keyed by node id, not by index: a source may add nodes
// and edges to the graph (a deleted node's base-graph dependents, a plan's references), and
// indices are only final once the graph is rebuilt with them. The order is therefore:
//   findings = diff_changes / plan_changes / git_changes (each against the loaded workspace)
//   extend_graph(workspace, findings)      // rebuilds the graph once with every extra
//   merge_changes(workspace.graph, findings, select_changes(...))
// No function here throws on bad input or prints: a malformed diff or plan becomes
// diagnostics (`file:line:col: severity: message [code]`) and whatever could be read is used.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/analyzer/change.hpp"
#include "blastgraph/analyzer/rules.hpp"
#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/core/result.hpp"
#include "blastgraph/graph/model.hpp"

namespace blastgraph::analyzer {

// One node a source found changed, by id.
struct FoundChange {
  std::string id;
  ChangeAction action = ChangeAction::update;
  ChangeSource source = ChangeSource::diff;
  std::string detail;  // may be empty
  std::string file;    // where it was found (the plan file); listed when the id is unknown
  bool governed_only = false;  // ChangedNode::governed_only
  bool opt_in = false;         // ChangedNode::opt_in
  bool default_changed = false;  // ChangedNode::default_changed
  bool network_arguments = false;  // ChangedNode::network_arguments
  GitOpsEffect gitops = GitOpsEffect::none;  // ChangedNode::gitops
};

// An edge to add to the graph before scoring; ignored when either end is unknown.
struct ExtraEdge {
  std::string source;  // the dependent
  std::string target;
  graph::EdgeKind kind = graph::EdgeKind::reference;
  graph::Evidence evidence;
};

struct ChangeFindings {
  std::vector<FoundChange> changes;
  std::vector<UnmappedChange> unmapped;
  std::vector<Diagnostic> diagnostics;   // file = the diff/plan name as given
  std::vector<graph::Node> extra_nodes;  // nodes the graph lacks (a deletion's base node)
  std::vector<ExtraEdge> extra_edges;
};

// ---- unified diff -------------------------------------------------------------------------

struct DiffOptions {
  // Where the scanned root lies relative to the directory the diff's paths are relative to
  // (for `git diff`, the repository top level), '/' separated, e.g. "fixtures/acme/". Files
  // outside it are listed as unmapped.
  std::string path_prefix;
};

// Maps the hunks of a unified diff (as `git diff` prints it) to the resource, value and module
// nodes whose source span they touch. New-side lines are matched against the workspace graph;
// a deleted line counts only when it lay strictly inside one node's span (best effort: the
// graph is the working tree's). A node whose whole span is added lines is a create, any other
// touched node an update. A deleted file's nodes are not in the working tree: the file is
// listed as unmapped (git_changes scores them with the base graph). Hunks that touch no node
// and files that are not infrastructure are listed as unmapped.
[[nodiscard]] ChangeFindings diff_changes(const Workspace& workspace, std::string_view diff_text,
                                          std::string_view diff_name,
                                          const DiffOptions& options = {});

// ---- Terraform plan JSON ------------------------------------------------------------------

// The Terraform root a plan belongs to when none is given: the workspace's only root, or an
// error naming the candidates.
[[nodiscard]] Result<std::string> default_plan_root(const Workspace& workspace);

// Reads `terraform show -json` output (format_version 1.x): resource_changes become changes
// of node `<root>:<address without instance keys>` (no-op and read are ignored; delete+create
// in either order is replace, with its action_reason; previous_address is reported as a move);
// addresses the graph lacks are listed as unmapped. The configuration's references become
// extra edges.
[[nodiscard]] ChangeFindings plan_changes(const Workspace& workspace, std::string_view plan_text,
                                          std::string_view plan_name, std::string_view root);

// ---- git ----------------------------------------------------------------------------------

struct GitComparison {
  ChangeFindings findings;
  // The workspace at HEAD when the range names one (`BASE..HEAD`); nullopt when HEAD is the
  // working tree, which is the workspace passed in.
  std::optional<Workspace> head;
};

// Compares the graph at `BASE` (or `BASE..HEAD`) with the working tree's (or HEAD's). Base
// files are read with `git archive` into a temporary directory, removed before returning; the
// user's checkout is never touched. Nodes are compared by id and by normalized content
// (Terraform: comments and whitespace folded; YAML/JSON: the parsed tree), so formatting- and
// comment-only edits are no change; a Terraform `moved` block and a policy file moved with the
// same content are renames, not delete + create. Deleted nodes, with their base-graph edges,
// are returned as extra nodes and edges so that a deletion reaches what depended on it.
// Changed files in which no node changed (application code, docs, Helm charts, Terraform
// settings blocks, comments; untracked files too when HEAD is the working tree) are listed as
// unmapped with their kind (UnmappedKind), as diff_changes does.
// Fails when `workspace.root` is not inside a git repository or a revision is unknown.
[[nodiscard]] Result<GitComparison> git_changes(const Workspace& workspace,
                                                std::string_view range,
                                                const LoadOptions& options = {});

// The scanned root relative to its git repository's top level ("" at the top, else ending in
// '/'), for DiffOptions::path_prefix; an error when it is not inside a repository.
[[nodiscard]] Result<std::string> git_path_prefix(const std::filesystem::path& root);

// ---- application code --------------------------------------------------------------------

// Maps the changed files a diff or git source listed as not infrastructure (application code,
// docs, binaries) to services through the policy file's ServiceRule::paths. A file whose
// first matching rule names service S becomes an `update` of every resource of S whose class
// is `compute` and that runs code (its workloads: Deployments, StatefulSets, DaemonSets,
// ReplicaSets, Jobs, CronJobs, Pods, Lambda functions, ECS services, instances; not the
// autoscalers and disruption budgets Kubernetes also classes as compute), found by the same
// source, with the detail
// "code change: <file>". When S has no such resource the file stays unmapped with the reason
// "service S has no workload"; a file no rule matches stays as it was (a README-only change
// still scores 0). Run it on each source's findings after extend_graph, before merge_changes.
[[nodiscard]] ChangeFindings map_code_changes(const graph::Graph& graph,
                                              std::span<const ServiceRule> rules,
                                              ChangeFindings findings);

// ---- merging ------------------------------------------------------------------------------

// Rebuilds `workspace.graph` with every source's extra nodes (existing ids win) and extra
// edges (skipped when an edge between the two nodes exists already); appends their
// diagnostics to `workspace.diagnostics` (kept sorted). Returns how many edges were added.
std::size_t extend_graph(Workspace& workspace, std::span<const ChangeFindings> findings);

// Resolves findings against `graph` and merges them into `selected` (from select_changes):
// a node found twice keeps the most destructive action and every source; an id the graph
// lacks becomes an unmapped entry.
[[nodiscard]] ChangeSet merge_changes(const graph::Graph& graph,
                                      std::span<const ChangeFindings> findings,
                                      ChangeSet selected = {});

}  // namespace blastgraph::analyzer
