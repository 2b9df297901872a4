#pragma once
// Private: the id -> builder slot table behind GraphBuilder.

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "blastgraph/graph/model.hpp"

namespace blastgraph::graph {

// NOTE: resolving ids dominates building a large graph, and every probe of a big table is a
// cache miss. std::unordered_map<std::string, ...> costs four dependent misses per lookup
// (bucket, the node before, the node, the key's heap buffer); this open-addressing table
// costs two: the entry, which holds a hash tag and the offset of its id, then the id bytes,
// copied once per node into one arena.
class IdIndex {
 public:
  // The slot of `id`, or k_no_node.
  [[nodiscard]] NodeIndex find(std::string_view id) const;

  // Gives `id` the next slot (slots count up from 0 in insertion order) unless it is present.
  // Returns its slot and whether it was added.
  std::pair<NodeIndex, bool> insert(std::string_view id);

  // True when `slot` holds exactly `id`; cheap for a slot looked up recently.
  [[nodiscard]] bool holds(NodeIndex slot, std::string_view id) const;

  [[nodiscard]] std::size_t size() const { return m_offsets.size(); }

 private:
  struct Entry {
    std::uint32_t tag = 0;       // high half of the id's hash
    NodeIndex slot = k_no_node;  // k_no_node: empty
    std::uint64_t offset = 0;    // where the id starts in m_bytes
  };

  // The entry holding `id`, or the empty entry where it would go.
  [[nodiscard]] std::size_t probe(std::string_view id, std::uint64_t hash) const;
  [[nodiscard]] std::string_view id_at(std::uint64_t offset) const;
  void grow();

  std::vector<Entry> m_entries;          // power-of-two size, at most half full
  std::vector<char> m_bytes;             // each id as its 4-byte length, then its bytes
  std::vector<std::uint64_t> m_offsets;  // by slot
};

}  // namespace blastgraph::graph
