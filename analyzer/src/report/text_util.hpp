#pragma once
// Shared pieces of the text reports.

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"

namespace blastgraph::analyzer::text {

// "title (N)" then one right-aligned count per line, keys in order.
void write_counts(std::ostream& out, const std::string& title,
                  const std::map<std::string, std::size_t>& counts);
void write_coverage(std::ostream& out, const Coverage& coverage);
// Every diagnostic, formatted `file:line:col: severity: message [code]`.
void write_diagnostics(std::ostream& out, const std::vector<Diagnostic>& diagnostics);

}  // namespace blastgraph::analyzer::text
