// Entry point of the terraform parser: one parse of the whole file, then the top-level blocks
// are read from the tree (or, when it has syntax errors, recovered piece by piece).

#include <algorithm>
#include <cstdint>
#include <exception>
#include <limits>
#include <string>

#include "blastgraph/parsers/terraform.hpp"
#include "terraform/block_reader.hpp"
#include "terraform/json_syntax.hpp"
#include "terraform/parse_context.hpp"
#include "terraform/recovery.hpp"
#include "terraform/text_pieces.hpp"
#include "terraform/ts_handles.hpp"

namespace blastgraph::terraform {
namespace {

// tree-sitter addresses text with 32-bit offsets.
constexpr std::size_t k_max_text_bytes = std::numeric_limits<std::uint32_t>::max();

void read_root(ParseContext& context, Parser& parser, const Tree& tree, ByteRange bounds,
               std::vector<ReadBlock>& blocks) {
  if (!tree) {
    context.report({}, Severity::error, "hcl-syntax", "the parser gave up on this file");
    return;
  }
  const TSNode root = ts_tree_root_node(tree.get());
  if (ts_node_has_error(root)) {
    read_with_recovery(context, parser, root, blocks, bounds);
  } else {
    for (TSNode node : top_level_nodes(context, root)) read_top_level(context, node, blocks);
  }
}

// The file in pieces of at most k_max_tokens_per_parse tokens (text_pieces.hpp), each tree
// read and freed before the next; one piece when it fits.
void read_pieces(ParseContext& context, Parser& parser, std::string_view text,
                 std::vector<ReadBlock>& blocks) {
  const auto pieces = split_for_budget(text, k_max_tokens_per_parse);
  const auto whole = ByteRange{0, static_cast<std::uint32_t>(text.size())};
  if (pieces.size() == 1 && !pieces.front().oversized) {
    read_root(context, parser, parser.parse(text), whole, blocks);
    return;
  }
  const LineIndex lines(text);
  for (const TextPiece& piece : pieces) {
    const ByteRange bytes{piece.begin, piece.end};
    if (!piece.oversized) {
      read_root(context, parser, parser.parse_range(text, lines.range(bytes)), bytes, blocks);
      continue;
    }
    const TSPoint start = lines.point(piece.begin);
    context.report({start.row + 1, start.column + 1}, Severity::error, "hcl-too-many-tokens",
                   "this top-level construct has about " + std::to_string(piece.tokens) +
                       " tokens, more than the " + std::to_string(k_max_tokens_per_parse) +
                       " one parse may hold (a bound on memory); it is not read");
  }
}

File parse_text(std::string_view path, std::string_view text) {
  File file;
  file.path = path;
  ParseContext context(path, text);
  if (text.size() >= k_max_text_bytes) {
    context.report({}, Severity::error, "hcl-too-large", "file is too large to parse");
  } else {
    Parser parser;
    std::vector<ReadBlock> blocks;
    read_pieces(context, parser, text, blocks);
    // Recovered pieces are read after the intact blocks around them.
    std::stable_sort(blocks.begin(), blocks.end(), [](const ReadBlock& a, const ReadBlock& b) {
      return a.start_byte < b.start_byte;
    });
    file.blocks.reserve(blocks.size());
    for (ReadBlock& read : blocks) file.blocks.push_back(std::move(read.block));
  }
  context.report_omitted_syntax_errors();
  file.diagnostics = context.take_diagnostics();
  sort_diagnostics(file.diagnostics);
  return file;
}

}  // namespace

File parse_native_syntax(std::string_view path, std::string_view text) {
  return parse_text(path, text);
}

File parse_file(std::string_view path, std::string_view text) {
  // NOTE: the readers only throw std::bad_alloc; the contract is to never throw, so it becomes
  // a diagnostic here, once, at the boundary.
  try {
    if (path.ends_with(".tf.json")) return parse_json_syntax(path, text);
    return parse_text(path, text);
  } catch (const std::exception& error) {
    File file;
    file.path = path;
    Diagnostic aborted{std::string(path), {}, Severity::error, "hcl-internal", "parse aborted: "};
    aborted.message += error.what();
    file.diagnostics.push_back(std::move(aborted));
    return file;
  } catch (...) {
    return File{std::string(path), {}, {}};
  }
}

}  // namespace blastgraph::terraform
