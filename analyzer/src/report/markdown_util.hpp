#pragma once
// Writing untrusted text (ids, messages from input files) into GitHub-flavoured Markdown so it
// renders as itself: no emphasis, links, HTML, mentions or broken tables.

#include <cstddef>
#include <string>
#include <string_view>

namespace blastgraph::analyzer::markdown {

// Where a piece of text goes: a table cell needs its pipes escaped, a list item must not.
enum class Context { inline_text, table_cell };

// Free text: Markdown punctuation that could start markup is backslash-escaped, `<`, `>`, `&`
// become entities, `@` an entity (no mentions), line breaks spaces.
[[nodiscard]] std::string escape_text(std::string_view text, Context context = Context::table_cell);

// A code span holding `text` literally, whatever backticks it contains; pipes escaped in a
// table cell. An empty text gives an empty string.
[[nodiscard]] std::string code(std::string_view text, Context context = Context::table_cell);

// Text inside an HTML element (e.g. <summary>): `<`, `>`, `&`, `"` as entities.
[[nodiscard]] std::string escape_html(std::string_view text);

// `text` cut to at most `max_bytes` (at a UTF-8 boundary) with "…" when it was longer.
[[nodiscard]] std::string clip(std::string_view text, std::size_t max_bytes);

}  // namespace blastgraph::analyzer::markdown
