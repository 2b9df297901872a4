#include "render.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace blastgraph::terraform::testing {

std::string_view to_string(ReferenceContext context) {
  switch (context) {
    case ReferenceContext::expression:
      return "expression";
    case ReferenceContext::depends_on:
      return "depends_on";
    case ReferenceContext::count:
      return "count";
    case ReferenceContext::for_each:
      return "for_each";
    case ReferenceContext::provider:
      return "provider";
  }
  return "?";
}

std::string render_references(const File& file) {
  std::ostringstream out;
  for (const Block& block : file.blocks) {
    out << block.address << '\n';
    for (const Reference& ref : block.references) {
      out << "  " << ref.subject << ' ' << ref.attribute << ' ' << ref.position.line << ':'
          << ref.position.column << ' ' << to_string(ref.context) << '\n';
    }
  }
  for (const Diagnostic& diagnostic : file.diagnostics) {
    out << format_diagnostic(diagnostic) << '\n';
  }
  return out.str();
}

std::string render_recovery(const File& file) {
  std::ostringstream out;
  out << "diagnostics:\n";
  for (const Diagnostic& diagnostic : file.diagnostics) {
    out << format_diagnostic(diagnostic) << '\n';
  }
  out << "blocks:\n";
  for (const Block& block : file.blocks) out << block.address << '\n';
  return out.str();
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<std::string> list_directory(const std::filesystem::path& directory,
                                        bool (*keep)(const std::filesystem::path&)) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    if (keep(entry.path())) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::filesystem::path fixtures_dir() {
  return std::filesystem::path(BLASTGRAPH_FIXTURES_DIR) / "parsers" / "terraform";
}

}  // namespace blastgraph::terraform::testing
