#include "terraform/reference_walker.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace blastgraph::terraform {

// A traversal being read from a run of sibling nodes: variable_expr, then get_attr, index and
// splat nodes. The grammar flattens `a.b[0].c` into such siblings under one parent.
struct ReferenceWalker::Traversal {
  TSNode root{};
  std::string_view root_name;
  std::array<std::string_view, 2> attributes{};
  std::size_t attribute_count = 0;
  bool active = false;

  void start(TSNode node, std::string_view name) {
    root = node;
    root_name = name;
    attribute_count = 0;
    active = true;
  }
  void add_attribute(std::string_view name) {
    if (attribute_count < attributes.size()) attributes[attribute_count] = name;
    ++attribute_count;
  }
};

namespace {

bool is_ignored_root(std::string_view root) {
  return root == "count" || root == "each" || root == "path" || root == "terraform" ||
         root == "self";
}

std::string join(std::string_view a, std::string_view b, std::string_view c = {}) {
  std::string out;
  out.reserve(a.size() + b.size() + c.size() + 2);
  out.append(a).append(1, '.').append(b);
  if (!c.empty()) out.append(1, '.').append(c);
  return out;
}

}  // namespace

ReferenceForm classify_reference(std::string_view root, const std::string_view* attributes,
                                 std::size_t attribute_count) {
  if (is_ignored_root(root)) return {};
  // NOTE: the cases follow Terraform's own reference parser (addrs.parseRef): a root it
  // reserves or a prefix without the names it needs is an error there, so a diagnostic here,
  // never a silently dropped or unresolvable reference.
  // A bare symbol is a type keyword, an object key or a for iterator, never a reference.
  if (attribute_count == 0) return {};
  if (root == "template" || root == "lazy" || root == "arg") {
    return {{},
            "'" + std::string(root) + "." + std::string(attributes[0]) + "': '" +
                std::string(root) + "' is reserved by Terraform; write resource." +
                std::string(root) + ".NAME to mean a resource of that type"};
  }
  if (root == "var" || root == "local") return {join(root, attributes[0]), {}};
  // NOTE: ephemeral resources are addressed like data sources: ephemeral.TYPE.NAME.
  if (root == "data" || root == "ephemeral" || root == "resource") {
    if (attribute_count < 2) {
      return {{},
              "'" + std::string(root) + "." + std::string(attributes[0]) +
                  "' needs a type and a name: " + std::string(root) + ".TYPE.NAME"};
    }
    // `resource.TYPE.NAME` is Terraform's explicit spelling of the managed resource TYPE.NAME.
    if (root == "resource") return {join(attributes[0], attributes[1]), {}};
    return {join(root, attributes[0], attributes[1]), {}};
  }
  if (root == "module") {
    return {
        attribute_count >= 2 ? join(root, attributes[0], attributes[1]) : join(root, attributes[0]),
        {}};
  }
  return {join(root, attributes[0]), {}};  // a managed resource: TYPE.NAME
}

std::string reference_subject(std::string_view root, const std::string_view* attributes,
                              std::size_t attribute_count) {
  return classify_reference(root, attributes, attribute_count).subject;
}

void ReferenceWalker::walk(TSNode node, std::string_view attribute, ReferenceContext kind,
                           unsigned depth) {
  m_attribute = attribute;
  m_kind = kind;
  visit(node, depth);
}

void ReferenceWalker::visit(TSNode node, unsigned depth) {
  if (depth > k_max_nesting_depth) {
    m_context.report_too_deep(node);
    return;
  }
  const Grammar& g = m_context.syntax();
  const TSSymbol symbol = ts_node_symbol(node);
  if (symbol == g.for_tuple_expr || symbol == g.for_object_expr) {
    visit_with_iterators(node, g.for_intro, depth);
  } else if (symbol == g.template_for) {
    visit_with_iterators(node, g.template_for_start, depth);
  } else {
    visit_children(node, depth);
  }
}

void ReferenceWalker::visit_children(TSNode node, unsigned depth) {
  const Grammar& g = m_context.syntax();
  Traversal traversal;
  ChildCursor children(m_context.cursors(), node);
  for (TSNode child; children.next(child);) {
    if (!ts_node_is_named(child)) {
      if (traversal.active) emit(traversal);
      traversal.active = false;
      continue;
    }
    const TSSymbol symbol = ts_node_symbol(child);
    if (symbol == g.variable_expr) {
      if (traversal.active) emit(traversal);
      traversal.start(child, m_context.text_of(child));
    } else if (symbol == g.get_attr) {
      if (traversal.active) {
        traversal.add_attribute(m_context.text_of(ts_node_named_child(child, 0)));
      }
    } else if (symbol == g.splat && traversal.active) {
      extend_with_splat(child, traversal, depth + 1);
    } else if (symbol == g.index || symbol == g.splat || symbol == g.comment) {
      // An index keeps the traversal going (`a.b[0].c` is still `a.b`); its key may itself
      // hold references (`a.b[var.k]`).
      if (symbol != g.comment) visit(child, depth + 1);
    } else {
      if (traversal.active) emit(traversal);
      traversal.active = false;
      visit(child, depth + 1);
    }
  }
  if (traversal.active) emit(traversal);
}

// `[*].a.b` and the legacy `.*.a` continue the traversal they follow.
void ReferenceWalker::extend_with_splat(TSNode splat, Traversal& traversal, unsigned depth) {
  const Grammar& g = m_context.syntax();
  TSNode form = ts_node_named_child(splat, 0);  // attr_splat or full_splat
  if (ts_node_is_null(form)) return;
  ChildCursor steps(m_context.cursors(), form);
  for (TSNode step; steps.next(step);) {
    const TSSymbol symbol = ts_node_symbol(step);
    if (symbol == g.get_attr) {
      traversal.add_attribute(m_context.text_of(ts_node_named_child(step, 0)));
    } else if (symbol == g.index) {
      visit(step, depth + 1);
    }
  }
}

// A for expression or %{ for } directive: the intro's collection is read in the enclosing
// scope, everything after the intro sees the iterator symbols.
void ReferenceWalker::visit_with_iterators(TSNode node, TSSymbol intro_symbol, unsigned depth) {
  const std::size_t scope_mark = m_symbols.size();
  ChildCursor children(m_context.cursors(), node);
  for (TSNode child; children.next(child);) {
    if (!ts_node_is_named(child)) continue;
    if (ts_node_symbol(child) == intro_symbol) {
      read_intro(child, depth + 1);
    } else {
      visit(child, depth + 1);
    }
  }
  m_symbols.resize(scope_mark);
}

void ReferenceWalker::read_intro(TSNode intro, unsigned depth) {
  const Grammar& g = m_context.syntax();
  std::array<std::string_view, 2> iterators{};
  std::size_t iterator_count = 0;
  ChildCursor parts(m_context.cursors(), intro);
  for (TSNode part; parts.next(part);) {
    const TSSymbol symbol = ts_node_symbol(part);
    if (symbol == g.identifier && iterator_count < iterators.size()) {
      iterators[iterator_count++] = m_context.text_of(part);
    } else if (symbol == g.expression) {
      visit(part, depth + 1);
    }
  }
  for (std::size_t i = 0; i < iterator_count; ++i) m_symbols.push_back(iterators[i]);
}

bool ReferenceWalker::is_iterator(std::string_view name) const {
  return std::find(m_symbols.rbegin(), m_symbols.rend(), name) != m_symbols.rend();
}

void ReferenceWalker::emit(const Traversal& traversal) {
  if (is_iterator(traversal.root_name)) return;
  ReferenceForm form = classify_reference(traversal.root_name, traversal.attributes.data(),
                                          traversal.attribute_count);
  if (!form.problem.empty()) {
    m_context.report(start_position(traversal.root), Severity::error, "tf-invalid-reference",
                     "invalid reference: " + form.problem);
    return;
  }
  if (form.subject.empty()) return;
  m_out.push_back({std::move(form.subject),
                   std::string(m_attribute),
                   start_position(traversal.root),
                   m_kind,
                   {}});
}

}  // namespace blastgraph::terraform
