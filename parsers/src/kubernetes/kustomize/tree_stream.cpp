// Rendered trees back into a yaml::Stream, so the manifest extractors read rendered objects
// exactly as they read files, positions included.

#include <algorithm>

#include "kubernetes/kustomize/tree.hpp"
#include "kubernetes/yaml_arena.hpp"

namespace blastgraph::kubernetes::kustomize {
namespace {

using yaml::detail::Arena;
using yaml::detail::NodeRecord;

std::uint32_t add_record(Arena& arena, const Tree& tree, yaml::NodeKind kind) {
  NodeRecord record;
  record.kind = kind;
  record.line = tree.position.line;
  record.column = tree.position.column;
  record.last_line = std::max(tree.last_line, tree.position.line);
  arena.nodes.push_back(record);
  return static_cast<std::uint32_t>(arena.nodes.size() - 1);
}

std::uint32_t add_scalar(Arena& arena, const Tree& tree, std::string_view text) {
  const std::uint32_t index = add_record(arena, tree, yaml::NodeKind::scalar);
  NodeRecord& record = arena.nodes[index];
  record.first = static_cast<std::uint32_t>(arena.text.size());
  record.count = static_cast<std::uint32_t>(text.size());
  record.style = tree.style;
  record.tag = tree.tagged ? yaml::detail::ScalarTag::other : yaml::detail::ScalarTag::none;
  arena.text += text;
  return index;
}

// Children first, then the container's contiguous run of child indices.
std::uint32_t add_tree(Arena& arena, const Tree& tree) {
  if (tree.is_scalar()) return add_scalar(arena, tree, tree.text);
  std::vector<std::uint32_t> children;
  if (tree.is_sequence()) {
    for (const Tree& item : tree.items) children.push_back(add_tree(arena, item));
  } else {
    for (const auto& [key, value] : tree.entries) {
      Tree key_tree;
      key_tree.position = value.key_position.line != 0 ? value.key_position : value.position;
      children.push_back(add_scalar(arena, key_tree, key));
      children.push_back(add_tree(arena, value));
    }
  }
  const std::uint32_t index = add_record(
      arena, tree, tree.is_sequence() ? yaml::NodeKind::sequence : yaml::NodeKind::mapping);
  NodeRecord& record = arena.nodes[index];
  record.first = static_cast<std::uint32_t>(arena.children.size());
  record.count = static_cast<std::uint32_t>(children.size());
  arena.children.insert(arena.children.end(), children.begin(), children.end());
  return index;
}

}  // namespace

yaml::Stream to_stream(const std::vector<const Tree*>& documents) {
  yaml::Stream stream;
  Arena& arena = yaml::detail::StreamAccess::arena(stream);
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const std::uint32_t root = add_tree(arena, *documents[i]);
    yaml::Document document;
    document.root = arena.node(root);
    document.index = i;
    document.first_line = documents[i]->position.line;
    document.last_line = documents[i]->last_line;
    stream.documents.push_back(document);
  }
  return stream;
}

}  // namespace blastgraph::kubernetes::kustomize
