#pragma once
// Policy review: what each IAM policy document grants or denies, spelled out against the
// action catalogue, with its risk factors. What `blastgraph policy` prints, so a reviewer sees
// the effect of a policy before attaching it.
//
// Pure functions of their input except review_policies, which reads files. The renderers are
// byte-identical for the same input; the library never prints.

#include <cstddef>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/core/file_io.hpp"
#include "blastgraph/core/source_span.hpp"
#include "blastgraph/parsers/iam.hpp"
#include "blastgraph/parsers/iam/catalogue.hpp"
#include "blastgraph/parsers/iam/risk.hpp"

namespace blastgraph::analyzer {

inline constexpr std::string_view k_policy_schema = "blastgraph.policy/v1";

// What one statement's Action or NotAction covers in the catalogue.
//
// NOTE: a NotAction list, or an Action list that covers the whole catalogue ("*"), reaches
// tens of thousands of actions. Listing them helps nobody, so such a coverage is `summarized`:
// `actions` stays empty and only the counts are kept. Every other coverage lists each action.
struct ActionCoverage {
  iam::ListMode mode = iam::ListMode::absent;  // listed: Action; all_except: NotAction
  std::vector<std::string> patterns;           // as written
  bool summarized = false;
  std::vector<iam::ActionRef>
      actions;            // every covered action in catalogue order, unless summarized
  std::size_t count = 0;  // covered actions, summarized or not
  std::map<std::string, std::size_t> by_service;  // service prefix -> covered actions
  std::map<iam::AccessLevel, std::size_t> by_access_level;
  // Patterns that match no catalogue action. Under NotAction a typo widens the grant.
  std::vector<std::string> unknown;
};

struct ReviewedStatement {
  std::size_t index = 0;  // 1-based position among the document's statements
  std::string sid;
  iam::Effect effect = iam::Effect::allow;
  SourcePosition position;
  ActionCoverage actions;
  iam::PatternList resources;  // Resource or NotResource, verbatim; mode absent when not written
  iam::Principals principals;  // Principal or NotPrincipal; mode absent when not written
  std::vector<iam::Condition> conditions;  // kept, never evaluated (see iam/evaluate.hpp)
};

struct DocumentReview {
  std::size_t index = 0;  // 1-based position in the file
  iam::DocumentOrigin origin;
  std::string version;
  std::string id;
  SourcePosition position;
  std::vector<ReviewedStatement> allows;  // in source order
  std::vector<ReviewedStatement> denies;  // in source order
  std::vector<iam::RiskFactor> risks;     // as iam::find_risk_factors orders them
};

struct FileReview {
  std::string path;      // as given
  bool readable = true;  // false: the file could not be read (see its file-unreadable diagnostic)
  std::vector<DocumentReview> documents;
  std::vector<Diagnostic> diagnostics;  // sorted (sort_diagnostics)
};

struct PolicyReview {
  std::vector<FileReview> files;  // in the order given
};

struct PolicyTotals {
  std::size_t files = 0;
  std::size_t unreadable_files = 0;
  std::size_t documents = 0;
  std::size_t statements = 0;
  std::size_t risk_factors = 0;
  std::size_t warnings = 0;  // warning diagnostics
  std::size_t errors = 0;    // error diagnostics
};

// Reviews the policy file `text`; `path` is recorded as given. Bad input becomes diagnostics
// and a partial review (whatever iam::parse_policy could keep). Thread-safe.
[[nodiscard]] FileReview review_policy_file(std::string_view path, std::string_view text);

// Reads and reviews each file in order. A file that cannot be read (missing, not a regular
// file, over `max_file_bytes`) is kept with readable == false and one `file-unreadable`
// error, and the others are still reviewed.
[[nodiscard]] PolicyReview review_policies(const std::vector<std::filesystem::path>& paths,
                                           std::size_t max_file_bytes = k_default_max_file_bytes);

[[nodiscard]] PolicyTotals count_totals(const PolicyReview& review);

// Every diagnostic of every file, in file order, each file's sorted.
[[nodiscard]] std::vector<Diagnostic> all_diagnostics(const PolicyReview& review);

// Text for a person: per file and document, the risk factors, then per effect each statement
// with its actions grouped by service and access level (counts and the first few names),
// resources, principals and conditions; then every diagnostic.
void write_policy_text(const PolicyReview& review, std::ostream& out);

// JSON for machines (schema k_policy_schema): the same content, with every covered action
// listed unless the coverage is summarized.
void write_policy_json(const PolicyReview& review, std::ostream& out);

}  // namespace blastgraph::analyzer
