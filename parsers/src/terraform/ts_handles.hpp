#pragma once
// RAII owners for the tree-sitter C objects, and a child iterator that reuses tree cursors.
// NOTE: children are always visited through a TSTreeCursor. ts_node_child(i) and
// ts_node_next_sibling() rescan the parent from its first child, which makes a walk over a
// body of n blocks O(n^2); a cursor steps in O(1).

#include <tree_sitter/api.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace blastgraph::terraform {

struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

struct ByteRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// Byte offset -> tree-sitter point, for the ranges given to the parser.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  [[nodiscard]] TSPoint point(std::uint32_t byte) const;
  [[nodiscard]] TSRange range(ByteRange bytes) const {
    return {point(bytes.begin), point(bytes.end), bytes.begin, bytes.end};
  }

 private:
  std::vector<std::uint32_t> m_starts;  // of each line
};

// One parser per parse_file call (TSParser is not thread-safe).
class Parser {
 public:
  Parser();
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // Parses all of `text`; null when tree-sitter gives up (it only does when cancelled).
  [[nodiscard]] Tree parse(std::string_view text);
  // Parses only the bytes [range.start_byte, range.end_byte) of `text`; node positions stay
  // those of the whole text.
  [[nodiscard]] Tree parse_range(std::string_view text, const TSRange& range);

 private:
  TSParser* m_parser;
};

// Idle cursors kept for reuse: creating a cursor allocates its stack, resetting one does not.
class CursorPool {
 public:
  CursorPool() = default;
  ~CursorPool();
  CursorPool(const CursorPool&) = delete;
  CursorPool& operator=(const CursorPool&) = delete;

  [[nodiscard]] TSTreeCursor acquire(TSNode node);
  void release(TSTreeCursor cursor);

 private:
  std::vector<TSTreeCursor> m_idle;
};

// A cursor borrowed from a pool for the lifetime of this object.
class PooledCursor {
 public:
  PooledCursor(CursorPool& pool, TSNode node) : m_pool(pool), m_cursor(pool.acquire(node)) {}
  ~PooledCursor() { m_pool.release(m_cursor); }
  PooledCursor(const PooledCursor&) = delete;
  PooledCursor& operator=(const PooledCursor&) = delete;

  [[nodiscard]] TSTreeCursor* get() { return &m_cursor; }

 private:
  CursorPool& m_pool;
  TSTreeCursor m_cursor;
};

// Iterates the direct children of one node:  `for (TSNode c; children.next(c);)`.
class ChildCursor {
 public:
  ChildCursor(CursorPool& pool, TSNode parent) : m_cursor(pool, parent) {}

  bool next(TSNode& child) {
    const bool moved = m_started ? ts_tree_cursor_goto_next_sibling(m_cursor.get())
                                 : ts_tree_cursor_goto_first_child(m_cursor.get());
    m_started = true;
    if (moved) child = ts_tree_cursor_current_node(m_cursor.get());
    return moved;
  }

 private:
  PooledCursor m_cursor;
  bool m_started = false;
};

}  // namespace blastgraph::terraform
