#include "terraform/block_reader.hpp"

#include <algorithm>
#include <string>

#include "terraform/block_kinds.hpp"
#include "terraform/body_reader.hpp"
#include "terraform/normalize.hpp"
#include "terraform/reference_walker.hpp"
#include "terraform/values.hpp"

namespace blastgraph::terraform {
namespace {

void sort_references(std::vector<Reference>& references) {
  std::sort(references.begin(), references.end(), [](const Reference& a, const Reference& b) {
    if (a.position != b.position) return a.position < b.position;
    return a < b;
  });
}

SourceSpan span_of(ParseContext& context, TSNode node) {
  return {std::string(context.path()), start_position(node).line, last_line(node)};
}

std::string label(ParseContext& context, const BlockHeader& header, std::size_t index) {
  return key_text(context, header.labels.at(index));
}

// "aws_instance.web", "data.aws_ami.ubuntu", "module.net", ... as terraform.hpp lists them.
std::string address_of(BlockKind kind, const Block& block) {
  switch (kind) {
    case BlockKind::resource:
      return block.type + '.' + block.name;
    case BlockKind::data:
      return "data." + block.type + '.' + block.name;
    case BlockKind::ephemeral:
      return "ephemeral." + block.type + '.' + block.name;
    case BlockKind::module:
      return "module." + block.name;
    case BlockKind::variable:
      return "var." + block.name;
    case BlockKind::local:
      return "local." + block.name;
    case BlockKind::output:
      return "output." + block.name;
    case BlockKind::provider:
      return block.name.empty() ? "provider." + block.type
                                : "provider." + block.type + '.' + block.name;
    case BlockKind::terraform:
      return "terraform";
    case BlockKind::moved:
      return "moved";
    case BlockKind::removed:
      return "removed";
    case BlockKind::import:
      return "import";
    case BlockKind::check:
      return "check." + block.name;
    case BlockKind::unknown:
      break;
  }
  return block.type;
}

bool has_expected_labels(ParseContext& context, const BlockHeader& header,
                         const BlockKindInfo& info) {
  if (header.label_count == info.label_count) return true;
  context.report(start_position(header.node), Severity::error, "hcl-block-labels",
                 "'" + std::string(info.type) + "' block needs " + std::string(info.labels) +
                     ", found " + std::to_string(header.label_count) + " label" +
                     (header.label_count == 1 ? "" : "s") + "; block skipped");
  return false;
}

void name_block(ParseContext& context, const BlockHeader& header, BlockKind kind, Block& block) {
  block.kind = kind;
  if (kind == BlockKind::resource || kind == BlockKind::data || kind == BlockKind::ephemeral) {
    block.type = label(context, header, 0);
    block.name = label(context, header, 1);
  } else if (kind == BlockKind::provider) {
    block.type = label(context, header, 0);
  } else if (kind == BlockKind::unknown) {
    block.type = header.type;
    const std::size_t kept = std::min(header.label_count, header.labels.size());
    for (std::size_t i = 0; i < kept; ++i) {
      block.name = label(context, header, i);  // the last label names it
    }
  } else if (header.label_count == 1) {
    block.name = label(context, header, 0);
  }
}

// An unknown block is addressed by its type and labels: `removed`, `foo.x`.
std::string unknown_address(ParseContext& context, const BlockHeader& header) {
  std::string address(header.type);
  const std::size_t kept = std::min(header.label_count, header.labels.size());
  for (std::size_t i = 0; i < kept; ++i) address += '.' + label(context, header, i);
  return address;
}

void read_locals(ParseContext& context, const BlockHeader& header, std::vector<ReadBlock>& out) {
  if (ts_node_is_null(header.body)) return;
  ChildCursor entries(context.cursors(), header.body);
  for (TSNode entry; entries.next(entry);) {
    if (ts_node_symbol(entry) != context.syntax().attribute) continue;
    const AttributeParts parts = read_attribute_parts(context, entry);
    if (ts_node_is_null(parts.expression)) continue;
    ReadBlock read{ts_node_start_byte(entry), {}};
    Block& block = read.block;
    block.kind = BlockKind::local;
    block.name = parts.name;
    block.address = "local." + block.name;
    block.span = span_of(context, entry);
    block.attributes.emplace(block.name, make_value(context, parts.expression));
    ReferenceWalker walker(context, block.references);
    walker.walk(parts.expression, parts.name, ReferenceContext::expression, 2);
    sort_references(block.references);
    block.normalized_text = normalized_text(context, entry);
    out.push_back(std::move(read));
  }
}

void read_block(ParseContext& context, const BlockHeader& header, BlockKind kind,
                std::vector<ReadBlock>& out) {
  ReadBlock read{ts_node_start_byte(header.node), {}};
  Block& block = read.block;
  name_block(context, header, kind, block);
  block.span = span_of(context, header.node);
  if (!ts_node_is_null(header.body)) {
    BodyReader reader(context, block);
    reader.read(header.body, 2);
  }
  block.address =
      kind == BlockKind::unknown ? unknown_address(context, header) : address_of(kind, block);
  sort_references(block.references);
  const bool documented = kind == BlockKind::variable || kind == BlockKind::output;
  block.normalized_text =
      normalized_text(context, header.node, documented ? &block.documentation_text : nullptr);
  out.push_back(std::move(read));
}

}  // namespace

BlockHeader read_block_header(ParseContext& context, TSNode block) {
  const Grammar& g = context.syntax();
  BlockHeader header;
  header.node = block;
  bool seen_type = false;
  ChildCursor children(context.cursors(), block);
  for (TSNode child; children.next(child);) {
    const TSSymbol symbol = ts_node_symbol(child);
    if (symbol == g.identifier && !seen_type) {
      header.type = context.text_of(child);
      seen_type = true;
    } else if (symbol == g.identifier || symbol == g.string_lit) {
      if (header.label_count < header.labels.size()) header.labels.at(header.label_count) = child;
      ++header.label_count;
    } else if (symbol == g.body) {
      header.body = child;
    }
  }
  return header;
}

AttributeParts read_attribute_parts(ParseContext& context, TSNode attribute) {
  const Grammar& g = context.syntax();
  AttributeParts parts;
  ChildCursor children(context.cursors(), attribute);
  for (TSNode child; children.next(child);) {
    const TSSymbol symbol = ts_node_symbol(child);
    if (symbol == g.identifier && parts.name.empty()) parts.name = context.text_of(child);
    if (symbol == g.expression) parts.expression = child;
  }
  return parts;
}

void read_top_level(ParseContext& context, TSNode node, std::vector<ReadBlock>& out) {
  const Grammar& g = context.syntax();
  const TSSymbol symbol = ts_node_symbol(node);
  if (symbol == g.attribute) {
    const AttributeParts parts = read_attribute_parts(context, node);
    context.report(start_position(node), Severity::warning, "hcl-top-level-attribute",
                   "argument '" + std::string(parts.name) + "' outside any block is ignored");
    return;
  }
  if (symbol != g.block) return;
  const BlockHeader header = read_block_header(context, node);
  const std::optional<BlockKindInfo> info = find_block_kind(header.type);
  if (!info) {
    const bool unsupported = is_unsupported_block_type(header.type);
    context.report(start_position(node), unsupported ? Severity::note : Severity::warning,
                   unsupported ? "hcl-unsupported-block" : "hcl-unknown-block",
                   (unsupported ? "block type '" : "unknown block type '") +
                       std::string(header.type) +
                       (unsupported ? "' is not modelled; kept as unknown" : "'"));
    read_block(context, header, BlockKind::unknown, out);
  } else if (has_expected_labels(context, header, *info)) {
    if (info->kind == BlockKind::local) {
      read_locals(context, header, out);
    } else {
      read_block(context, header, info->kind, out);
    }
  }
}

}  // namespace blastgraph::terraform
