#pragma once
// Expression -> references. Walks every sub-expression (function arguments, collections,
// conditionals, operations, for expressions, template interpolations and directives, index
// keys) and normalizes each traversal to its subject as described in terraform.hpp.
//
// Iterator symbols (for-expression and %{ for } variables, dynamic block iterators) are kept in
// a scope stack; a traversal rooted at one of them is not a reference.

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/parsers/terraform.hpp"
#include "terraform/parse_context.hpp"

namespace blastgraph::terraform {

class ReferenceWalker {
 public:
  ReferenceWalker(ParseContext& context, std::vector<Reference>& out)
      : m_context(context), m_out(out) {}

  // Appends the references made inside `node` (an expression or any node containing
  // expressions). `depth` is the tree depth already used by the caller; subtrees deeper than
  // k_max_nesting_depth are skipped with an `hcl-too-deep` diagnostic.
  void walk(TSNode node, std::string_view attribute, ReferenceContext kind, unsigned depth);

  // Makes `name` an iterator symbol for the following walks, until the matching pop_symbol().
  void push_symbol(std::string_view name) { m_symbols.push_back(name); }
  void pop_symbol() { m_symbols.pop_back(); }

 private:
  struct Traversal;

  void visit(TSNode node, unsigned depth);
  void visit_children(TSNode node, unsigned depth);
  void visit_with_iterators(TSNode node, TSSymbol intro_symbol, unsigned depth);
  void read_intro(TSNode intro, unsigned depth);
  void extend_with_splat(TSNode splat, Traversal& traversal, unsigned depth);
  void emit(const Traversal& traversal);
  [[nodiscard]] bool is_iterator(std::string_view name) const;

  ParseContext& m_context;
  std::vector<Reference>& m_out;
  std::vector<std::string_view> m_symbols;
  std::string_view m_attribute;
  ReferenceContext m_kind = ReferenceContext::expression;
};

// What a traversal `root.attributes[0].attributes[1]...` refers to, as Terraform reads it:
// `subject` is empty when it is not a reference (count.index, each.key, path.*, terraform.*,
// self.*, a bare identifier); `problem` says why Terraform would reject the form (a reserved
// root, `data.x` without a name), empty otherwise. `attribute_count` is the number of
// `.name` steps; only the first two are read.
struct ReferenceForm {
  std::string subject;
  std::string problem;
};
[[nodiscard]] ReferenceForm classify_reference(std::string_view root,
                                               const std::string_view* attributes,
                                               std::size_t attribute_count);

// classify_reference(...).subject.
[[nodiscard]] std::string reference_subject(std::string_view root,
                                            const std::string_view* attributes,
                                            std::size_t attribute_count);

}  // namespace blastgraph::terraform
