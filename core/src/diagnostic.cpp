#include "blastgraph/core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace blastgraph {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.file.empty() ? std::string("blastgraph") : d.file;
  if (d.position.line != 0) {
    out += ':' + std::to_string(d.position.line);
    out += ':' + std::to_string(d.position.column == 0 ? 1 : d.position.column);
  }
  out += ": ";
  out += to_string(d.severity);
  out += ": ";
  out += d.message;
  out += " [" + d.code + "]";
  return out;
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.position, a.code, a.message, a.severity) <
           std::tie(b.file, b.position, b.code, b.message, b.severity);
  });
  diagnostics.erase(std::unique(diagnostics.begin(), diagnostics.end()), diagnostics.end());
}

}  // namespace blastgraph
