// `<<` merge keys (https://yaml.org/type/merge.html), resolved once while loading so that
// readers of the tree never see them.

#include <string>
#include <unordered_set>

#include "kubernetes/yaml_builder.hpp"

namespace blastgraph::yaml::detail {
namespace {

// Scalar keys already present in the mapping being built. Non-scalar keys never collide in
// Kubernetes documents, so they are always kept.
class KeySet {
 public:
  explicit KeySet(const Arena& arena) : m_arena(arena) {}

  bool contains(std::uint32_t key) const {
    const NodeRecord& r = m_arena.record(key);
    return r.kind == NodeKind::scalar && m_keys.contains(m_arena.scalar_text(r));
  }
  void insert(std::uint32_t key) {
    const NodeRecord& r = m_arena.record(key);
    if (r.kind == NodeKind::scalar) m_keys.insert(m_arena.scalar_text(r));
  }

 private:
  const Arena& m_arena;
  std::unordered_set<std::string_view> m_keys;
};

void warn(std::vector<Problem>& warnings, const NodeRecord& where, std::string message) {
  warnings.push_back(
      Problem{Severity::warning, "yaml-merge", std::move(message), {where.line, where.column}});
}

// Appends the entries of `source` (already merged itself) that no earlier key claims.
void merge_mapping(const Arena& arena, std::uint32_t source, KeySet& seen,
                   std::vector<std::uint32_t>& out) {
  const NodeRecord& r = arena.record(source);
  for (std::uint32_t i = 0; i + 1 < r.count; i += 2) {
    std::uint32_t key = arena.children[r.first + i];
    if (seen.contains(key)) continue;
    seen.insert(key);
    out.push_back(key);
    out.push_back(arena.children[r.first + i + 1]);
  }
}

void merge_value(const Arena& arena, std::uint32_t value, KeySet& seen,
                 std::vector<std::uint32_t>& out, std::vector<Problem>& warnings) {
  const NodeRecord& r = arena.record(value);
  if (r.kind == NodeKind::mapping) {
    merge_mapping(arena, value, seen, out);
    return;
  }
  if (r.kind != NodeKind::sequence) {
    warn(warnings, r, "the value of a '<<' merge key must be a mapping or a list of mappings");
    return;
  }
  // Earlier mappings in the list win, which is what processing them in order gives.
  for (std::uint32_t i = 0; i < r.count; ++i) {
    std::uint32_t item = arena.children[r.first + i];
    if (arena.record(item).kind == NodeKind::mapping) {
      merge_mapping(arena, item, seen, out);
    } else {
      warn(warnings, arena.record(item), "a '<<' merge list may only hold mappings");
    }
  }
}

}  // namespace

bool is_merge_key(const Arena& arena, std::uint32_t key) {
  const NodeRecord& r = arena.record(key);
  if (r.kind != NodeKind::scalar || arena.scalar_text(r) != "<<") return false;
  return (r.style == ScalarStyle::plain && r.tag == ScalarTag::none) || r.tag == ScalarTag::merge;
}

void resolve_merge_keys(const Arena& arena, std::vector<std::uint32_t>& entries,
                        std::vector<Problem>& warnings) {
  // Explicit keys win wherever they appear, so collect them all before merging anything.
  KeySet seen(arena);
  for (std::size_t i = 0; i + 1 < entries.size(); i += 2) {
    if (!is_merge_key(arena, entries[i])) seen.insert(entries[i]);
  }
  std::vector<std::uint32_t> out;
  out.reserve(entries.size());
  for (std::size_t i = 0; i + 1 < entries.size(); i += 2) {
    if (is_merge_key(arena, entries[i])) {
      merge_value(arena, entries[i + 1], seen, out, warnings);
    } else {
      out.push_back(entries[i]);
      out.push_back(entries[i + 1]);
    }
  }
  entries.swap(out);
}

}  // namespace blastgraph::yaml::detail
