#pragma once
// Storage behind yaml::Node: every node of a stream in one vector, scalar text in one string,
// and each container's children as one contiguous run of node indices. An alias is the index
// of its anchored node, so expanding one costs nothing here; what it would cost a reader is
// tracked in `expanded` and bounded while loading.

#include <cstdint>
#include <string>
#include <vector>

#include "blastgraph/parsers/yaml.hpp"

namespace blastgraph::yaml::detail {

// The explicit tags that change how a scalar reads; any tag at all makes it non-plain.
enum class ScalarTag : std::uint8_t { none, boolean, merge, other };

struct NodeRecord {
  // Scalars: [first, first + count) of Arena::text. Containers: of Arena::children; mappings
  // store key, value, key, value...
  std::uint32_t first = 0;
  std::uint32_t count = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t last_line = 0;
  std::uint32_t expanded = 1;  // nodes a full walk visits, aliases expanded (saturating)
  std::uint16_t height = 1;    // levels, this one included (saturating)
  NodeKind kind = NodeKind::scalar;
  ScalarStyle style = ScalarStyle::plain;
  ScalarTag tag = ScalarTag::none;
};

struct Arena {
  std::vector<NodeRecord> nodes;
  std::vector<std::uint32_t> children;
  std::string text;

  [[nodiscard]] Node node(std::uint32_t index) const { return {this, index}; }
  [[nodiscard]] static std::uint32_t index_of(const Node& node) { return node.m_index; }
  [[nodiscard]] const NodeRecord& record(std::uint32_t index) const { return nodes[index]; }
  [[nodiscard]] std::string_view scalar_text(const NodeRecord& record) const {
    return std::string_view(text).substr(record.first, record.count);
  }
};

struct StreamAccess {
  [[nodiscard]] static Arena& arena(Stream& stream) { return *stream.m_arena; }
};

}  // namespace blastgraph::yaml::detail
