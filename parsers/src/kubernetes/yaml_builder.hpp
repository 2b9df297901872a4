#pragma once
// Builds the arena from parse events, one document at a time, enforcing the Limits. The
// event source (libyaml) is kept out of here so the bounds can be read on their own.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "blastgraph/parsers/yaml.hpp"
#include "kubernetes/yaml_arena.hpp"

namespace blastgraph::yaml::detail {

// Something wrong with the input. Severity error aborts the current document; a warning only
// reports.
struct Problem {
  Severity severity = Severity::error;
  std::string code;
  std::string message;
  SourcePosition position;
};

// What the parser says about a node, independent of the parser library.
struct NodeEvent {
  std::string_view anchor;  // empty when none
  std::string_view tag;     // empty when none
  SourcePosition start;
  std::uint32_t last_line = 0;  // the last line holding a character of the node
};

class TreeBuilder {
 public:
  TreeBuilder(Arena& arena, const Limits& limits, std::size_t input_bytes);

  void begin_document(SourcePosition marker);
  // nullopt when the document held nothing but a null.
  [[nodiscard]] std::optional<Document> end_document();
  // Drops the current document's nodes, after a problem or a syntax error.
  void abandon_document();
  [[nodiscard]] bool in_document() const { return m_in_document; }

  // Each returns an error Problem when the document must be abandoned.
  [[nodiscard]] std::optional<Problem> add_scalar(const NodeEvent& event, std::string_view text,
                                                  ScalarStyle style);
  [[nodiscard]] std::optional<Problem> add_alias(const NodeEvent& event);
  [[nodiscard]] std::optional<Problem> begin_container(const NodeEvent& event, NodeKind kind,
                                                       bool flow);
  [[nodiscard]] std::optional<Problem> end_container(std::uint32_t last_line);

  // Warnings collected since the last call.
  [[nodiscard]] std::vector<Problem> take_warnings();

 private:
  struct Frame {
    std::uint32_t node = 0;
    std::size_t first_pending = 0;  // into m_pending
    std::string anchor;
    bool flow = false;
  };

  [[nodiscard]] std::optional<Problem> count_nodes(std::size_t nodes, SourcePosition where);
  std::uint32_t push_record(const NodeEvent& event, NodeKind kind);
  void attach(std::uint32_t node);
  void define_anchor(std::string_view anchor, std::uint32_t node);
  void finish_container(const Frame& frame, std::uint32_t last_line);

  Arena& m_arena;
  const Limits& m_limits;
  std::size_t m_node_budget = 0;
  std::size_t m_expanded_total = 0;
  std::vector<Frame> m_stack;
  std::vector<std::uint32_t> m_pending;  // children of the open containers, innermost last
  std::unordered_map<std::string, std::uint32_t> m_anchors;
  std::vector<Problem> m_warnings;
  std::optional<std::uint32_t> m_root;
  bool m_in_document = false;
  std::size_t m_document_count = 0;
  std::uint32_t m_document_first_line = 0;
  // Arena sizes and budget at the document start, to roll an abandoned document back.
  std::size_t m_mark_nodes = 0;
  std::size_t m_mark_children = 0;
  std::size_t m_mark_text = 0;
  std::size_t m_mark_expanded = 0;
};

// Rewrites the key/value indices of one mapping with its `<<` entries resolved: explicit keys
// win over merged ones, and among merged mappings the earlier one wins, as the YAML merge-key
// spec says. Merged entries take the place of the `<<` entry. Appends warnings for `<<`
// values that are not mappings (or sequences of mappings); those are ignored.
void resolve_merge_keys(const Arena& arena, std::vector<std::uint32_t>& entries,
                        std::vector<Problem>& warnings);

// True when the key node is a merge key: a plain `<<` or one tagged !!merge.
[[nodiscard]] bool is_merge_key(const Arena& arena, std::uint32_t key);

}  // namespace blastgraph::yaml::detail
