#include "terraform/normalize.hpp"

#include <vector>

namespace blastgraph::terraform {
namespace {

// Joins tokens with single spaces. Commas that carry no meaning are dropped, so that the
// layouts `terraform fmt` and people use for the same value compare equal: a trailing comma
// before `]`, `)` or `}`, and the optional separators between object entries.
class TokenJoiner {
 public:
  explicit TokenJoiner(std::string& out) : m_out(out) {}

  void add(std::string_view token, bool inside_object) {
    if (token.empty()) return;
    if (token == ",") {
      m_pending_comma = !inside_object;
      return;
    }
    const bool closes = token == "]" || token == ")" || token == "}";
    if (m_pending_comma && !closes) append(",");
    m_pending_comma = false;
    append(token);
  }

  void finish() {
    if (m_pending_comma) append(",");
    m_pending_comma = false;
  }

 private:
  void append(std::string_view token) {
    if (!m_out.empty()) m_out += ' ';
    m_out += token;
  }

  std::string& m_out;
  bool m_pending_comma = false;
};

// An attribute that only documents its block: `description`, or a validation's `error_message`.
bool is_documentation(ParseContext& context, TSNode attribute) {
  const TSNode name = ts_node_named_child(attribute, 0);
  if (ts_node_is_null(name) || ts_node_symbol(name) != context.syntax().identifier) return false;
  const auto text = context.text_of(name);
  return text == "description" || text == "error_message";
}

}  // namespace

std::string normalized_text(ParseContext& context, TSNode node, std::string* documentation) {
  const Grammar& g = context.syntax();
  std::string out;
  out.reserve(ts_node_end_byte(node) - ts_node_start_byte(node));
  TokenJoiner joiner(out);
  PooledCursor pooled(context.cursors(), node);
  TSTreeCursor* cursor = pooled.get();
  // Symbols of the nodes above the cursor, up to `node`; the walk never climbs above it.
  std::vector<TSSymbol> parents;
  for (;;) {
    const TSNode current = ts_tree_cursor_current_node(cursor);
    const TSSymbol symbol = ts_node_symbol(current);
    const bool verbatim = symbol == g.template_expr || symbol == g.string_lit;
    if (symbol == g.comment) {
      // dropped
    } else if (documentation != nullptr && symbol == g.attribute &&
               is_documentation(context, current)) {
      if (!documentation->empty()) *documentation += ' ';
      *documentation += normalized_text(context, current);
    } else if (verbatim || ts_node_child_count(current) == 0) {
      joiner.add(context.text_of(current), !parents.empty() && parents.back() == g.object);
    } else if (ts_tree_cursor_goto_first_child(cursor)) {
      parents.push_back(symbol);
      continue;
    }
    // Next node in pre-order that is not below the current one.
    while (!parents.empty() && !ts_tree_cursor_goto_next_sibling(cursor)) {
      ts_tree_cursor_goto_parent(cursor);
      parents.pop_back();
    }
    if (parents.empty()) break;
  }
  joiner.finish();
  return out;
}

}  // namespace blastgraph::terraform
