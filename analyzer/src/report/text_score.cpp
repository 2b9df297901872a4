#include <iomanip>

#include "blastgraph/analyzer/report.hpp"
#include "report/render_util.hpp"
#include "report/text_util.hpp"

namespace blastgraph::analyzer {
namespace {

// ANSI SGR sequences; empty strings when colour is off, so the layout is the same either way.
class Palette {
 public:
  explicit Palette(bool colour) : m_colour(colour) {}
  [[nodiscard]] std::string paint(std::string_view text, std::string_view sgr) const {
    if (!m_colour) return std::string(text);
    return "\x1b[" + std::string(sgr) + "m" + std::string(text) + "\x1b[0m";
  }
  [[nodiscard]] std::string heading(std::string_view text) const { return paint(text, "1"); }
  [[nodiscard]] std::string tier(Tier tier) const {
    static constexpr std::string_view k_sgr[] = {"32", "33", "31", "1;31"};
    return paint(to_string(tier), k_sgr[static_cast<int>(tier)]);
  }
  [[nodiscard]] std::string verdict(Verdict verdict) const {
    return paint(to_string(verdict), verdict == Verdict::deny ? "1;31" : "32");
  }

 private:
  bool m_colour;
};

void write_header(const ScoreReport& r, const Palette& p, std::ostream& out) {
  out << p.heading("blast radius " + std::to_string(r.score) + "/100") << "  tier "
      << p.tier(r.tier);
  out << "  (score tier " << to_string(r.score_tier);
  if (!r.floor.reason.empty())
    out << "; floor " << to_string(r.floor.tier) << ": " << r.floor.reason;
  out << ")\n";
  out << "verdict " << p.verdict(r.verdict) << "  (policy " << r.policy_version
      << ", change source " << r.change_source << ")\n";
  out << "approvals: ";
  if (r.approvals.empty()) out << "none";
  for (std::size_t i = 0; i < r.approvals.size(); ++i) out << (i ? ", " : "") << r.approvals[i];
  out << '\n';
  for (const auto& note : r.notes) out << "note: " << note << '\n';
}

void write_violations(const ScoreReport& r, const Palette& p, std::ostream& out) {
  if (r.violations.empty()) return;
  out << '\n'
      << p.heading("scope violations (" + std::to_string(r.violations.size()) + ")") << '\n';
  for (const auto& v : r.violations) {
    out << "  " << v.rule;
    if (!v.file.empty())
      out << "  (" << v.file << ':' << v.position.line << ':' << v.position.column << ')';
    out << "  " << v.message << '\n';
    for (const auto& id : v.resources) out << "      " << id << '\n';
  }
}

void write_changed(const ScoreReport& r, const Palette& p, std::ostream& out) {
  out << '\n' << p.heading("changed (" + std::to_string(r.changed.size()) + ")") << '\n';
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
  for (const auto& pattern : r.unmatched_patterns) out << "  no node matches " << pattern << '\n';
}

void write_risks(const ScoreReport& r, const Palette& p, std::ostream& out) {
  if (r.risks.empty()) return;
  out << '\n'
      << p.heading("risk factors in the changed policies (" + std::to_string(r.risks.size()) + ")")
      << '\n';
  for (const auto& risk : r.risks) {
    out << "  " << risk.kind << "  " << risk.file << ':' << risk.position.line << ':'
        << risk.position.column << "  " << risk.message << '\n';
  }
}

void write_unmapped(const ScoreReport& r, const Palette& p, std::ostream& out) {
  if (r.unmapped.empty()) return;
  out << '\n' << p.heading("unmapped (" + std::to_string(r.unmapped.size()) + ")") << '\n';
  for (const auto& u : r.unmapped) {
    out << "  " << std::left << std::setw(8) << to_string(u.source);
    if (!u.subject.empty()) out << u.subject << (u.file.empty() ? "" : "  (");
    out << u.file;
    if (u.first_line > 0) out << ':' << u.first_line;
    if (u.last_line > u.first_line) out << '-' << u.last_line;
    if (!u.subject.empty() && !u.file.empty()) out << ')';
    out << "  " << to_string(u.kind) << ": " << u.reason << '\n';
  }
}

// One line per factor: name, points of max, the measure, what the measure is.
void write_factors(const ScoreReport& r, const Palette& p, std::ostream& out) {
  out << '\n' << p.heading("factors") << '\n';
  out << "  " << std::left << std::setw(18) << "" << std::right << std::setw(9) << "points"
      << std::setw(10) << "measure"
      << "   what is measured\n";
  for (const auto& f : r.factors) {
    out << "  " << std::left << std::setw(18) << f.name << std::right << std::setw(4) << f.points
        << " / " << std::setw(2) << f.max_points << std::setw(10)
        << render::format_measure(f.measure) << "   " << f.detail << '\n';
  }
}

void write_services(const ScoreReport& r, const Palette& p, std::ostream& out) {
  out << '\n' << p.heading("services reached (" + std::to_string(r.services.size()) + ")") << '\n';
  for (const auto& s : r.services) {
    out << "  " << s.service;
    if (!s.application.empty()) out << "  [part of " << s.application << "]";
    out << "  (" << s.resources << " resource" << (s.resources == 1 ? "" : "s")
        << ", " << s.distance << " hop" << (s.distance == 1 ? "" : "s") << ")\n";
    for (std::size_t i = 0; i < s.path.size(); ++i) {
      out << "      " << (i == 0 ? "   " : "-> ") << s.path[i];
      if (i < s.edges.size()) out << "  [" << s.edges[i] << "]";
      out << '\n';
    }
  }
}

// How a hop matched, for a reader: "by ARN", "by name (an account unknown)", ...
std::string match_text(graph::MatchKind kind) {
  switch (kind) {
    case graph::MatchKind::arn: return "by ARN";
    case graph::MatchKind::name: return "by name, an account unknown";
    case graph::MatchKind::lookup: return "by lookup";
    case graph::MatchKind::remote_state: return "by remote state";
    case graph::MatchKind::pattern: return "by a grant's pattern";
  }
  return "by ARN";
}

void write_repositories(const ScoreReport& r, const Palette& p, std::ostream& out) {
  if (r.repositories.empty()) return;
  out << '\n'
      << p.heading("repositories reached (" + std::to_string(r.repositories.size()) + ")") << '\n';
  for (const auto& repository : r.repositories) {
    out << "  " << repository.repository << "  ("
        << (repository.under_review ? "under review, " : "")
        << repository.services << " service" << (repository.services == 1 ? "" : "s") << ", "
        << repository.resources << " resource" << (repository.resources == 1 ? "" : "s") << ")\n";
  }
  const auto& needs = r.organization_needs;
  out << "  needs between repositories: " << needs.needs << ", " << needs.unmatched
      << " offered by none, " << needs.symbolic << " not statically known (matched nothing)\n";
  out << '\n'
      << p.heading("hops between repositories (" + std::to_string(r.repository_hops.size()) + ")")
      << '\n';
  for (const auto& hop : r.repository_hops) {
    const auto& link = hop.link;
    out << "  " << link.source << "\n      -> " << link.target << "  ["
        << graph::to_string(link.edge)
        << ", " << match_text(link.match) << ": " << link.value << "]\n"
        << "      written at " << link.evidence.file.str() << ':' << link.evidence.line << " ("
        << link.evidence.attribute.str() << "), declared at " << hop.target_file << ':'
        << hop.target_line << '\n';
  }
}

}  // namespace

void write_score_text(const ScoreReport& r, std::ostream& out, const TextOptions& options) {
  const Palette palette(options.colour);
  write_header(r, palette, out);
  write_violations(r, palette, out);
  write_changed(r, palette, out);
  write_unmapped(r, palette, out);
  write_risks(r, palette, out);
  write_factors(r, palette, out);
  write_services(r, palette, out);
  write_repositories(r, palette, out);
  text::write_counts(out, "resources reached by type", r.resources_by_type);
  text::write_coverage(out, r.coverage);
  if (r.diagnostics > 0) {
    out << "\n" << r.diagnostics << " diagnostic(s); run `blastgraph scan` to list them\n";
  }
}

}  // namespace blastgraph::analyzer
