#include "report/text_util.hpp"

#include <iomanip>

namespace blastgraph::analyzer::text {

void write_counts(std::ostream& out, const std::string& title,
                  const std::map<std::string, std::size_t>& counts) {
  std::size_t width = 0;
  for (const auto& [key, count] : counts) width = std::max(width, key.size());
  out << '\n' << title << " (" << counts.size() << ")\n";
  for (const auto& [key, count] : counts) {
    out << "  " << std::left << std::setw(static_cast<int>(width)) << key << "  " << std::right
        << std::setw(6) << count << '\n';
  }
}

namespace {

void write_unread(std::ostream& out, const Coverage& c, ReadProblem problem) {
  for (const auto& unread : c.unread_files) {
    if (unread.problem == problem) out << "    " << unread.file << '\n';
  }
}

}  // namespace

void write_coverage(std::ostream& out, const Coverage& c) {
  out << "\ncoverage\n"
      << "  files scanned           " << c.files_scanned << '\n'
      << "  files not parsed        " << c.files_unparsed << '\n';
  write_unread(out, c, ReadProblem::unparsed);
  out << "  files with errors       " << c.files_with_errors << '\n';
  write_unread(out, c, ReadProblem::errors);
  out << "  unresolved references   " << c.unresolved_references << '\n'
      << "  symbolic values         " << c.symbolic_values << '\n'
      << "  external modules        " << c.external_modules << '\n';
  for (const auto& m : c.unexpanded_modules) {
    out << "    " << m.call << " (" << m.source << "): " << m.reason << '\n';
  }
  std::size_t unsupported = 0;
  for (const auto& [type, count] : c.unsupported_types) unsupported += count;
  out << "  unsupported types       " << c.unsupported_types.size();
  if (unsupported > 0) {
    out << " (" << unsupported << " resource" << (unsupported == 1 ? "" : "s") << ')';
  }
  out << '\n';
  for (const auto& [type, count] : c.unsupported_types) {
    out << "    " << type << "  " << count << '\n';
  }
}

void write_diagnostics(std::ostream& out, const std::vector<Diagnostic>& diagnostics) {
  out << "\ndiagnostics (" << diagnostics.size() << ")\n";
  for (const auto& d : diagnostics) out << "  " << format_diagnostic(d) << '\n';
}

}  // namespace blastgraph::analyzer::text
