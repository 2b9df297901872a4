#pragma once
// A workspace is one scanned directory tree turned into one dependency graph, with everything
// that could not be read or resolved recorded as diagnostics and coverage counts.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/analyzer/rules.hpp"
#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/core/file_io.hpp"
#include "blastgraph/core/result.hpp"
#include "blastgraph/graph/graph.hpp"
#include "blastgraph/graph/interface.hpp"

namespace blastgraph::analyzer {

struct LoadOptions {
  std::size_t max_file_bytes = k_default_max_file_bytes;  // larger files are skipped + reported
  std::size_t max_files = 100'000;                         // a larger tree is cut + reported
  std::size_t max_module_depth = 32;                       // nested module calls
  std::vector<ServiceRule> service_rules;                  // from the policy file, first wins
  std::vector<CriticalityRule> criticality_rules;          // from the policy file, first wins
  // Rendered Helm output (a file or a directory of files, relative to the scanned root) and
  // the namespace its release is installed into: objects without a namespace go there.
  std::vector<std::pair<std::string, std::string>> release_namespaces;
  // The namespace of manifests applied with `kubectl apply -n NS` (or `-k`): objects without
  // one go there, and one that names another is reported (kubectl refuses it). Empty: as
  // written, `default` for objects without one. GitOps applications and releases keep theirs.
  std::string default_namespace;
  ServiceLabels service_labels;  // which labels name services and applications
  // The AWS account each Terraform root (by its directory) deploys to, from the policy file:
  // what the ARNs its resources are offered under hold, before anything the tree says.
  std::map<std::string, std::string> root_accounts;
};

enum class ReadProblem {
  unparsed,  // skipped whole or in part (too large, unreadable, a Helm template, lost YAML)
  errors,    // read, with an error diagnostic (syntax, a duplicate declaration, a bad policy)
};

[[nodiscard]] std::string_view to_string(ReadProblem problem);  // "unparsed", "errors"

// A file that could not be fully read, with what its unread part could touch. A change
// touching one of these raises the tier (the `unread_files` floor); the others are only
// listed (README "Coverage").
struct UnreadFile {
  std::string file;  // relative to the scanned root
  ReadProblem problem = ReadProblem::unparsed;
  // Terraform roots whose changes it could touch: every root whose configuration holds its
  // directory (as the root itself or a local module it calls), and every root that reads one
  // of those roots' state (`terraform_remote_state` whose config statically names it).
  // Sorted; empty for other files.
  std::vector<std::string> terraform_roots;
  // Kubernetes: the directory of the kustomization that deploys it (a changed object in a
  // file at or below it is applied with it), "" when none does; and the namespaces of the
  // objects that could be read from it, sorted.
  std::string kustomization;
  std::vector<std::string> namespaces;
  auto operator<=>(const UnreadFile&) const = default;
};

// A module call whose remote source is not in the graph (an `ext:module:` node stands for it),
// and why it was not expanded.
struct UnexpandedModule {
  std::string call;    // the call's node id: "envs/prod:module.vpc"
  std::string source;  // as written, with "@<version>" when one is given
  std::string file;    // where the call is written
  std::uint32_t line = 0;
  std::string reason;  // "no .terraform/modules/modules.json in envs/prod: run `terraform init`"
  auto operator<=>(const UnexpandedModule&) const = default;
};

// What the tool could and could not read. Part of every report: what was not read may raise
// the tier, it never silently shrinks the radius.
struct Coverage {
  std::size_t files_scanned = 0;          // infrastructure files found
  std::size_t files_unparsed = 0;         // skipped whole or in part
  std::size_t files_with_errors = 0;      // read, with an error diagnostic (any stage)
  std::vector<UnreadFile> unread_files;   // the files of the two counts above, by file
  std::size_t unresolved_references = 0;  // references to something not declared
  // Policy values static evaluation could not know (each has a `tf-symbolic-value` note at
  // its place): matched as a glob, left out, or their statement not read; and Kubernetes
  // references to a placeholder (`k8s-symbolic-reference`), which reach nothing.
  std::size_t symbolic_values = 0;
  std::size_t external_modules = 0;       // remote module sources kept as external nodes
  std::vector<UnexpandedModule> unexpanded_modules;  // each such call, by call id
  // Resources of a type blastgraph has no rules for (custom Kubernetes kinds, Terraform types
  // of unknown providers): linked only by explicit references, by type with their count.
  std::map<std::string, std::size_t> unsupported_types;
};

// A risky grant in a policy document the workspace holds: a standalone file, or a policy
// written inline in Terraform (heredoc or string). See README "Risk factors".
struct PolicyRisk {
  std::string node;  // the policy's node: `iam:<path>` or a Terraform resource
  std::string kind;  // "full-admin", "not-action-allow", "any-principal", "wildcard-subject",
                     // "privilege-escalation"
  std::string message;
  std::string file;
  SourcePosition position;  // of the statement that raises it
  auto operator<=>(const PolicyRisk&) const = default;
};

// The repositories a workspace joins (org/organization.hpp): empty for one repository.
struct Organization {
  std::vector<std::string> repositories;       // [0] the repository under review, then by name
  std::vector<std::uint32_t> node_repository;  // by node index: a position in repositories
  std::vector<graph::RepositoryLink> links;    // the edges between repositories, sorted
  std::size_t needs = 0;            // of every repository
  std::size_t unmatched_needs = 0;  // statically known, but no repository offers them
  // a part not statically known, or a grant's pattern too broad to link: matched nothing
  std::size_t symbolic_needs = 0;
  [[nodiscard]] bool joined() const { return !repositories.empty(); }
};

struct Workspace {
  std::filesystem::path root;               // as given
  // Its name in an organization: `--repo NAME`, otherwise the scanned folder's name.
  std::string repository;
  std::vector<std::string> terraform_roots; // relative dirs, "." for the scanned root itself
  // The roots that say where they deploy (a backend, cloud or provider block), sorted; the
  // others are modules deployed only by calling them (score/deployment.hpp).
  std::vector<std::string> configured_roots;
  graph::Graph graph;
  std::vector<Diagnostic> diagnostics;      // sorted (sort_diagnostics)
  Coverage coverage;
  std::vector<PolicyRisk> policy_risks;     // sorted, one entry per node and factor
  // Files besides a node's own declaration whose edit changes it (the kustomizations that
  // render it, the patches applied to it, its generator's sources), as (file, node id), sorted.
  std::vector<std::pair<std::string, std::string>> shaped_by;
  // Directories of the Helm charts in the tree (a Chart.yaml beside them), sorted: their
  // templates and values deploy what blastgraph cannot read until `helm template` renders it.
  std::vector<std::string> helm_charts;
  // The charts among those whose templates render GitOps objects (Argo CD or Flux): an
  // app-of-apps. A change to their values or templates may repoint what those deploy.
  std::vector<std::string> gitops_charts;
  // What the tree offers other repositories and needs from them (README "Organization").
  graph::RepositoryInterface interface;
  Organization organization;
};

// Scans `root` (a directory) and builds its graph. Bad input becomes diagnostics; an error is
// returned only when `root` itself cannot be read. Uses oneTBB's current parallelism; the
// result is identical whatever the thread count.
[[nodiscard]] Result<Workspace> load_workspace(const std::filesystem::path& root,
                                               const LoadOptions& options = {});

}  // namespace blastgraph::analyzer
