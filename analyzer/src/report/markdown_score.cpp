// The score report as a pull-request comment. README "Outputs" describes the layout.
#include <array>
#include <iterator>
#include <map>
#include <sstream>

#include "blastgraph/analyzer/report.hpp"
#include "report/markdown_util.hpp"
#include "report/render_util.hpp"

namespace blastgraph::analyzer {
namespace {

using markdown::code;
using markdown::Context;
using markdown::escape_text;

// No single id or message may take over the comment.
constexpr std::size_t k_max_text = 1'000;

std::string tier_badge(Tier tier) {
  static constexpr std::array<std::string_view, 4> k_badges = {"\U0001F7E2", "\U0001F7E1",
                                                               "\U0001F7E0", "\U0001F534"};
  return std::string(k_badges[static_cast<std::size_t>(tier)]) + " " + std::string(to_string(tier));
}

std::string id_code(std::string_view id, Context context = Context::table_cell) {
  return code(markdown::clip(id, k_max_text), context);
}

std::string text(std::string_view value, Context context = Context::table_cell) {
  return escape_text(markdown::clip(value, k_max_text), context);
}

std::string location(std::string_view file, std::uint32_t line) {
  if (file.empty()) return {};
  return id_code(line > 0 ? std::string(file) + ":" + std::to_string(line) : std::string(file));
}

// Renders the report with every list cut to at most `limit` entries (0: all of them).
class MarkdownWriter {
 public:
  MarkdownWriter(const ScoreReport& report, std::size_t limit) : m_r(report), m_limit(limit) {}

  std::string render() {
    m_out << k_markdown_marker << '\n';
    write_headline();
    write_violations();
    write_changed();
    write_services();
    write_repositories();
    write_factors();
    write_resources_by_type();
    write_unmapped();
    write_risks();
    write_coverage();
    write_footer();
    return m_out.str();
  }

 private:
  // Calls row(i) for the entries shown and writes the note where the rest were cut.
  template <typename Row>
  void rows(std::size_t count, std::string_view note_prefix, std::string_view note_suffix,
            Row row) {
    const auto window = render::middle_window(count, m_limit);
    for (std::size_t i = 0; i < count; ++i) {
      if (window.hidden > 0 && i == window.head) {
        m_out << note_prefix << render::more_not_shown(window.hidden) << note_suffix << '\n';
      }
      if (window.shows(i, count)) row(i);
    }
  }

  void write_headline() {
    m_out << "## " << tier_badge(m_r.tier) << " \u00b7 blast radius " << m_r.score << "/100\n\n";
    m_out << "- **Verdict:** " << (m_r.verdict == Verdict::deny ? "\u26d4 deny" : "\u2705 allow")
          << " (policy " << id_code(m_r.policy_version, Context::inline_text) << ", change source "
          << id_code(m_r.change_source, Context::inline_text) << ")\n";
    m_out << "- **Required approvals:** ";
    if (m_r.approvals.empty()) m_out << "none";
    for (std::size_t i = 0; i < m_r.approvals.size(); ++i) {
      m_out << (i ? ", " : "") << text(m_r.approvals[i], Context::inline_text);
    }
    m_out << "\n- **Tier:** " << to_string(m_r.tier) << " (score tier "
          << to_string(m_r.score_tier);
    if (!m_r.floor.reason.empty()) {
      m_out << "; floor " << to_string(m_r.floor.tier) << ": "
            << text(m_r.floor.reason, Context::inline_text);
    }
    m_out << ")\n- **Reach:** " << render::group_digits(m_r.services.size()) << " service"
          << (m_r.services.size() == 1 ? "" : "s") << ", "
          << render::group_digits(m_r.resources_reached) << " resource"
          << (m_r.resources_reached == 1 ? "" : "s") << " beyond the "
          << render::group_digits(m_r.changed.size()) << " changed";
    if (!m_r.repositories.empty()) {
      m_out << ", in " << render::group_digits(m_r.repositories.size()) << " repositor"
            << (m_r.repositories.size() == 1 ? "y" : "ies");
    }
    m_out << '\n';
    for (const auto& note : m_r.notes) {
      m_out << "- **Note:** " << text(note, Context::inline_text) << '\n';
    }
  }

  void write_violations() {
    if (m_r.violations.empty()) return;
    m_out << "\n### \u26d4 Scope violations (" << render::group_digits(m_r.violations.size())
          << ")\n\n";
    rows(m_r.violations.size(), "- ", "", [&](std::size_t i) {
      const auto& v = m_r.violations[i];
      m_out << "- **" << text(v.rule, Context::inline_text) << "**";
      if (!v.file.empty()) {
        m_out << " ("
              << id_code(v.file + ":" + std::to_string(v.position.line), Context::inline_text)
              << ")";
      }
      m_out << ": " << text(v.message, Context::inline_text) << '\n';
      rows(v.resources.size(), "  - ", "", [&](std::size_t j) {
        m_out << "  - " << id_code(v.resources[j], Context::inline_text) << '\n';
      });
    });
  }

  void write_changed() {
    m_out << "\n### Changed resources (" << render::group_digits(m_r.changed.size()) << ")\n\n";
    if (!m_r.changed.empty()) {
      m_out << "| Resource | Action | Location | Notes |\n| --- | --- | --- | --- |\n";
      rows(m_r.changed.size(), "| ", " | | | |", [&](std::size_t i) {
        const auto& c = m_r.changed[i];
        std::string notes;
        if (!c.sources.empty() && c.sources != std::vector<std::string>{"changed"}) {
          notes = "found by ";
          for (std::size_t k = 0; k < c.sources.size(); ++k)
            notes += (k ? ", " : "") + c.sources[k];
        }
        if (!c.detail.empty()) notes += (notes.empty() ? "" : "; ") + c.detail;
        m_out << "| " << id_code(c.id) << " | " << to_string(c.action) << " | "
              << location(c.file, c.line) << " | " << text(notes) << " |\n";
      });
    }
    if (!m_r.unmatched_patterns.empty()) m_out << '\n';
    rows(m_r.unmatched_patterns.size(), "- ", "", [&](std::size_t i) {
      m_out << "- no node matches " << id_code(m_r.unmatched_patterns[i], Context::inline_text)
            << '\n';
    });
  }

  std::string path_cell(const ServiceImpact& s) {
    std::string cell;
    const auto window = render::middle_window(s.path.size(), m_limit);
    for (std::size_t i = 0; i < s.path.size(); ++i) {
      if (window.hidden > 0 && i == window.head)
        cell += " \u2192 " + render::more_not_shown(window.hidden);
      if (!window.shows(i, s.path.size())) continue;
      if (!cell.empty()) cell += " \u2192 ";
      cell += id_code(s.path[i]);
      if (i < s.edges.size()) cell += " (" + text(s.edges[i]) + ")";
    }
    return cell;
  }

  void write_services() {
    const auto count = m_r.services.size();
    m_out << "\n### Services reached (" << render::group_digits(count) << ")\n\n";
    if (count == 0) return;
    m_out
        << "<details>\n<summary>" << render::group_digits(count) << " service"
        << (count == 1 ? "" : "s")
        << ", one shortest path each (A \u2192 B: A depends on B; the change is last)</summary>\n\n"
        << "| Service | Resources | Hops | Path |\n| --- | ---: | ---: | --- |\n";
    rows(count, "| ", " | | | |", [&](std::size_t i) {
      const auto& s = m_r.services[i];
      m_out << "| " << text(s.service.empty() ? "(none)" : s.service)
            << (s.application.empty() ? "" : " (part of " + text(s.application) + ")") << " | "
            << s.resources
            << " | " << s.distance << " | " << path_cell(s) << " |\n";
    });
    m_out << "\n</details>\n";
  }

  // With --org: each repository reached, then each hop between two of them with both places.
  void write_repositories() {
    const auto count = m_r.repositories.size();
    if (count == 0) return;
    m_out << "\n### Repositories reached (" << render::group_digits(count) << ")\n\n"
          << "| Repository | Services | Resources |\n| --- | ---: | ---: |\n";
    rows(count, "| ", " | | |", [&](std::size_t i) {
      const auto& repository = m_r.repositories[i];
      m_out << "| " << id_code(repository.repository)
            << (repository.under_review ? " (under review)" : "") << " | " << repository.services
            << " | " << repository.resources << " |\n";
    });
    const auto& needs = m_r.organization_needs;
    m_out << "\nNeeds between repositories: " << render::group_digits(needs.needs) << ", "
          << render::group_digits(needs.unmatched) << " offered by none, "
          << render::group_digits(needs.symbolic)
          << " not statically known (matched nothing).\n";
    const auto hops = m_r.repository_hops.size();
    m_out << "\n<details>\n<summary>" << render::group_digits(hops) << " hop"
          << (hops == 1 ? "" : "s")
          << " between repositories (A \u2192 B: A depends on B)</summary>\n\n"
          << "| From | To | Matched | Written at | Declared at |\n"
          << "| --- | --- | --- | --- | --- |\n";
    rows(hops, "| ", " | | | | |", [&](std::size_t i) {
      const auto& hop = m_r.repository_hops[i];
      const auto& link = hop.link;
      m_out << "| " << id_code(link.source) << " | " << id_code(link.target) << " | "
            << text(std::string(graph::to_string(link.match)) + ": " + link.value) << " | "
            << location(link.evidence.file, link.evidence.line) << " | "
            << location(hop.target_file, hop.target_line) << " |\n";
    });
    m_out << "\n</details>\n";
  }

  void write_factors() {
    m_out << "\n### Score factors\n\n| Factor | Points | Max | Measure | Detail |\n"
          << "| --- | ---: | ---: | ---: | --- |\n";
    for (const auto& f : m_r.factors) {
      m_out << "| " << id_code(f.name) << " | " << f.points << " | " << f.max_points << " | "
            << render::format_measure(f.measure) << " | " << text(f.detail) << " |\n";
    }
    m_out << "| **total** | **" << m_r.score << "** | 100 | | |\n";
  }

  void write_counts(std::string_view title, std::string_view column,
                    const std::map<std::string, std::size_t>& counts,
                    std::string_view level = "###") {
    m_out << "\n"
          << level << " " << title << " (" << render::group_digits(counts.size()) << ")\n\n";
    if (counts.empty()) return;
    m_out << "| " << column << " | Count |\n| --- | ---: |\n";
    auto it = counts.begin();
    std::size_t index = 0;
    rows(counts.size(), "| ", " | |", [&](std::size_t i) {
      std::advance(it, static_cast<std::ptrdiff_t>(i - index));
      index = i;
      m_out << "| " << id_code(it->first) << " | " << render::group_digits(it->second) << " |\n";
    });
  }

  void write_resources_by_type() {
    write_counts("Resources reached by type", "Type", m_r.resources_by_type);
  }

  void write_unmapped() {
    if (m_r.unmapped.empty()) return;
    m_out << "\n### Unmapped changes (" << render::group_digits(m_r.unmapped.size()) << ")\n\n"
          << "| Source | File | Lines | Subject | Kind | Reason |\n"
          << "| --- | --- | --- | --- | --- | --- |\n";
    rows(m_r.unmapped.size(), "| ", " | | | | | |", [&](std::size_t i) {
      const auto& u = m_r.unmapped[i];
      std::string lines;
      if (u.first_line > 0) lines = std::to_string(u.first_line);
      if (u.last_line > u.first_line) lines += "\u2013" + std::to_string(u.last_line);
      m_out << "| " << to_string(u.source) << " | " << id_code(u.file) << " | " << lines << " | "
            << id_code(u.subject) << " | " << to_string(u.kind) << " | " << text(u.reason)
            << " |\n";
    });
  }

  void write_risks() {
    if (m_r.risks.empty()) return;
    m_out << "\n### Risk factors in the changed policies ("
          << render::group_digits(m_r.risks.size())
          << ")\n\n| Kind | Policy | Location | Message |\n| --- | --- | --- | --- |\n";
    rows(m_r.risks.size(), "| ", " | | | |", [&](std::size_t i) {
      const auto& risk = m_r.risks[i];
      m_out << "| " << text(risk.kind) << " | " << id_code(risk.node) << " | "
            << location(risk.file, risk.position.line) << " | " << text(risk.message) << " |\n";
    });
  }

  void write_coverage() {
    const auto& c = m_r.coverage;
    m_out << "\n### Coverage\n\n| | Count |\n| --- | ---: |\n"
          << "| files scanned | " << render::group_digits(c.files_scanned) << " |\n"
          << "| files not parsed | " << render::group_digits(c.files_unparsed) << " |\n"
          << "| files with errors | " << render::group_digits(c.files_with_errors) << " |\n"
          << "| unresolved references | " << render::group_digits(c.unresolved_references) << " |\n"
          << "| symbolic values | " << render::group_digits(c.symbolic_values) << " |\n"
          << "| external modules | " << render::group_digits(c.external_modules) << " |\n"
          << "| unsupported types | " << render::group_digits(c.unsupported_types.size()) << " |\n";
    if (!c.unread_files.empty()) {
      m_out << "\n#### Files not fully read (" << render::group_digits(c.unread_files.size())
            << ")\n\n| File | Problem |\n| --- | --- |\n";
      rows(c.unread_files.size(), "| ", " | |", [&](std::size_t i) {
        const auto& f = c.unread_files[i];
        m_out << "| " << id_code(f.file) << " | "
              << (f.problem == ReadProblem::unparsed ? "not parsed" : "errors") << " |\n";
      });
    }
    if (!c.unexpanded_modules.empty()) {
      m_out << "\n#### Modules not expanded (" << render::group_digits(c.unexpanded_modules.size())
            << ")\n\n| Call | Source | Why |\n| --- | --- | --- |\n";
      rows(c.unexpanded_modules.size(), "| ", " | | |", [&](std::size_t i) {
        const auto& m = c.unexpanded_modules[i];
        m_out << "| " << id_code(m.call) << " | " << text(m.source) << " | " << text(m.reason)
              << " |\n";
      });
    }
    if (!c.unsupported_types.empty()) {
      write_counts("Unsupported types", "Type", c.unsupported_types, "####");
    }
  }

  void write_footer() {
    m_out << '\n';
    if (m_r.diagnostics > 0) {
      m_out << render::group_digits(m_r.diagnostics)
            << " diagnostic(s); run `blastgraph scan` to list them.\n\n";
    }
    m_out << "<sub>blastgraph \u00b7 " << k_report_schema << "</sub>\n";
  }

  const ScoreReport& m_r;
  std::size_t m_limit;
  std::ostringstream m_out;
};

// Cuts `text` to fit `max_chars` at a line boundary, with a note saying so.
std::string cut_to_fit(std::string text, std::size_t max_chars) {
  const std::string note =
      "\n\n\u2026 report cut to fit " + render::group_digits(max_chars) + " characters \u2026\n";
  if (max_chars <= note.size()) return text.substr(0, 0);
  std::size_t end = text.rfind('\n', max_chars - note.size());
  if (end == std::string::npos) end = 0;
  text.resize(end);
  return text + note;
}

}  // namespace

void write_score_markdown(const ScoreReport& report, std::ostream& out,
                          const MarkdownOptions& options) {
  // NOTE: the first limit that fits wins, so a small report is never cut and a huge one keeps
  // the first and last entries of every list.
  static constexpr std::array<std::size_t, 10> k_limits = {0,  1000, 400, 200, 100,
                                                           50, 20,   10,  4,   2};
  std::string text;
  for (const auto limit : k_limits) {
    text = MarkdownWriter(report, limit).render();
    if (text.size() <= options.max_chars) break;
  }
  if (text.size() > options.max_chars) text = cut_to_fit(std::move(text), options.max_chars);
  out << text;
}

}  // namespace blastgraph::analyzer
