#pragma once
// The policy file, `.blastgraph.yaml` at the scanned root or given with --config: how an
// organization maps files and ids to services, classes its resources, weighs the score, sets
// tier thresholds, floors and approvals, and limits what each change source may touch.
// Everything is optional: with no file the defaults below apply. README "Policy file" lists
// every key.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/analyzer/change.hpp"
#include "blastgraph/analyzer/rules.hpp"
#include "blastgraph/analyzer/score.hpp"
#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/core/result.hpp"

namespace blastgraph::analyzer {

inline constexpr std::string_view k_config_file_name = ".blastgraph.yaml";

// `kubernetes:`: how manifests are applied and which labels name services.
struct KubernetesSettings {
  std::string default_namespace;  // `namespace:`, as `kubectl apply -n` (LoadOptions)
  ServiceLabels labels;           // `service_labels`, `component_labels`, `application_labels`
};

struct Config {
  std::string file;                  // the file read, as given; empty for the defaults
  std::string version = "default";   // the file's `version:`, quoted in reports
  std::vector<ServiceRule> services;
  std::vector<CriticalityRule> criticality;
  ScorePolicy score;                 // weights, thresholds, floors, approvals
  std::vector<ScopeRule> scope;
  KubernetesSettings kubernetes;
  // `accounts:` the AWS account each Terraform root (by its directory) deploys to.
  std::map<std::string, std::string> accounts;
};

// A config and what was wrong with it. Diagnostics (codes `config-*`) carry the file and the
// line:column of the offending key or value; an entry with an error is dropped, the rest of
// the file still applies.
struct LoadedConfig {
  Config config;
  std::vector<Diagnostic> diagnostics;
  [[nodiscard]] bool has_errors() const;
};

// Parses policy-file text; `file` names it in diagnostics and in Config::file.
[[nodiscard]] LoadedConfig parse_config(std::string_view text, std::string_view file);

// Reads `file`; an error only when it cannot be read at all.
[[nodiscard]] Result<LoadedConfig> load_config(const std::filesystem::path& file);

// The policy file of a scanned tree: `<root>/.blastgraph.yaml` when it exists, else the
// defaults (no diagnostics).
[[nodiscard]] Result<LoadedConfig> find_config(const std::filesystem::path& root);

// What the policy file says about loading a tree: its service and criticality rules, the
// Kubernetes namespace and label orders. The other LoadOptions keep their defaults.
[[nodiscard]] LoadOptions load_options(const Config& config);

// The scope rules that apply to `change_source` and the changed nodes each one matches; empty
// when the change is allowed. Sorted by rule position.
[[nodiscard]] std::vector<RuleViolation> check_scope(const Config& config,
                                                     const graph::Graph& graph,
                                                     const ChangeSet& changes,
                                                     std::string_view change_source);

// The gate's fields of a score report: sets `report.change_source`, `policy_version`
// (Config::version), `violations` (check_scope) and `verdict` (deny when any rule is
// violated, else allow). For gate tools that link the library; the CLI calls it too.
void apply_gate(const Config& config, const graph::Graph& graph, const ChangeSet& changes,
                std::string_view change_source, ScoreReport& report);

}  // namespace blastgraph::analyzer
