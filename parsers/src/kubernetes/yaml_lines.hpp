#pragma once
// Private: lines as YAML counts them. CR LF, a lone CR, LF, NEL, LS and PS each end a line;
// libyaml (and so kubectl) numbers lines that way, so every position of a YAML file, whether
// libyaml gives it or it is computed from a byte offset, is counted on these lines.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "blastgraph/core/source_span.hpp"

namespace blastgraph::yaml::detail {

// The byte length of the line break at `text[i]`, or 0.
[[nodiscard]] inline std::size_t break_width(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0U;
  };
  if (byte(i) == '\r') return byte(i + 1) == '\n' ? 2 : 1;
  if (byte(i) == '\n') return 1;
  if (byte(i) == 0xC2 && byte(i + 1) == 0x85) return 2;
  if (byte(i) == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0xA8 || byte(i + 2) == 0xA9)) {
    return 3;
  }
  return 0;
}

// The position of byte `offset` of `text`, whose first line is line `line_base + 1`. Columns
// count characters, not UTF-8 continuation bytes.
[[nodiscard]] inline SourcePosition position_at(std::string_view text, std::size_t offset,
                                                std::uint32_t line_base = 0) {
  SourcePosition position{line_base + 1, 1};
  for (std::size_t i = 0; i < offset && i < text.size();) {
    if (const std::size_t width = break_width(text, i); width != 0) {
      ++position.line;
      position.column = 1;
      i += width;
      continue;
    }
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) ++position.column;
    ++i;
  }
  return position;
}

}  // namespace blastgraph::yaml::detail
