#pragma once
// Reading a file whose tree has syntax errors.
//
// tree-sitter's error recovery often lets one error swallow the blocks after it (a stray token
// can make the next `resource` line look like labels of a bogus block). So only intact
// top-level nodes of the tree are trusted; the text between them is cut at lines that start
// a top-level block (`resource "..."`, `module "..." {`, ...) and each piece is parsed again on
// its own. Intact blocks found in the pieces are kept, and the pieces' errors are reported:
// they point at the actual mistake rather than at the end of the file.

#include <tree_sitter/api.h>

#include <vector>

#include "terraform/block_reader.hpp"
#include "terraform/parse_context.hpp"
#include "terraform/ts_handles.hpp"

namespace blastgraph::terraform {

// The children of the tree's top-level body (blocks and attributes), in source order.
[[nodiscard]] std::vector<TSNode> top_level_nodes(ParseContext& context, TSNode root);

// `bounds`: the bytes `root`'s tree was parsed from (the whole text, or one piece of it).
void read_with_recovery(ParseContext& context, Parser& parser, TSNode root,
                        std::vector<ReadBlock>& out, ByteRange bounds);

}  // namespace blastgraph::terraform
