// TreeBuilder: parse events -> arena nodes, with the bounds that keep hostile input cheap.

#include <algorithm>
#include <limits>
#include <string>

#include "kubernetes/yaml_builder.hpp"

namespace blastgraph::yaml::detail {
namespace {

constexpr std::uint32_t k_saturated = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint16_t k_max_height = std::numeric_limits<std::uint16_t>::max();

std::uint32_t saturating_add(std::uint32_t a, std::uint32_t b) {
  return a > k_saturated - b ? k_saturated : a + b;
}

ScalarTag classify_tag(std::string_view tag) {
  if (tag.empty()) return ScalarTag::none;
  if (tag == "tag:yaml.org,2002:bool") return ScalarTag::boolean;
  if (tag == "tag:yaml.org,2002:merge") return ScalarTag::merge;
  return ScalarTag::other;
}

}  // namespace

TreeBuilder::TreeBuilder(Arena& arena, const Limits& limits, std::size_t input_bytes)
    : m_arena(arena), m_limits(limits), m_node_budget(limits.max_expanded_nodes + input_bytes) {}

void TreeBuilder::begin_document(SourcePosition marker) {
  m_in_document = true;
  m_document_first_line = marker.line;
  m_mark_nodes = m_arena.nodes.size();
  m_mark_children = m_arena.children.size();
  m_mark_text = m_arena.text.size();
  m_mark_expanded = m_expanded_total;
  m_anchors.clear();  // anchors are scoped to one document
  m_root.reset();
}

std::optional<Document> TreeBuilder::end_document() {
  if (!m_stack.empty() || !m_root) {
    abandon_document();
    return std::nullopt;
  }
  Node root = m_arena.node(*m_root);
  if (root.is_null()) {
    abandon_document();  // an empty document: reclaim its one scalar
    return std::nullopt;
  }
  m_in_document = false;
  m_anchors.clear();
  std::uint32_t first_line =
      m_document_first_line == 0 ? root.position().line : m_document_first_line;
  return Document{root, m_document_count++, first_line, std::max(first_line, root.last_line())};
}

void TreeBuilder::abandon_document() {
  // Outside a document there is nothing to drop: the marks then still belong to the document
  // already handed out.
  if (!m_in_document) return;
  m_arena.nodes.resize(m_mark_nodes);
  m_arena.children.resize(m_mark_children);
  m_arena.text.resize(m_mark_text);
  m_expanded_total = m_mark_expanded;
  m_stack.clear();
  m_pending.clear();
  m_anchors.clear();
  m_root.reset();
  m_in_document = false;
}

std::optional<Problem> TreeBuilder::count_nodes(std::size_t nodes, SourcePosition where) {
  // NOTE: the cost of an alias is charged here, before anything could walk it, which is what
  // makes a billion-laughs document fail in microseconds with no memory spent on it.
  m_expanded_total += nodes;
  if (m_expanded_total <= m_node_budget) return std::nullopt;
  return Problem{Severity::error, "yaml-alias-limit",
                 "aliases expand this document to more than " + std::to_string(m_node_budget) +
                     " nodes; document skipped",
                 where};
}

std::uint32_t TreeBuilder::push_record(const NodeEvent& event, NodeKind kind) {
  NodeRecord record;
  record.kind = kind;
  record.line = event.start.line;
  record.column = event.start.column;
  record.last_line = std::max(event.start.line, event.last_line);
  auto index = static_cast<std::uint32_t>(m_arena.nodes.size());
  m_arena.nodes.push_back(record);
  return index;
}

void TreeBuilder::attach(std::uint32_t node) {
  if (m_stack.empty()) {
    m_root = node;
  } else {
    m_pending.push_back(node);
  }
}

void TreeBuilder::define_anchor(std::string_view anchor, std::uint32_t node) {
  if (!anchor.empty()) m_anchors.insert_or_assign(std::string(anchor), node);
}

std::optional<Problem> TreeBuilder::add_scalar(const NodeEvent& event, std::string_view text,
                                               ScalarStyle style) {
  if (auto problem = count_nodes(1, event.start)) return problem;
  std::uint32_t index = push_record(event, NodeKind::scalar);
  NodeRecord& record = m_arena.nodes[index];
  record.style = style;
  record.tag = classify_tag(event.tag);
  record.first = static_cast<std::uint32_t>(m_arena.text.size());
  record.count = static_cast<std::uint32_t>(text.size());
  m_arena.text.append(text);
  define_anchor(event.anchor, index);
  attach(index);
  return std::nullopt;
}

std::optional<Problem> TreeBuilder::add_alias(const NodeEvent& event) {
  auto found = m_anchors.find(std::string(event.anchor));
  if (found == m_anchors.end()) {
    // Also what an alias to a collection still being read gets: refusing it is what keeps
    // every document acyclic.
    return Problem{Severity::error, "yaml-undefined-alias",
                   "alias *" + std::string(event.anchor) +
                       " does not refer to a node completed before it; document skipped",
                   event.start};
  }
  const NodeRecord& target = m_arena.nodes[found->second];
  if (m_stack.size() + target.height > m_limits.max_depth) {
    return Problem{Severity::error, "yaml-too-deep",
                   "alias *" + std::string(event.anchor) + " nests deeper than " +
                       std::to_string(m_limits.max_depth) + " levels; document skipped",
                   event.start};
  }
  if (auto problem = count_nodes(target.expanded, event.start)) return problem;
  attach(found->second);
  return std::nullopt;
}

std::optional<Problem> TreeBuilder::begin_container(const NodeEvent& event, NodeKind kind,
                                                    bool flow) {
  if (m_stack.size() + 1 > m_limits.max_depth) {
    return Problem{
        Severity::error, "yaml-too-deep",
        "nesting deeper than " + std::to_string(m_limits.max_depth) + " levels; document skipped",
        event.start};
  }
  if (auto problem = count_nodes(1, event.start)) return problem;
  std::uint32_t index = push_record(event, kind);
  m_stack.push_back(Frame{index, m_pending.size(), std::string(event.anchor), flow});
  return std::nullopt;
}

std::optional<Problem> TreeBuilder::end_container(std::uint32_t last_line) {
  if (m_stack.empty()) return std::nullopt;
  Frame frame = std::move(m_stack.back());
  m_stack.pop_back();
  finish_container(frame, last_line);
  define_anchor(frame.anchor, frame.node);
  attach(frame.node);
  return std::nullopt;
}

void TreeBuilder::finish_container(const Frame& frame, std::uint32_t last_line) {
  auto first = m_pending.begin() + static_cast<std::ptrdiff_t>(frame.first_pending);
  NodeRecord& record = m_arena.nodes[frame.node];
  if (record.kind == NodeKind::mapping && std::any_of(first, m_pending.end(), [&](std::uint32_t n) {
        return is_merge_key(m_arena, n);
      })) {
    std::vector<std::uint32_t> entries(first, m_pending.end());
    resolve_merge_keys(m_arena, entries, m_warnings);
    m_pending.resize(frame.first_pending);
    m_pending.insert(m_pending.end(), entries.begin(), entries.end());
    first = m_pending.begin() + static_cast<std::ptrdiff_t>(frame.first_pending);
  }
  std::uint32_t expanded = 1;
  std::uint16_t height = 1;
  // A block collection's end event sits where the next token starts, so only a flow
  // collection's closing bracket says where it ends.
  std::uint32_t last = frame.flow ? std::max(record.line, last_line) : record.line;
  for (auto it = first; it != m_pending.end(); ++it) {
    const NodeRecord& child = m_arena.nodes[*it];
    expanded = saturating_add(expanded, child.expanded);
    height =
        std::max(height, child.height < k_max_height ? static_cast<std::uint16_t>(child.height + 1)
                                                     : k_max_height);
    last = std::max(last, child.last_line);
  }
  record.first = static_cast<std::uint32_t>(m_arena.children.size());
  record.count = static_cast<std::uint32_t>(m_pending.end() - first);
  record.expanded = expanded;
  record.height = height;
  record.last_line = last;
  m_arena.children.insert(m_arena.children.end(), first, m_pending.end());
  m_pending.erase(first, m_pending.end());
}

std::vector<Problem> TreeBuilder::take_warnings() {
  std::vector<Problem> out;
  out.swap(m_warnings);
  return out;
}

}  // namespace blastgraph::yaml::detail
