#pragma once
// A small reader of HCL expression text (as the parser keeps it in terraform::Value) into a
// tree the static evaluator walks: literals, templates and heredocs, tuples, objects,
// references, function calls, conditionals and the logical operators (`!`, `&&`, `||`, `==`,
// `!=`) that decide whether a block exists (`count = var.create ? 1 : 0`). Anything else
// (arithmetic, ordering comparisons, for expressions, splats over unknowns) makes the whole
// expression an `unknown` node that keeps its source text, so the evaluator can leave it
// symbolic and say so.
//
// Never throws; text it cannot read is one unknown node, never an error: the parser already
// reported syntax errors where they are.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "blastgraph/core/source_span.hpp"

namespace blastgraph::analyzer::terraform_link {

struct ExprField;

struct Expr {
  enum class Kind {
    unknown, null, boolean, number, string, template_, tuple, object, reference, call,
    conditional,  // items: condition, then, else
    operation,    // text: the operator ("!", "&&", "||", "==", "!="); items: its operands
  };
  Kind kind = Kind::unknown;
  // string: its content, escapes resolved; number/boolean: as written; reference: the dotted
  // traversal with index steps as written ("var.names[0]", "aws_s3_bucket.logs.arn");
  // call: the function name; unknown: the source text.
  std::string text;
  std::vector<Expr> items;                        // tuple items, call arguments, template parts
  std::vector<ExprField> fields;  // object entries (key, value) in source order
  std::size_t offset = 0;                         // of the node's first character in the text
};

// An object entry, with std::pair's member names (see StaticField in static_eval.hpp).
struct ExprField {
  ExprField(Expr key, Expr value) : first(std::move(key)), second(std::move(value)) {}
  Expr first;
  Expr second;
};

// Reads a whole expression. Trailing text that does not belong to it makes it unknown.
[[nodiscard]] Expr read_expression(std::string_view text);

// Where `offset` of an expression's text lies in its file, given where the text starts.
[[nodiscard]] SourcePosition position_at(std::string_view text, SourcePosition start,
                                         std::size_t offset);

}  // namespace blastgraph::analyzer::terraform_link
