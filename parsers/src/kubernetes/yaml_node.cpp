// Read-only accessors of yaml::Node over the arena.

#include <array>

#include "kubernetes/yaml_arena.hpp"

namespace blastgraph::yaml {
namespace {

// YAML 1.1 booleans as the Go YAML decoder behind kubectl reads them in plain scalars.
constexpr std::array<std::string_view, 11> k_true_words{"y",    "Y",    "yes", "Yes", "YES", "true",
                                                        "True", "TRUE", "on",  "On",  "ON"};
constexpr std::array<std::string_view, 11> k_false_words{
    "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"};

bool contains(const auto& words, std::string_view text) {
  for (std::string_view word : words) {
    if (word == text) return true;
  }
  return false;
}

}  // namespace

NodeKind Node::kind() const {
  return m_arena == nullptr ? NodeKind::none : m_arena->record(m_index).kind;
}

SourcePosition Node::position() const {
  if (m_arena == nullptr) return {};
  const detail::NodeRecord& r = m_arena->record(m_index);
  return {r.line, r.column};
}

std::uint32_t Node::last_line() const {
  return m_arena == nullptr ? 0 : m_arena->record(m_index).last_line;
}

std::string_view Node::scalar() const {
  if (!is_scalar()) return {};
  return m_arena->scalar_text(m_arena->record(m_index));
}

ScalarStyle Node::style() const {
  return m_arena == nullptr ? ScalarStyle::plain : m_arena->record(m_index).style;
}

bool Node::is_plain() const {
  if (!is_scalar()) return false;
  const detail::NodeRecord& r = m_arena->record(m_index);
  return r.style == ScalarStyle::plain && r.tag == detail::ScalarTag::none;
}

bool Node::is_null() const {
  if (m_arena == nullptr) return true;
  if (!is_plain()) return false;
  std::string_view text = scalar();
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::optional<bool> Node::as_bool() const {
  if (!is_scalar()) return std::nullopt;
  const detail::NodeRecord& r = m_arena->record(m_index);
  if (!is_plain() && r.tag != detail::ScalarTag::boolean) return std::nullopt;
  std::string_view text = scalar();
  if (contains(k_true_words, text)) return true;
  if (contains(k_false_words, text)) return false;
  return std::nullopt;
}

std::size_t Node::size() const {
  if (m_arena == nullptr) return 0;
  const detail::NodeRecord& r = m_arena->record(m_index);
  switch (r.kind) {
    case NodeKind::sequence:
      return r.count;
    case NodeKind::mapping:
      return r.count / 2;
    case NodeKind::none:
    case NodeKind::scalar:
      return 0;
  }
  return 0;
}

Node Node::item(std::size_t i) const {
  const detail::NodeRecord& r = m_arena->record(m_index);
  return m_arena->node(m_arena->children[r.first + i]);
}

Node Node::key(std::size_t i) const {
  const detail::NodeRecord& r = m_arena->record(m_index);
  return m_arena->node(m_arena->children[r.first + 2 * i]);
}

Node Node::value(std::size_t i) const {
  const detail::NodeRecord& r = m_arena->record(m_index);
  return m_arena->node(m_arena->children[r.first + 2 * i + 1]);
}

Node Node::find(std::string_view key) const {
  if (!is_mapping()) return {};
  const detail::NodeRecord& r = m_arena->record(m_index);
  for (std::uint32_t i = 0; i < r.count; i += 2) {
    const detail::NodeRecord& k = m_arena->record(m_arena->children[r.first + i]);
    if (k.kind == NodeKind::scalar && m_arena->scalar_text(k) == key) {
      return m_arena->node(m_arena->children[r.first + i + 1]);
    }
  }
  return {};
}

}  // namespace blastgraph::yaml
