#include "terraform/grammar.hpp"

#include <cstring>

namespace blastgraph::terraform {
namespace {

TSSymbol named_symbol(const TSLanguage* language, const char* name) {
  return ts_language_symbol_for_name(language, name, static_cast<std::uint32_t>(std::strlen(name)),
                                     true);
}

Grammar resolve_grammar() {
  const TSLanguage* language = tree_sitter_hcl();
  Grammar g;
  g.config_file = named_symbol(language, "config_file");
  g.body = named_symbol(language, "body");
  g.block = named_symbol(language, "block");
  g.attribute = named_symbol(language, "attribute");
  g.identifier = named_symbol(language, "identifier");
  g.string_lit = named_symbol(language, "string_lit");
  g.expression = named_symbol(language, "expression");
  g.variable_expr = named_symbol(language, "variable_expr");
  g.get_attr = named_symbol(language, "get_attr");
  g.index = named_symbol(language, "index");
  g.splat = named_symbol(language, "splat");
  g.for_intro = named_symbol(language, "for_intro");
  g.for_tuple_expr = named_symbol(language, "for_tuple_expr");
  g.for_object_expr = named_symbol(language, "for_object_expr");
  g.collection_value = named_symbol(language, "collection_value");
  g.object = named_symbol(language, "object");
  g.tuple = named_symbol(language, "tuple");
  g.object_elem = named_symbol(language, "object_elem");
  g.literal_value = named_symbol(language, "literal_value");
  g.numeric_lit = named_symbol(language, "numeric_lit");
  g.bool_lit = named_symbol(language, "bool_lit");
  g.template_expr = named_symbol(language, "template_expr");
  g.quoted_template = named_symbol(language, "quoted_template");
  g.heredoc_template = named_symbol(language, "heredoc_template");
  g.heredoc_identifier = named_symbol(language, "heredoc_identifier");
  g.template_literal = named_symbol(language, "template_literal");
  g.template_interpolation = named_symbol(language, "template_interpolation");
  g.template_directive = named_symbol(language, "template_directive");
  g.template_for = named_symbol(language, "template_for");
  g.template_for_start = named_symbol(language, "template_for_start");
  g.quoted_template_end = named_symbol(language, "quoted_template_end");
  g.comment = named_symbol(language, "comment");
  return g;
}

}  // namespace

const Grammar& grammar() {
  static const Grammar resolved = resolve_grammar();
  return resolved;
}

}  // namespace blastgraph::terraform
