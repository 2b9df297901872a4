#include <utility>

#include "blastgraph/analyzer/policy.hpp"
#include "blastgraph/parsers/iam/evaluate.hpp"

namespace blastgraph::analyzer {
namespace {

// Patterns that name no catalogue action: typos, unknown services, missing "service:".
std::vector<std::string> find_unknown(const std::vector<std::string>& patterns) {
  const iam::ActionCatalogue& catalogue = iam::action_catalogue();
  std::vector<std::string> unknown;
  for (const std::string& pattern : patterns) {
    if (catalogue.expand(pattern).empty()) unknown.push_back(pattern);
  }
  return unknown;
}

ActionCoverage cover_actions(const iam::PatternList& actions) {
  ActionCoverage coverage;
  coverage.mode = actions.mode;
  coverage.patterns = actions.patterns;
  coverage.unknown = find_unknown(actions.patterns);
  std::vector<iam::ActionRef> covered = iam::expand_actions(actions);
  coverage.count = covered.size();
  for (const iam::ActionRef& action : covered) {
    ++coverage.by_service[std::string(action.service())];
    ++coverage.by_access_level[action.access_level()];
  }
  coverage.summarized =
      actions.mode == iam::ListMode::all_except ||
      (coverage.count > 0 && coverage.count == iam::action_catalogue().action_count());
  if (!coverage.summarized) coverage.actions = std::move(covered);
  return coverage;
}

ReviewedStatement review_statement(const iam::Statement& statement, std::size_t index) {
  ReviewedStatement reviewed;
  reviewed.index = index;
  reviewed.sid = statement.sid;
  reviewed.effect = statement.effect;
  reviewed.position = statement.position;
  reviewed.actions = cover_actions(statement.actions);
  reviewed.resources = statement.resources;
  reviewed.principals = statement.principals;
  reviewed.conditions = statement.conditions;
  return reviewed;
}

DocumentReview review_document(const iam::PolicyDocument& document, std::size_t index) {
  DocumentReview reviewed;
  reviewed.index = index;
  reviewed.origin = document.origin;
  reviewed.version = document.version;
  reviewed.id = document.id;
  reviewed.position = document.position;
  for (std::size_t i = 0; i < document.statements.size(); ++i) {
    const iam::Statement& statement = document.statements[i];
    auto& bucket = statement.effect == iam::Effect::allow ? reviewed.allows : reviewed.denies;
    bucket.push_back(review_statement(statement, i + 1));
  }
  reviewed.risks = iam::find_risk_factors(document);
  return reviewed;
}

FileReview unreadable_file(std::string path, std::string message) {
  FileReview file;
  file.readable = false;
  file.diagnostics.push_back(
      Diagnostic{path, {}, Severity::error, "file-unreadable", std::move(message)});
  file.path = std::move(path);
  return file;
}

}  // namespace

FileReview review_policy_file(std::string_view path, std::string_view text) {
  iam::PolicyFile parsed = iam::parse_policy(path, text);
  FileReview file;
  file.path = std::string(path);
  for (std::size_t i = 0; i < parsed.documents.size(); ++i) {
    file.documents.push_back(review_document(parsed.documents[i], i + 1));
  }
  file.diagnostics = std::move(parsed.diagnostics);
  sort_diagnostics(file.diagnostics);
  return file;
}

PolicyReview review_policies(const std::vector<std::filesystem::path>& paths,
                             std::size_t max_file_bytes) {
  PolicyReview review;
  for (const std::filesystem::path& path : paths) {
    const std::string shown = path.generic_string();
    Result<std::string> text = read_file(path, max_file_bytes);
    if (!text) {
      review.files.push_back(unreadable_file(shown, text.error().message));
      continue;
    }
    review.files.push_back(review_policy_file(shown, *text));
  }
  return review;
}

PolicyTotals count_totals(const PolicyReview& review) {
  PolicyTotals totals;
  totals.files = review.files.size();
  for (const FileReview& file : review.files) {
    if (!file.readable) ++totals.unreadable_files;
    totals.documents += file.documents.size();
    for (const DocumentReview& document : file.documents) {
      totals.statements += document.allows.size() + document.denies.size();
      totals.risk_factors += document.risks.size();
    }
    for (const Diagnostic& d : file.diagnostics) {
      if (d.severity == Severity::warning) ++totals.warnings;
      if (d.severity == Severity::error) ++totals.errors;
    }
  }
  return totals;
}

std::vector<Diagnostic> all_diagnostics(const PolicyReview& review) {
  std::vector<Diagnostic> diagnostics;
  for (const FileReview& file : review.files) {
    diagnostics.insert(diagnostics.end(), file.diagnostics.begin(), file.diagnostics.end());
  }
  return diagnostics;
}

}  // namespace blastgraph::analyzer
