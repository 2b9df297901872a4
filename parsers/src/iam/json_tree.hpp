#pragma once
// JSON text -> a small tree whose every value and key knows its line:col.
//
// nlohmann's DOM has no positions, so the tree is built from its SAX events while a
// TokenCursor walks the same text token by token.
//
// On a syntax error the tree built so far is kept; containers left open are marked
// incomplete so readers can skip a statement that was cut short.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/core/source_span.hpp"
#include "iam/token_cursor.hpp"

namespace blastgraph::iam::json {

enum class Kind : unsigned char { null, boolean, number, string, array, object };

struct Member;

struct Node {
  Kind kind = Kind::null;
  std::string text;  // string: the decoded value; number, boolean, null: the literal as written
  std::vector<Member> members;  // objects, in source order (duplicate keys kept)
  std::vector<Node> items;      // arrays
  SourcePosition position;
  // False for a container the input ended (or failed) inside, and for the value of a key
  // the input ended right after (kind null).
  bool complete = true;

  [[nodiscard]] bool is_object() const { return kind == Kind::object; }
  [[nodiscard]] bool is_array() const { return kind == Kind::array; }
  [[nodiscard]] bool is_string() const { return kind == Kind::string; }
  // The value of the first member named `key`, or nullptr.
  [[nodiscard]] const Node* find(std::string_view key) const;
};

struct Member {
  std::string key;
  SourcePosition key_position;
  Node value;
};

// Nesting deeper than this is refused with `iam-too-deep`. Policies nest about eight deep.
inline constexpr std::size_t k_max_depth = 64;
// Values beyond this are refused with `iam-too-large`, bounding memory on hostile input.
inline constexpr std::size_t k_max_nodes = std::size_t{4} << 20U;

struct ParsedTree {
  Node root;
  bool has_root = false;  // false when not even the first token could be read
  std::vector<Diagnostic> diagnostics;
};

[[nodiscard]] ParsedTree parse_tree(std::string_view text, const Placement& placement);

}  // namespace blastgraph::iam::json
