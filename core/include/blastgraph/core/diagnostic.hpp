#pragma once
// Diagnostics: everything a parser or the analyzer could not read or resolve. Printed as
// `file:line:col: severity: message [code]`, the format compilers use, so editors and CI
// annotate them.

#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/source_span.hpp"

namespace blastgraph {

enum class Severity { note, warning, error };

[[nodiscard]] std::string_view to_string(Severity severity);

struct Diagnostic {
  std::string file;         // relative to the scanned root; empty for run-level problems
  SourcePosition position;  // 1-based; {0,0} when the whole file is meant
  Severity severity = Severity::error;
  std::string code;  // stable, kebab-case, e.g. "hcl-syntax"
  std::string message;

  auto operator<=>(const Diagnostic&) const = default;
};

// `file:line:col: severity: message [code]`; the position is omitted when unknown.
[[nodiscard]] std::string format_diagnostic(const Diagnostic& diagnostic);

// Sorts by file, position, code and message and drops exact duplicates, so reports are
// byte-identical whatever order parallel work produced them in.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace blastgraph
