#pragma once
// Rendering: reports as text for a person, versioned JSON for machines, and the gate's outputs
// (Markdown PR comment, GitHub step outputs, SARIF, the [AI-GOVERNANCE] commit block). Pure
// functions of their input: the same input renders byte-identical output. None of them reads
// the environment or decides anything about terminals; the CLI does (README "Outputs").

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/analyzer/score.hpp"
#include "blastgraph/analyzer/workspace.hpp"

namespace blastgraph::analyzer {

inline constexpr std::string_view k_report_schema = "blastgraph.report/v2";
inline constexpr std::string_view k_scan_schema = "blastgraph.scan/v1";

// What `blastgraph scan` prints: counts by domain and type, services, diagnostics.
struct ScanSummary {
  std::size_t nodes = 0;
  std::size_t edges = 0;
  std::size_t resources = 0;
  std::map<std::string, std::size_t> nodes_by_domain;
  std::map<std::string, std::size_t> resources_by_type;
  std::map<std::string, std::size_t> edges_by_kind;
  std::map<std::string, std::size_t> resources_by_service;
  std::vector<std::string> terraform_roots;
  Coverage coverage;
};

// Counts the workspace's graph, roots and coverage.
[[nodiscard]] ScanSummary summarize(const Workspace& workspace);

// The scan summary for a person, with every diagnostic.
void write_scan_text(const ScanSummary& summary, const Workspace& workspace, std::ostream& out);
// The scan summary as JSON, schema k_scan_schema (schemas/scan.v1.schema.json).
void write_scan_json(const ScanSummary& summary, const Workspace& workspace, std::ostream& out);

// How the text report looks. Colour is the caller's decision (a TTY, NO_COLOR unset).
struct TextOptions {
  bool colour = false;  // ANSI SGR codes on headings, tier and verdict
};

// The score report for a person at a terminal: headline (score, tier, verdict), approvals,
// scope violations, changed nodes, unmapped changes, risk factors, each factor with its
// measure and points, every reached service with one shortest path, resources by type and
// coverage (unsupported types included). With `colour` false the output is plain ASCII
// apart from what the ids themselves hold.
void write_score_text(const ScoreReport& report, std::ostream& out,
                      const TextOptions& options = {});

// The score report as JSON, schema k_report_schema (schemas/report.v2.schema.json). `workspace`
// supplies the root and the diagnostics.
void write_score_json(const ScoreReport& report, const Workspace& workspace, std::ostream& out);

// The Markdown PR comment always fits GitHub's comment limit (65,536) with room to spare.
inline constexpr std::size_t k_markdown_max_chars = 60'000;
inline constexpr std::string_view k_markdown_marker = "<!-- blastgraph-report -->";

struct MarkdownOptions {
  // Upper bound on the characters (bytes) written. Long lists are cut in the middle with a
  // "… N more not shown …" note until the report fits; as a last resort the text is cut.
  std::size_t max_chars = k_markdown_max_chars;
};

// The score report as a pull-request comment (GitHub-flavoured Markdown). The first line is
// k_markdown_marker, so a bot can find and update its own comment. Ids are written as code
// spans, free text is escaped (Markdown punctuation and HTML), so nothing in an input file
// can inject markup.
void write_score_markdown(const ScoreReport& report, std::ostream& out,
                          const MarkdownOptions& options = {});

// GitHub Actions step outputs: `tier`, `blast_radius`, `services`, `resources`, `verdict`,
// one `name=value` line each (the format of the file $GITHUB_OUTPUT names). The caller opens
// that file for appending.
void write_github_outputs(const ScoreReport& report, std::ostream& outputs);

// Both GitHub Actions files: the step outputs to `outputs` and the Markdown report to
// `summary` ($GITHUB_STEP_SUMMARY). The caller opens both for appending.
void write_score_github(const ScoreReport& report, std::ostream& outputs, std::ostream& summary);

inline constexpr std::string_view k_sarif_schema_uri =
    "https://json.schemastore.org/sarif-2.1.0.json";

struct SarifOptions {
  std::string tool_version;  // tool.driver.version; empty: the version blastgraph was built as
};

// The score report as SARIF 2.1.0: one run of tool `blastgraph`, every rule (changed-resource,
// scope-violation, one per policy risk kind), one result per changed resource at its file and
// line with `level` by tier (LOW note, MEDIUM warning, HIGH and CRITICAL error), one per scope
// violation (error) and one per risk factor (warning). Locations are relative to the scanned
// directory. The run's properties carry score, tier, verdict, policy version, change source.
void write_score_sarif(const ScoreReport& report, std::ostream& out,
                       const SarifOptions& options = {});

// The [AI-GOVERNANCE] ... [/AI-GOVERNANCE] block for a commit message (README "Outputs"):
// change_source, risk_tier, blast_radius, verdict, policy_version, violations,
// changed_resources, services_reached, required_approvals. What a gate fills in later
// (approver, approval time) is left out. Lists longer than 50 are cut in the middle with a
// note; values are kept on one line.
void write_score_governance(const ScoreReport& report, std::ostream& out);

// The version blastgraph was built as (the CMake project version), e.g. "0.1.0".
[[nodiscard]] std::string_view tool_version();

}  // namespace blastgraph::analyzer
