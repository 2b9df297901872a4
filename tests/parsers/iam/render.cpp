#include "render.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace blastgraph::iam::testing {
namespace {

std::string_view principal_type_name(PrincipalType type) {
  switch (type) {
    case PrincipalType::none: return "none";
    case PrincipalType::user: return "user";
    case PrincipalType::group: return "group";
    case PrincipalType::role: return "role";
  }
  return "?";
}

std::string position_text(SourcePosition position) {
  return std::to_string(position.line) + ':' + std::to_string(position.column);
}

void render_origin(const PolicyDocument& document, std::ostringstream& out) {
  const DocumentOrigin& o = document.origin;
  out << to_string(o.kind);
  if (o.principal_type != PrincipalType::none) {
    out << " principal " << principal_type_name(o.principal_type) << ' ' << o.principal_name;
  }
  if (!o.policy_name.empty()) out << " policy " << o.policy_name;
  if (!o.policy_arn.empty()) out << " arn " << o.policy_arn;
  if (!o.version_id.empty())
    out << " version " << o.version_id << (o.default_version ? " default" : "");
  out << ' ' << position_text(document.position) << '\n';
}

}  // namespace

std::string render_summary(const PolicyFile& file) {
  std::ostringstream out;
  out << "diagnostics:\n";
  for (const Diagnostic& diagnostic : file.diagnostics)
    out << format_diagnostic(diagnostic) << '\n';
  out << "documents:\n";
  for (const PolicyDocument& document : file.documents) {
    render_origin(document, out);
    for (const Statement& s : document.statements) {
      out << "  " << (s.effect == Effect::allow ? "Allow" : "Deny") << ' '
          << (s.sid.empty() ? "-" : s.sid) << ' ' << position_text(s.position) << '\n';
    }
  }
  return out.str();
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::filesystem::path fixtures_dir() {
  return std::filesystem::path(BLASTGRAPH_FIXTURES_DIR) / "parsers" / "iam";
}

std::vector<std::string> list_files(const std::filesystem::path& directory,
                                    const std::string& extension) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == extension) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace blastgraph::iam::testing
