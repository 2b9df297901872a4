#pragma once
// The readers that turn a json::Node tree into the policy model, and the state they share.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "blastgraph/parsers/iam.hpp"
#include "iam/json_tree.hpp"

namespace blastgraph::iam::detail {

class ReadContext {
 public:
  ReadContext(std::string_view file, std::vector<Diagnostic>& diagnostics)
      : m_file(file), m_diagnostics(diagnostics) {}

  [[nodiscard]] std::string_view file() const { return m_file; }

  void report(SourcePosition position, Severity severity, std::string code, std::string message) {
    m_diagnostics.push_back(
        {std::string(m_file), position, severity, std::move(code), std::move(message)});
  }
  void take(std::vector<Diagnostic>&& diagnostics) {
    for (Diagnostic& diagnostic : diagnostics) m_diagnostics.push_back(std::move(diagnostic));
  }

 private:
  std::string_view m_file;
  std::vector<Diagnostic>& m_diagnostics;
};

// A policy object (Version, Id, Statement). Returns the document with its valid statements;
// origin.kind is inferred (see DocumentOrigin).
[[nodiscard]] PolicyDocument read_document(const json::Node& node, ReadContext& context);

// A document as the CLI nests it: an object, or a string holding JSON or URL-encoded JSON.
// nullopt (after a diagnostic, unless the value is null) when nothing can be read.
[[nodiscard]] std::optional<PolicyDocument> read_nested_document(const json::Node& node,
                                                                 const DocumentOrigin& origin,
                                                                 ReadContext& context);

// nullopt after a diagnostic when the statement is invalid.
[[nodiscard]] std::optional<Statement> read_statement(const json::Node& node, ReadContext& context);

// Elements of a statement. Each reports every value it cannot read and then returns nullopt,
// which drops the statement.
[[nodiscard]] std::optional<PatternList> read_pattern_list(const json::Node& node, ListMode mode,
                                                           std::string_view element,
                                                           ReadContext& context);
[[nodiscard]] std::optional<Principals> read_principals(const json::Node& node, ListMode mode,
                                                        ReadContext& context);
[[nodiscard]] std::optional<std::vector<Condition>> read_conditions(const json::Node& node,
                                                                    ReadContext& context);

// iam-unknown-service / iam-unknown-action for each Action/NotAction value the catalogue
// does not cover.
void check_actions(const json::Node& node, ReadContext& context);

[[nodiscard]] DocumentKind infer_kind(const PolicyDocument& document);

// The file's top-level shape: a policy, or one of the CLI outputs that nest policies.
void read_file_root(const json::Node& root, PolicyFile& file, ReadContext& context);

// get-account-authorization-details.
void read_authorization_details(const json::Node& root, PolicyFile& file, ReadContext& context);

// The string value of `key` in `node`, or empty.
[[nodiscard]] std::string string_member(const json::Node& node, std::string_view key);

}  // namespace blastgraph::iam::detail
