#include <algorithm>
#include <array>

#include "iam/reader.hpp"

namespace blastgraph::iam {

std::string_view to_string(DocumentKind kind) {
  static constexpr std::array<std::string_view, 5> k_names = {"identity", "resource", "trust",
                                                              "boundary", "scp"};
  return k_names.at(static_cast<std::size_t>(kind));
}

bool Principals::admits_anyone() const {
  return any || std::find(aws.begin(), aws.end(), "*") != aws.end();
}

PolicyFile parse_policy(std::string_view path, std::string_view text) {
  PolicyFile file;
  file.path = path;
  json::ParsedTree tree = json::parse_tree(text, {path, {1, 1}, false});
  file.diagnostics = std::move(tree.diagnostics);
  detail::ReadContext context(path, file.diagnostics);
  if (tree.has_root) detail::read_file_root(tree.root, file, context);
  sort_diagnostics(file.diagnostics);
  return file;
}

EmbeddedPolicy parse_policy_text(std::string_view path, std::string_view text,
                                 SourcePosition start) {
  EmbeddedPolicy result;
  json::ParsedTree tree = json::parse_tree(text, {path, start, false});
  result.diagnostics = std::move(tree.diagnostics);
  detail::ReadContext context(path, result.diagnostics);
  if (tree.has_root && !tree.root.is_object()) {
    context.report(tree.root.position, Severity::error, "iam-not-a-policy",
                   "a policy document must be a JSON object");
  }
  if (!tree.has_root || !tree.root.is_object()) {
    sort_diagnostics(result.diagnostics);
    return result;
  }
  result.document = detail::read_document(tree.root, context);
  sort_diagnostics(result.diagnostics);
  return result;
}

}  // namespace blastgraph::iam
