#pragma once
// A mutable YAML tree for rendering kustomizations. yaml::Node is read-only (an arena shared
// by aliases), while kustomize edits documents: names, namespaces, labels, patches. Every
// node keeps the position it was read at, so the objects read back from a rendered tree
// still point into the file where their fields are written.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "blastgraph/core/source_span.hpp"
#include "blastgraph/parsers/yaml.hpp"

namespace blastgraph::kubernetes::kustomize {

struct TreeEntry;

struct Tree {
  enum class Kind : std::uint8_t { scalar, sequence, mapping };

  Kind kind = Kind::scalar;
  std::string text;  // scalars
  yaml::ScalarStyle style = yaml::ScalarStyle::plain;
  bool tagged = false;  // an explicit tag: a plain-looking scalar that is not plain
  std::vector<Tree> items;                           // sequences
  std::vector<TreeEntry> entries;  // mappings, in order; scalar keys only
  SourcePosition position;
  std::uint32_t last_line = 0;
  // Where the key this node is the value of is written (annotation evidence points there).
  SourcePosition key_position;

  // A string as kustomize writes one: quoted, so "5432" or "true" stay strings.
  [[nodiscard]] static Tree string(std::string text, SourcePosition at = {});
  [[nodiscard]] static Tree mapping(SourcePosition at = {});
  [[nodiscard]] static Tree sequence(SourcePosition at = {});

  [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
  [[nodiscard]] bool is_mapping() const { return kind == Kind::mapping; }
  [[nodiscard]] bool is_sequence() const { return kind == Kind::sequence; }
  // Plain `~`, `null` or empty, as YAML reads them.
  [[nodiscard]] bool is_null() const;

  // Mappings: the value under `key`, or nullptr.
  [[nodiscard]] const Tree* find(std::string_view key) const;
  [[nodiscard]] Tree* find(std::string_view key);
  // The value under `key`, created as an empty mapping when absent (and when this node is a
  // null scalar, it becomes a mapping first).
  Tree& ensure(std::string_view key, Kind kind = Kind::mapping);
  void set(std::string_view key, Tree value);
  void erase(std::string_view key);
  // The scalar text under a path of keys, or "" when anything is missing.
  [[nodiscard]] std::string_view text_at(std::initializer_list<std::string_view> path) const;
};

// A mapping's entry, with std::pair's member names: a std::pair holding a Tree cannot be a
// member of Tree with every standard library (Tree is incomplete there).
struct TreeEntry {
  TreeEntry(std::string key, Tree value) : first(std::move(key)), second(std::move(value)) {}
  std::string first;
  Tree second;
};

// Copies a loaded node (aliases expanded; the loader bounds their cost). Entries with
// collection keys are dropped: no Kubernetes field has one.
[[nodiscard]] Tree from_yaml(yaml::Node node);

// Structural equality: same kinds, texts, entries in any order, items in order. Positions
// and scalar styles are ignored, so `5432` and "5432" are equal.
[[nodiscard]] bool same_content(const Tree& a, const Tree& b);

// JSON text of the tree, keys sorted as Go's encoding/json writes a map (used by the name
// hash) when `sort_keys`; scalars are JSON strings unless they are plain numbers, booleans or
// null.
enum class KeyOrder { as_written, sorted };
[[nodiscard]] std::string to_json(const Tree& tree, KeyOrder order);

// A loaded stream whose nodes are the trees' nodes, with their positions: what the manifest
// extractors read. One document per tree, in order.
[[nodiscard]] yaml::Stream to_stream(const std::vector<const Tree*>& documents);

}  // namespace blastgraph::kubernetes::kustomize
