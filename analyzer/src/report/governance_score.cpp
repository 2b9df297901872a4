// The [AI-GOVERNANCE] commit-message block (README "Outputs").
#include "blastgraph/analyzer/report.hpp"
#include "report/render_util.hpp"

namespace blastgraph::analyzer {
namespace {

// A commit message stays readable: at most this many list entries, cut in the middle.
constexpr std::size_t k_max_entries = 50;

std::string changed_entry(const ChangedResource& c) {
  return c.id + " (" + std::string(to_string(c.action)) + ")";
}

std::string violation_entry(const RuleViolation& v) {
  std::string entry = v.rule + ":";
  for (std::size_t i = 0; i < v.resources.size(); ++i) entry += (i ? ", " : " ") + v.resources[i];
  return entry;
}

// `name:` then one "  - entry" line each, or `name: none`.
template <typename Item, typename Format>
void write_list(std::ostream& out, std::string_view name, const std::vector<Item>& items,
                Format format) {
  out << name << ':';
  if (items.empty()) {
    out << " none\n";
    return;
  }
  out << '\n';
  const auto window = render::middle_window(items.size(), k_max_entries);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (window.hidden > 0 && i == window.head)
      out << "  - " << render::more_not_shown(window.hidden) << '\n';
    if (window.shows(i, items.size())) out << "  - " << render::one_line(format(items[i])) << '\n';
  }
}

}  // namespace

std::string repository_entry(const RepositoryImpact& repository) {
  return repository.repository + " (" + std::to_string(repository.services) + " services, " +
         std::to_string(repository.resources) + " resources)";
}

void write_score_governance(const ScoreReport& r, std::ostream& out) {
  out << "[AI-GOVERNANCE]\n"
      << "change_source: " << render::one_line(r.change_source) << '\n'
      << "risk_tier: " << to_string(r.tier) << '\n'
      << "blast_radius: " << r.score << "/100\n"
      << "verdict: " << to_string(r.verdict) << '\n'
      << "policy_version: " << render::one_line(r.policy_version) << '\n';
  write_list(out, "violations", r.violations, violation_entry);
  write_list(out, "changed_resources", r.changed, changed_entry);
  out << "services_reached: " << r.services.size() << '\n';
  if (!r.repositories.empty()) {
    write_list(out, "repositories_reached", r.repositories, repository_entry);
  }
  out << "required_approvals: ";
  if (r.approvals.empty()) out << "none";
  for (std::size_t i = 0; i < r.approvals.size(); ++i) {
    out << (i ? ", " : "") << render::one_line(r.approvals[i]);
  }
  out << "\n[/AI-GOVERNANCE]\n";
}

}  // namespace blastgraph::analyzer
