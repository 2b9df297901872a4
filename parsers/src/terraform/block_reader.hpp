#pragma once
// Top-level blocks -> Block models. A `locals` block yields one Block per entry; a block with
// the wrong number of labels yields none and an `hcl-block-labels` error.

#include <tree_sitter/api.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "blastgraph/parsers/terraform.hpp"
#include "terraform/parse_context.hpp"

namespace blastgraph::terraform {

// A block read from the file, with where it starts so blocks from several trees can be put
// back in source order.
struct ReadBlock {
  std::uint32_t start_byte = 0;
  Block block;
};

// The parts of a `block` node: `type "label" "label" { body }`.
struct BlockHeader {
  TSNode node{};
  std::string_view type;
  std::array<TSNode, 3> labels{};  // the first three labels
  std::size_t label_count = 0;     // all labels, also those not kept
  TSNode body{};                   // null for an empty block
};

[[nodiscard]] BlockHeader read_block_header(ParseContext& context, TSNode block);

// The parts of an `attribute` node: `name = expression`.
struct AttributeParts {
  std::string_view name;
  TSNode expression{};
};

[[nodiscard]] AttributeParts read_attribute_parts(ParseContext& context, TSNode attribute);

// Reads one child of the file's top-level body (a block, or a stray attribute, which is
// reported and skipped) and appends what it declares to `out`.
void read_top_level(ParseContext& context, TSNode node, std::vector<ReadBlock>& out);

}  // namespace blastgraph::terraform
