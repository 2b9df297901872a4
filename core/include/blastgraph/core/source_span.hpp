#pragma once
// A place in an input file. Lines and columns are 1-based; 0 means "unknown".

#include <compare>
#include <cstdint>
#include <string>

#include "blastgraph/core/symbol.hpp"

namespace blastgraph {

struct SourcePosition {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  auto operator<=>(const SourcePosition&) const = default;
};

struct SourceSpan {
  Symbol file;  // path relative to the scanned root, '/' separated
  std::uint32_t first_line = 0;
  std::uint32_t last_line = 0;
  auto operator<=>(const SourceSpan&) const = default;

  // True when the span covers `line` of `path`.
  [[nodiscard]] bool contains(const std::string& path, std::uint32_t line) const {
    return path == file && line >= first_line && line <= last_line;
  }
};

}  // namespace blastgraph
