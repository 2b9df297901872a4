#pragma once
// Bounding the memory of one parse. tree-sitter keeps every node of a tree alive (a few
// hundred bytes each) until the tree is deleted, so a file is parsed in top-level pieces of at
// most a budget of tokens, each tree read and deleted before the next. A single top-level
// construct over the budget (a 16 MB one-line list) is not parsed at all.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace blastgraph::terraform {

// Measured on generated configurations: ~2.5 nodes per token and ~200 bytes per node, so
// ~100 MB for the largest tree (a whole-file parse of 16 MB of HCL took 1.5 GB).
inline constexpr std::size_t k_max_tokens_per_parse = 200'000;

struct TextPiece {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::size_t tokens = 0;
  bool oversized = false;  // one top-level construct with more than the budget
};

// The pieces of `text`, in order, covering it: cut only at line starts outside any brace,
// string, heredoc or comment, each holding at most `budget` tokens unless it is one
// construct that holds more (`oversized`). One piece for a file within the budget. Tokens
// are counted as the HCL lexer reads them, closely enough: a word, a number, a punctuation
// mark, a comment, a run of literal text in a string or heredoc.
[[nodiscard]] std::vector<TextPiece> split_for_budget(std::string_view text, std::size_t budget);

}  // namespace blastgraph::terraform
