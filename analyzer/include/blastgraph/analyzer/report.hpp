#pragma once
// Rendering: reports as text for a person and as versioned JSON for machines. Pure functions
// of their input: the same input renders byte-identical output.

#include <cstddef>
#include <map>
#include <ostream>
#include <string>

#include "blastgraph/analyzer/score.hpp"
#include "blastgraph/analyzer/workspace.hpp"

namespace blastgraph::analyzer {

inline constexpr std::string_view k_report_schema = "blastgraph.report/v1";
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

[[nodiscard]] ScanSummary summarize(const Workspace& workspace);

void write_scan_text(const ScanSummary& summary, const Workspace& workspace, std::ostream& out);
void write_scan_json(const ScanSummary& summary, const Workspace& workspace, std::ostream& out);

void write_score_text(const ScoreReport& report, std::ostream& out);
void write_score_json(const ScoreReport& report, const Workspace& workspace, std::ostream& out);

}  // namespace blastgraph::analyzer
