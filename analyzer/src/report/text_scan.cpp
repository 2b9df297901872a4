#include <iomanip>

#include "blastgraph/analyzer/report.hpp"
#include "report/text_util.hpp"

namespace blastgraph::analyzer {

void write_scan_text(const ScanSummary& s, const Workspace& workspace, std::ostream& out) {
  const auto services = s.resources_by_service.size() - s.resources_by_service.count("(none)");
  out << "scanned " << workspace.root.generic_string() << ": " << s.nodes << " nodes, " << s.edges
      << " edges, " << s.resources << " resources in " << services << " services\n";
  out << "\nterraform roots\n";
  for (const auto& root : s.terraform_roots) out << "  " << root << '\n';
  text::write_counts(out, "nodes by domain", s.nodes_by_domain);
  text::write_counts(out, "resources by type", s.resources_by_type);
  text::write_counts(out, "resources by service", s.resources_by_service);
  text::write_counts(out, "edges by kind", s.edges_by_kind);
  text::write_coverage(out, s.coverage);
  text::write_diagnostics(out, workspace.diagnostics);
}

}  // namespace blastgraph::analyzer
