#pragma once
// A block's body -> its attributes, meta-arguments and references. Nested blocks are read at
// any depth; references record the dotted path of nested block types and attribute names
// that leads to them ("ingress.cidr_blocks").
//
// NOTE: a `dynamic "setting"` block contributes "setting" to that path and its `content`
// block contributes nothing, so a reference has the same attribute path whether the nested
// block is written out or generated: `setting.value` in both cases.

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>

#include "blastgraph/parsers/terraform.hpp"
#include "terraform/block_reader.hpp"
#include "terraform/parse_context.hpp"
#include "terraform/reference_walker.hpp"

namespace blastgraph::terraform {

class BodyReader {
 public:
  BodyReader(ParseContext& context, Block& block)
      : m_context(context), m_block(block), m_walker(context, block.references) {}

  // Reads the body of the top-level block; `depth` is its depth in the syntax tree.
  void read(TSNode body, unsigned depth);

 private:
  void read_top_attribute(TSNode attribute, unsigned depth);
  void read_meta_argument(std::string_view name, TSNode expression,
                          const std::optional<std::string>& literal, unsigned depth);
  void read_nested_body(TSNode body, std::string_view block_type, unsigned depth);
  void read_nested_block(TSNode block, unsigned depth);
  void read_dynamic_block(const BlockHeader& header, unsigned depth);
  void walk_attribute(std::string_view name, TSNode expression, ReferenceContext kind,
                      unsigned depth);
  // Adds the provider reference of a `provider = aws.west` argument; returns "aws.west".
  void read_quoted_references(std::string_view name, TSNode expression);
  std::optional<std::string> read_provider_argument(TSNode expression);
  void read_providers_map(TSNode expression);
  void read_configuration_aliases(TSNode requirement);
  void read_tags(TSNode expression);

  // Opens a nested block in the model: later attributes and blocks go into it until
  // close_nested(returned) restores the enclosing one.
  struct NestedMark {
    NestedBlock* block;
    std::vector<NestedBlock>* sink;
  };
  NestedMark open_nested(const BlockHeader& header);
  void close_nested(NestedMark mark);
  void record_attribute(const AttributeParts& parts);

  // Appends `.component` to the current path; returns the length to truncate back to.
  std::size_t push_path(std::string_view component);

  ParseContext& m_context;
  Block& m_block;
  ReferenceWalker m_walker;
  std::string m_path;
  // Where the nested block being read is recorded (nullptr at the top level) and where its
  // next nested block goes. NOTE: a child is appended only after its previous sibling is
  // complete, so these pointers never dangle.
  NestedBlock* m_nested = nullptr;
  std::vector<NestedBlock>* m_sink = &m_block.blocks;
};

}  // namespace blastgraph::terraform
