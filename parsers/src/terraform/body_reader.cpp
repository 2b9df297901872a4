#include "terraform/body_reader.hpp"

#include <algorithm>

#include "terraform/reference_walker.hpp"
#include "terraform/values.hpp"

namespace blastgraph::terraform {
namespace {

bool takes_provider_argument(BlockKind kind) {
  return kind == BlockKind::resource || kind == BlockKind::data || kind == BlockKind::ephemeral ||
         kind == BlockKind::import;
}

// `iterator = name` in a dynamic block renames its iterator symbol.
std::string_view dynamic_iterator(ParseContext& context, const BlockHeader& header,
                                  std::string_view fallback) {
  if (ts_node_is_null(header.body)) return fallback;
  ChildCursor children(context.cursors(), header.body);
  for (TSNode child; children.next(child);) {
    if (ts_node_symbol(child) != context.syntax().attribute) continue;
    const AttributeParts parts = read_attribute_parts(context, child);
    if (parts.name != "iterator" || ts_node_is_null(parts.expression)) continue;
    const TSNode inner = sole_child(context, parts.expression);
    if (!ts_node_is_null(inner) && ts_node_symbol(inner) == context.syntax().variable_expr) {
      return context.text_of(inner);
    }
  }
  return fallback;
}

}  // namespace

std::size_t BodyReader::push_path(std::string_view component) {
  const std::size_t mark = m_path.size();
  if (!m_path.empty()) m_path += '.';
  m_path += component;
  return mark;
}

void BodyReader::read(TSNode body, unsigned depth) {
  const Grammar& g = m_context.syntax();
  ChildCursor children(m_context.cursors(), body);
  for (TSNode child; children.next(child);) {
    const TSSymbol symbol = ts_node_symbol(child);
    if (symbol == g.attribute) {
      read_top_attribute(child, depth + 1);
    } else if (symbol == g.block) {
      read_nested_block(child, depth + 1);
    }
  }
}

void BodyReader::read_top_attribute(TSNode attribute, unsigned depth) {
  const AttributeParts parts = read_attribute_parts(m_context, attribute);
  if (ts_node_is_null(parts.expression)) return;
  const auto [where, inserted] =
      m_block.attributes.emplace(std::string(parts.name), make_value(m_context, parts.expression));
  if (!inserted) {
    m_context.report(start_position(attribute), Severity::error, "hcl-duplicate-attribute",
                     "argument '" + where->first + "' is set more than once");
    return;
  }
  read_meta_argument(parts.name, parts.expression, where->second.literal, depth);
}

// Top-level arguments with a meaning of their own; everything else is a plain expression.
void BodyReader::read_meta_argument(std::string_view name, TSNode expression,
                                    const std::optional<std::string>& literal, unsigned depth) {
  const BlockKind kind = m_block.kind;
  if (name == "provider" && takes_provider_argument(kind)) {
    m_block.provider = read_provider_argument(expression).value_or(std::string());
    return;
  }
  if (name == "providers" && kind == BlockKind::module) return read_providers_map(expression);
  const std::string_view text = m_context.text_of(expression);
  // moved/import/removed name addresses, not values: they are not references.
  if ((kind == BlockKind::moved || kind == BlockKind::removed) && name == "from") {
    return void(m_block.moved_from = text);
  }
  if ((kind == BlockKind::moved || kind == BlockKind::import) && name == "to") {
    return void(m_block.moved_to = text);
  }
  if (kind == BlockKind::import && name == "id") {
    m_block.moved_from = literal.value_or(std::string(text));
  }
  if (kind == BlockKind::module && name == "source" && literal) m_block.source = *literal;
  if (kind == BlockKind::module && name == "version" && literal) m_block.version = *literal;
  if (kind == BlockKind::provider && name == "alias" && literal) m_block.name = *literal;
  if (name == "tags" || name == "labels") read_tags(expression);

  ReferenceContext context = ReferenceContext::expression;
  if (name == "depends_on") {
    context = ReferenceContext::depends_on;
    read_quoted_references(name, expression);
  }
  if (name == "count") context = ReferenceContext::count;
  if (name == "for_each") context = ReferenceContext::for_each;
  walk_attribute(name, expression, context, depth);
}

void BodyReader::walk_attribute(std::string_view name, TSNode expression, ReferenceContext kind,
                                unsigned depth) {
  // The terraform block is read before anything else exists; what looks like a reference in
  // it (`configuration_aliases = [aws.west]`) names a provider, not an object.
  if (m_block.kind == BlockKind::terraform) return;
  // lifecycle.ignore_changes lists attribute names of this block (`scaling_config[0].size`),
  // not objects; replace_triggered_by, pre- and postconditions are real references.
  if (name == "ignore_changes" && m_path == "lifecycle") return;
  const std::size_t mark = push_path(name);
  m_walker.walk(expression, m_path, kind, depth + 1);
  m_path.resize(mark);
}

// Terraform before 0.12 wrote `depends_on = ["aws_iam_role.app"]`; Terraform still accepts
// the quoted form with a deprecation warning, so it is read as the reference it names.
void BodyReader::read_quoted_references(std::string_view name, TSNode expression) {
  for (TSNode item : tuple_items(m_context, expression)) {
    const std::optional<std::string> text = literal_of(m_context, item);
    if (!text) continue;
    std::vector<std::string_view> steps;
    std::string_view rest(*text);
    for (std::size_t dot; (dot = rest.find('.')) != std::string_view::npos;) {
      steps.push_back(rest.substr(0, dot));
      rest.remove_prefix(dot + 1);
    }
    steps.push_back(rest.substr(0, rest.find('[')));
    const SourcePosition at = start_position(item);
    const ReferenceForm form =
        classify_reference(steps.front(), steps.data() + 1, steps.size() - 1);
    if (form.subject.empty()) {
      m_context.report(at, Severity::warning, "tf-invalid-reference",
                       "quoted " + std::string(name) + " entry \"" + *text +
                           "\" is not a reference" +
                           (form.problem.empty() ? "" : ": " + form.problem));
      continue;
    }
    m_context.report(at, Severity::note, "tf-quoted-reference",
                     "quoted reference \"" + *text + "\" is deprecated; read as " + form.subject);
    const std::size_t mark = push_path(name);
    m_block.references.push_back({form.subject, m_path, at, ReferenceContext::depends_on, {}});
    m_path.resize(mark);
  }
}

std::optional<std::string> BodyReader::read_provider_argument(TSNode expression) {
  std::optional<std::string> address = provider_address(m_context, expression);
  if (!address) {
    m_context.report(start_position(expression), Severity::warning, "hcl-provider-reference",
                     "provider argument is not a provider address like aws.west");
    return std::nullopt;
  }
  const std::size_t mark = push_path("provider");
  m_block.references.push_back(
      {"provider." + *address, m_path, start_position(expression), ReferenceContext::provider, {}});
  m_path.resize(mark);
  return address;
}

// `aws = { source = "...", configuration_aliases = [aws.west] }` in required_providers.
void BodyReader::read_configuration_aliases(TSNode requirement) {
  for (const ObjectEntry& entry : object_entries(m_context, requirement)) {
    if (key_text(m_context, entry.key) != "configuration_aliases") continue;
    for (TSNode item : tuple_items(m_context, entry.value)) {
      if (auto address = provider_address(m_context, item)) {
        m_block.configuration_aliases.push_back(std::move(*address));
      }
    }
  }
}

void BodyReader::read_providers_map(TSNode expression) {
  for (const ObjectEntry& entry : object_entries(m_context, expression)) {
    const std::optional<std::string> address = provider_address(m_context, entry.value);
    if (!address) {
      m_context.report(start_position(entry.value), Severity::warning, "hcl-provider-reference",
                       "providers entry is not a provider address like aws.west");
      continue;
    }
    m_block.providers[key_text(m_context, entry.key)] = *address;
    m_block.references.push_back({"provider." + *address,
                                  "providers",
                                  start_position(entry.value),
                                  ReferenceContext::provider,
                                  {}});
  }
}

void BodyReader::read_tags(TSNode expression) {
  for (const ObjectEntry& entry : object_entries(m_context, expression)) {
    m_block.tags.insert_or_assign(key_text(m_context, entry.key),
                                  make_value(m_context, entry.value));
  }
}

BodyReader::NestedMark BodyReader::open_nested(const BlockHeader& header) {
  const NestedMark outer{m_nested, m_sink};
  NestedBlock& block = m_sink->emplace_back();
  block.type = header.type;
  const std::size_t kept = std::min(header.label_count, header.labels.size());
  for (std::size_t i = 0; i < kept; ++i) {
    block.labels.push_back(key_text(m_context, header.labels.at(i)));
  }
  block.span = {std::string(m_context.path()), start_position(header.node).line,
                last_line(header.node)};
  block.position = start_position(header.node);
  m_nested = &block;
  m_sink = &block.blocks;
  return outer;
}

void BodyReader::close_nested(NestedMark mark) {
  m_nested = mark.block;
  m_sink = mark.sink;
}

void BodyReader::record_attribute(const AttributeParts& parts) {
  if (m_nested == nullptr) return;
  m_nested->attributes.emplace(std::string(parts.name), make_value(m_context, parts.expression));
}

void BodyReader::read_nested_body(TSNode body, std::string_view block_type, unsigned depth) {
  const Grammar& g = m_context.syntax();
  ChildCursor children(m_context.cursors(), body);
  for (TSNode child; children.next(child);) {
    const TSSymbol symbol = ts_node_symbol(child);
    if (symbol == g.attribute) {
      const AttributeParts parts = read_attribute_parts(m_context, child);
      if (ts_node_is_null(parts.expression)) continue;
      record_attribute(parts);
      if (m_block.kind == BlockKind::terraform && block_type == "required_providers") {
        read_configuration_aliases(parts.expression);
      }
      // A data source scoped to a check block may pick its provider configuration too.
      if (m_block.kind == BlockKind::check && block_type == "data" && parts.name == "provider") {
        static_cast<void>(read_provider_argument(parts.expression));
      } else {
        walk_attribute(parts.name, parts.expression, ReferenceContext::expression, depth + 1);
      }
    } else if (symbol == g.block) {
      read_nested_block(child, depth + 1);
    }
  }
}

void BodyReader::read_nested_block(TSNode block, unsigned depth) {
  if (depth > k_max_nesting_depth) return m_context.report_too_deep(block);
  const BlockHeader header = read_block_header(m_context, block);
  if (header.type == "dynamic" && header.label_count == 1) return read_dynamic_block(header, depth);
  const NestedMark outer = open_nested(header);
  if (!ts_node_is_null(header.body)) {
    const std::size_t mark = push_path(header.type);
    read_nested_body(header.body, header.type, depth + 1);
    m_path.resize(mark);
  }
  close_nested(outer);
}

// for_each and iterator are read outside the iterator's scope; labels and content inside it.
void BodyReader::read_dynamic_block(const BlockHeader& header, unsigned depth) {
  const NestedMark outer = open_nested(header);
  if (ts_node_is_null(header.body)) return close_nested(outer);
  const std::string generated = key_text(m_context, header.labels[0]);
  const std::string_view iterator = dynamic_iterator(m_context, header, generated);
  const std::size_t mark = push_path(generated);
  const Grammar& g = m_context.syntax();
  ChildCursor children(m_context.cursors(), header.body);
  for (TSNode child; children.next(child);) {
    const TSSymbol symbol = ts_node_symbol(child);
    if (symbol == g.attribute) {
      const AttributeParts parts = read_attribute_parts(m_context, child);
      if (ts_node_is_null(parts.expression)) continue;
      record_attribute(parts);
      const bool scoped = parts.name == "labels";
      if (scoped) m_walker.push_symbol(iterator);
      walk_attribute(parts.name, parts.expression, ReferenceContext::expression, depth + 2);
      if (scoped) m_walker.pop_symbol();
    } else if (symbol == g.block) {
      const BlockHeader inner = read_block_header(m_context, child);
      if (inner.type != "content") {
        read_nested_block(child, depth + 2);
      } else {
        const NestedMark content = open_nested(inner);
        if (!ts_node_is_null(inner.body)) {
          m_walker.push_symbol(iterator);
          read_nested_body(inner.body, inner.type, depth + 3);
          m_walker.pop_symbol();
        }
        close_nested(content);
      }
    }
  }
  m_path.resize(mark);
  close_nested(outer);
}

}  // namespace blastgraph::terraform
