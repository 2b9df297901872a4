#pragma once
// Walks JSON text one token at a time, in step with nlohmann's SAX events, and keeps line:col
// as it goes so each position costs only the bytes since the previous one. JSON separates
// tokens only by whitespace, ':' and ',', so the n-th SAX event is always the n-th token.
// Columns count bytes, as the Terraform parser's do.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "blastgraph/core/source_span.hpp"

namespace blastgraph::iam::json {

// How positions in a text relate to the file the text came from.
struct Placement {
  std::string_view file;
  SourcePosition start{1, 1};  // where the text's first character is in `file`
  // When true every position is `start`: the text was decoded from a JSON string (escapes,
  // URL encoding), so offsets inside it say nothing about the file.
  bool collapse = false;
};

class TokenCursor {
 public:
  TokenCursor(std::string_view text, const Placement& placement);

  // Position of the next token; moves past it.
  SourcePosition take();

  // The text of the token take() last moved past.
  [[nodiscard]] std::string_view last_token() const { return m_last_token; }

  // Where the token the parser failed on starts, given the offset of the last byte it read:
  // the last token from the cursor on that starts at or before that byte. Pointing at the
  // token's start rather than at the byte keeps "missing comma" errors on the unexpected key.
  [[nodiscard]] SourcePosition error_position(std::size_t last_read) const;

 private:
  [[nodiscard]] SourcePosition position_of(std::size_t offset) const;
  [[nodiscard]] std::size_t token_end(std::size_t start) const;
  void advance_to(std::size_t offset);
  [[nodiscard]] SourcePosition placed(std::uint32_t line, std::uint32_t column) const;

  std::string_view m_text;
  std::string_view m_last_token;
  Placement m_placement;
  std::size_t m_offset = 0;
  std::uint32_t m_line = 1;
  std::uint32_t m_column = 1;
};

}  // namespace blastgraph::iam::json
