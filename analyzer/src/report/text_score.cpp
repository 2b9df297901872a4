#include <iomanip>

#include "blastgraph/analyzer/report.hpp"
#include "report/text_util.hpp"

namespace blastgraph::analyzer {
namespace {

void write_header(const ScoreReport& r, std::ostream& out) {
  out << "blast radius " << r.score << "/100  tier " << to_string(r.tier);
  out << "  (score tier " << to_string(r.score_tier);
  if (!r.floor.reason.empty()) out << "; floor " << to_string(r.floor.tier) << ": " << r.floor.reason;
  out << ")\n";
  out << "approvals: ";
  if (r.approvals.empty()) out << "none";
  for (std::size_t i = 0; i < r.approvals.size(); ++i) out << (i ? ", " : "") << r.approvals[i];
  out << '\n';
}

void write_changed(const ScoreReport& r, std::ostream& out) {
  out << "\nchanged (" << r.changed.size() << ")\n";
  for (const auto& c : r.changed) {
    out << "  " << std::left << std::setw(8) << to_string(c.action) << c.id;
    if (!c.file.empty()) out << "  (" << c.file << ':' << c.line << ')';
    if (!c.sources.empty() && c.sources != std::vector<std::string>{"changed"}) {
      out << "  [";
      for (std::size_t i = 0; i < c.sources.size(); ++i) out << (i ? "," : "") << c.sources[i];
      out << ']';
    }
    if (!c.detail.empty()) out << "  " << c.detail;
    out << '\n';
  }
  for (const auto& p : r.unmatched_patterns) out << "  no node matches " << p << '\n';
}

void write_risks(const ScoreReport& r, std::ostream& out) {
  if (r.risks.empty()) return;
  out << "\nrisk factors in the changed policies (" << r.risks.size() << ")\n";
  for (const auto& risk : r.risks) {
    out << "  " << risk.kind << "  " << risk.file << ':' << risk.position.line << ':'
        << risk.position.column << "  " << risk.message << '\n';
  }
}

void write_unmapped(const ScoreReport& r, std::ostream& out) {
  if (r.unmapped.empty()) return;
  out << "\nunmapped (" << r.unmapped.size() << ")\n";
  for (const auto& u : r.unmapped) {
    out << "  " << std::left << std::setw(8) << to_string(u.source);
    if (!u.subject.empty()) out << u.subject << (u.file.empty() ? "" : "  (") ;
    out << u.file;
    if (u.first_line > 0) out << ':' << u.first_line;
    if (u.last_line > u.first_line) out << '-' << u.last_line;
    if (!u.subject.empty() && !u.file.empty()) out << ')';
    out << "  " << u.reason << '\n';
  }
}

void write_factors(const ScoreReport& r, std::ostream& out) {
  out << "\nfactors\n";
  for (const auto& f : r.factors) {
    out << "  " << std::left << std::setw(18) << f.name << std::right << std::setw(4) << f.points
        << " / " << std::setw(2) << f.max_points << "   " << f.detail << '\n';
  }
}

void write_services(const ScoreReport& r, std::ostream& out) {
  out << "\nservices reached (" << r.services.size() << ")\n";
  for (const auto& s : r.services) {
    out << "  " << s.service << "  (" << s.resources << " resource" << (s.resources == 1 ? "" : "s")
        << ", " << s.distance << " hop" << (s.distance == 1 ? "" : "s") << ")\n";
    for (std::size_t i = 0; i < s.path.size(); ++i) {
      out << "      " << (i == 0 ? "   " : "-> ") << s.path[i];
      if (i < s.edges.size()) out << "  [" << s.edges[i] << "]";
      out << '\n';
    }
  }
}

}  // namespace

void write_score_text(const ScoreReport& r, std::ostream& out) {
  write_header(r, out);
  write_changed(r, out);
  write_unmapped(r, out);
  write_risks(r, out);
  write_factors(r, out);
  write_services(r, out);
  text::write_counts(out, "resources reached by type", r.resources_by_type);
  text::write_coverage(out, r.coverage);
  if (r.diagnostics > 0) {
    out << "\n" << r.diagnostics << " diagnostic(s); run `blastgraph scan` to list them\n";
  }
}

}  // namespace blastgraph::analyzer
