#include "id_index.hpp"

#include <cstring>
#include <functional>
#include <stdexcept>

namespace blastgraph::graph {
namespace {

constexpr std::size_t k_initial_entries = 1024;
constexpr std::size_t k_length_bytes = sizeof(std::uint32_t);

std::uint64_t hash_of(std::string_view id) {
  return std::hash<std::string_view>{}(id);
}

std::uint32_t tag_of(std::uint64_t hash) {
  return static_cast<std::uint32_t>(hash >> 32);
}

}  // namespace

std::string_view IdIndex::id_at(std::uint64_t offset) const {
  std::uint32_t length = 0;
  std::memcpy(&length, m_bytes.data() + offset, k_length_bytes);
  return {m_bytes.data() + offset + k_length_bytes, length};
}

std::size_t IdIndex::probe(std::string_view id, std::uint64_t hash) const {
  const std::size_t mask = m_entries.size() - 1;
  const std::uint32_t tag = tag_of(hash);
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const Entry& entry = m_entries[at];
    if (entry.slot == k_no_node || (entry.tag == tag && id_at(entry.offset) == id)) {
      return at;
    }
  }
}

NodeIndex IdIndex::find(std::string_view id) const {
  if (m_entries.empty()) {
    return k_no_node;
  }
  return m_entries[probe(id, hash_of(id))].slot;
}

bool IdIndex::holds(NodeIndex slot, std::string_view id) const {
  return slot < m_offsets.size() && id_at(m_offsets[slot]) == id;
}

std::pair<NodeIndex, bool> IdIndex::insert(std::string_view id) {
  if (id.size() > UINT32_MAX) {
    throw std::length_error("blastgraph: node id too long");
  }
  if ((m_offsets.size() + 1) * 2 > m_entries.size()) {
    grow();
  }
  const std::uint64_t hash = hash_of(id);
  Entry& entry = m_entries[probe(id, hash)];
  if (entry.slot != k_no_node) {
    return {entry.slot, false};
  }
  const auto length = static_cast<std::uint32_t>(id.size());
  const std::uint64_t offset = m_bytes.size();
  m_bytes.resize(m_bytes.size() + k_length_bytes + id.size());
  std::memcpy(m_bytes.data() + offset, &length, k_length_bytes);
  std::memcpy(m_bytes.data() + offset + k_length_bytes, id.data(), id.size());
  entry = {tag_of(hash), static_cast<NodeIndex>(m_offsets.size()), offset};
  m_offsets.push_back(offset);
  return {entry.slot, true};
}

// Doubles the table and re-places every id, walking them in slot order so the arena is read
// sequentially.
void IdIndex::grow() {
  const std::size_t size = m_entries.empty() ? k_initial_entries : m_entries.size() * 2;
  m_entries.assign(size, Entry{});
  const std::size_t mask = size - 1;
  for (std::size_t slot = 0; slot < m_offsets.size(); ++slot) {
    const std::uint64_t hash = hash_of(id_at(m_offsets[slot]));
    std::size_t at = hash & mask;
    while (m_entries[at].slot != k_no_node) {
      at = (at + 1) & mask;
    }
    m_entries[at] = {tag_of(hash), static_cast<NodeIndex>(slot), m_offsets[slot]};
  }
}

}  // namespace blastgraph::graph
