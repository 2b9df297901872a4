#include "blastgraph/analyzer/report.hpp"
#include "report/json_util.hpp"

namespace blastgraph::analyzer {

void write_scan_json(const ScanSummary& s, const Workspace& workspace, std::ostream& out) {
  json::Json doc;
  doc["schema"] = k_scan_schema;
  doc["root"] = workspace.root.generic_string();
  doc["nodes"] = s.nodes;
  doc["edges"] = s.edges;
  doc["resources"] = s.resources;
  doc["terraform_roots"] = s.terraform_roots;
  doc["nodes_by_domain"] = json::counts(s.nodes_by_domain);
  doc["resources_by_type"] = json::counts(s.resources_by_type);
  doc["resources_by_service"] = json::counts(s.resources_by_service);
  doc["edges_by_kind"] = json::counts(s.edges_by_kind);
  doc["coverage"] = json::coverage(s.coverage);
  doc["diagnostics"] = json::diagnostics(workspace.diagnostics);
  json::write(doc, out);
}

}  // namespace blastgraph::analyzer
