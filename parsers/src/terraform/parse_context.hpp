#pragma once
// State shared by the readers of one parse_file call.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"
#include "terraform/grammar.hpp"
#include "terraform/ts_handles.hpp"

namespace blastgraph::terraform {

// Nested blocks and expressions deeper than this many syntax-tree levels are not read (a
// diagnostic says so). One level of brackets or a call is about three tree levels, so real
// configurations stay far below it; the bound keeps the recursive readers' stack small.
inline constexpr unsigned k_max_nesting_depth = 256;

// A garbage file has a syntax error every few bytes; listing the first ones is what helps.
inline constexpr std::size_t k_max_syntax_errors = 50;

class ParseContext {
 public:
  ParseContext(std::string_view path, std::string_view text)
      : m_path(path), m_text(text), m_grammar(grammar()) {}

  [[nodiscard]] std::string_view path() const { return m_path; }
  [[nodiscard]] std::string_view text() const { return m_text; }
  [[nodiscard]] const Grammar& syntax() const { return m_grammar; }
  [[nodiscard]] CursorPool& cursors() { return m_cursors; }
  [[nodiscard]] std::string_view text_of(TSNode node) const { return node_text(node, m_text); }

  void report(SourcePosition position, Severity severity, std::string code, std::string message) {
    m_diagnostics.push_back(
        {std::string(m_path), position, severity, std::move(code), std::move(message)});
  }
  // `hcl-syntax` errors beyond k_max_syntax_errors are only counted.
  void report_syntax_error(SourcePosition position, std::string message);
  // Adds one note saying how many syntax errors were not listed, if any.
  void report_omitted_syntax_errors();
  // One `hcl-too-deep` per file is enough to say the file was not fully read.
  void report_too_deep(TSNode node);

  [[nodiscard]] std::vector<Diagnostic> take_diagnostics() { return std::move(m_diagnostics); }

 private:
  std::string_view m_path;
  std::string_view m_text;
  const Grammar& m_grammar;
  CursorPool m_cursors;
  std::vector<Diagnostic> m_diagnostics;
  std::size_t m_syntax_errors = 0;
  SourcePosition m_first_omitted;
  bool m_reported_too_deep = false;
};

}  // namespace blastgraph::terraform
