#pragma once
// YAML loading: one file's text -> its documents as read-only trees, plus diagnostics.
//
// Every node carries its 1-based line:column. Scalars keep their text and style, so a quoted
// "true" stays a string while a plain `yes` can be read as a YAML 1.1 boolean where Kubernetes
// reads booleans. Mapping entries keep their order.
//
// Aliases are not copied: an alias is the anchored node itself, so a document is a DAG that
// reads as a tree. The number of nodes a full walk would visit is bounded (see Limits), so an
// alias bomb is refused with a diagnostic instead of being expanded. `<<` merge keys are
// resolved while loading; the `<<` entry itself never appears.
//
// Never throws on bad input: a syntax error becomes a diagnostic, the documents before it are
// kept, and reading resumes at the next `---` line.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/core/source_span.hpp"

namespace blastgraph::yaml {

enum class NodeKind : std::uint8_t { none, scalar, sequence, mapping };

enum class ScalarStyle : std::uint8_t { plain, single_quoted, double_quoted, literal, folded };

namespace detail {
struct Arena;
struct StreamAccess;  // builds streams from rendered trees (kustomize)
}  // namespace detail

// A handle to a node of a loaded Stream; valid while that Stream lives. A default-constructed
// Node (kind none) is what lookups return when nothing is there, so chains like
// `doc.find("spec").find("template")` never need a check in between.
class Node {
 public:
  Node() = default;

  [[nodiscard]] NodeKind kind() const;
  [[nodiscard]] bool valid() const { return m_arena != nullptr; }
  explicit operator bool() const { return valid(); }
  [[nodiscard]] bool is_scalar() const { return kind() == NodeKind::scalar; }
  [[nodiscard]] bool is_sequence() const { return kind() == NodeKind::sequence; }
  [[nodiscard]] bool is_mapping() const { return kind() == NodeKind::mapping; }

  // Where the node starts, and the last line it covers (1-based).
  [[nodiscard]] SourcePosition position() const;
  [[nodiscard]] std::uint32_t last_line() const;

  // Scalars: the text after unescaping and folding; empty for other kinds.
  [[nodiscard]] std::string_view scalar() const;
  [[nodiscard]] ScalarStyle style() const;
  // True for plain scalars without an explicit tag: only those resolve to null/bool/number.
  [[nodiscard]] bool is_plain() const;
  // A plain `~`, `null`, `Null`, `NULL` or empty scalar, or no node at all.
  [[nodiscard]] bool is_null() const;
  // A scalar with text that is not null: what Kubernetes accepts for a name or a kind.
  [[nodiscard]] bool is_text() const { return is_scalar() && !is_null(); }
  // YAML 1.1 booleans (y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|
  // on|On|ON|off|Off|OFF) for plain scalars, or any scalar tagged !!bool; nullopt otherwise.
  [[nodiscard]] std::optional<bool> as_bool() const;

  // Sequences: number of items; mappings: number of entries; 0 otherwise.
  [[nodiscard]] std::size_t size() const;
  // Sequences: item `i`. Precondition: i < size().
  [[nodiscard]] Node item(std::size_t i) const;
  // Mappings: key and value of entry `i`, in source order. Precondition: i < size().
  [[nodiscard]] Node key(std::size_t i) const;
  [[nodiscard]] Node value(std::size_t i) const;
  // Mappings: the value of the first entry whose scalar key equals `key`; an invalid Node
  // when absent or when this is not a mapping.
  [[nodiscard]] Node find(std::string_view key) const;

 private:
  friend struct detail::Arena;
  Node(const detail::Arena* arena, std::uint32_t index) : m_arena(arena), m_index(index) {}

  const detail::Arena* m_arena = nullptr;
  std::uint32_t m_index = 0;
};

// One non-empty document of a stream.
struct Document {
  Node root;
  std::size_t index = 0;         // 0-based among the stream's non-empty documents
  std::uint32_t first_line = 0;  // of the `---` marker when there is one, else of the root
  std::uint32_t last_line = 0;
};

struct Limits {
  // Nodes a full walk of the stream may visit, aliases expanded, on top of one per input
  // byte (text written out can never exceed that; only aliases can).
  std::size_t max_expanded_nodes = 1'000'000;
  std::size_t max_depth = 512;  // nesting, aliases included
  std::size_t max_document_chars = std::size_t{16} << 20U;
};

// Diagnostic codes: yaml-syntax (error), yaml-alias-limit, yaml-too-deep, yaml-too-large
// (errors; the document concerned is dropped), yaml-merge (warning; the bad merge is ignored),
// yaml-undefined-alias (error; the document is dropped).
class Stream {
 public:
  Stream();
  Stream(Stream&&) noexcept;
  Stream& operator=(Stream&&) noexcept;
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;
  ~Stream();

  std::vector<Document> documents;
  std::vector<Diagnostic> diagnostics;

 private:
  friend Stream load(std::string_view path, std::string_view text, const Limits& limits);
  friend struct detail::StreamAccess;
  std::unique_ptr<detail::Arena> m_arena;  // owns every node; Nodes point into it
};

// Loads every document of `text` (UTF-8, UTF-16 with a BOM, or JSON). `path` is only used in
// diagnostics. Never throws on bad input; thread-safe.
[[nodiscard]] Stream load(std::string_view path, std::string_view text, const Limits& limits = {});

}  // namespace blastgraph::yaml
