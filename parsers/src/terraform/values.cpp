#include "terraform/values.hpp"

#include <algorithm>

namespace blastgraph::terraform {
namespace {

// True when raw[i] starts `$${` or `%%{`, which stand for a literal `${` and `%{` in strings
// and heredocs alike.
bool is_doubled_opener(std::string_view raw, std::size_t i) {
  const char c = raw[i];
  return (c == '$' || c == '%') && raw.substr(i + 1, 2) == std::string_view(c == '$' ? "${" : "%{");
}

std::string unescape_template(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (is_doubled_opener(raw, i)) ++i;
    out += raw[i];
  }
  return out;
}

// HCL string escapes; anything unknown is kept as written.
std::string unescape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    const bool has_next = i + 1 < raw.size();
    if (c == '\\' && has_next) {
      const char e = raw[++i];
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        default:
          out.append(1, '\\').append(1, e);
          break;
      }
    } else if (is_doubled_opener(raw, i)) {
      out += c;
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

// Terraform strips the indentation of the least indented line from every line of a `<<-`
// heredoc; lines holding only whitespace do not count.
std::string dedent(std::string_view content) {
  std::size_t indent = std::string_view::npos;
  for (std::size_t line = 0; line < content.size();) {
    const std::size_t end = std::min(content.find('\n', line), content.size());
    const std::size_t text = content.find_first_not_of(" \t", line);
    if (text < end) indent = std::min(indent, text - line);
    line = end + 1;
  }
  if (indent == std::string_view::npos || indent == 0) return std::string(content);
  std::string out;
  out.reserve(content.size());
  for (std::size_t line = 0; line < content.size();) {
    const std::size_t end = std::min(content.find('\n', line), content.size());
    const std::size_t skip = std::min(indent, end - line);
    out.append(content.substr(line + skip, end - line - skip));
    if (end < content.size()) out += '\n';
    line = end + 1;
  }
  return out;
}

// The value of a heredoc without interpolations or directives: the lines between the opening
// and the closing marker, each with its newline. Backslashes are not escapes in heredocs.
std::optional<std::string> heredoc_content(ParseContext& context, TSNode heredoc) {
  const Grammar& g = context.syntax();
  TSNode opening{};
  TSNode closing{};
  bool strip_indent = false;
  ChildCursor children(context.cursors(), heredoc);
  for (TSNode child; children.next(child);) {
    const TSSymbol symbol = ts_node_symbol(child);
    if (symbol == g.template_interpolation || symbol == g.template_directive) return std::nullopt;
    if (symbol == g.heredoc_identifier) (ts_node_is_null(opening) ? opening : closing) = child;
    if (context.text_of(child) == "<<-") strip_indent = true;
  }
  if (ts_node_is_null(opening) || ts_node_is_null(closing)) return std::nullopt;
  const std::string_view text = context.text();
  const std::size_t first_line = text.find('\n', ts_node_end_byte(opening));
  const std::size_t closing_line = text.rfind('\n', ts_node_start_byte(closing));
  if (first_line == std::string_view::npos || closing_line == std::string_view::npos ||
      closing_line <= first_line) {
    return std::string();
  }
  const std::string_view content = text.substr(first_line + 1, closing_line - first_line);
  std::string raw = strip_indent ? dedent(content) : std::string(content);
  return unescape_template(raw);
}

}  // namespace

std::vector<TSNode> tuple_items(ParseContext& context, TSNode expression) {
  const Grammar& g = context.syntax();
  std::vector<TSNode> items;
  const TSNode collection = sole_child(context, expression);
  if (ts_node_is_null(collection) || ts_node_symbol(collection) != g.collection_value) {
    return items;
  }
  const TSNode tuple = sole_child(context, collection);
  if (ts_node_is_null(tuple) || ts_node_symbol(tuple) != g.tuple) return items;
  ChildCursor children(context.cursors(), tuple);
  for (TSNode element; children.next(element);) {
    if (ts_node_symbol(element) == g.expression) items.push_back(element);
  }
  return items;
}

TSNode sole_child(ParseContext& context, TSNode node) {
  TSNode found{};
  unsigned count = 0;
  ChildCursor children(context.cursors(), node);
  for (TSNode child; children.next(child);) {
    if (!ts_node_is_named(child) || ts_node_symbol(child) == context.syntax().comment) continue;
    found = child;
    ++count;
  }
  return count == 1 ? found : TSNode{};
}

std::string string_content(ParseContext& context, TSNode string_lit) {
  ChildCursor children(context.cursors(), string_lit);
  for (TSNode child; children.next(child);) {
    if (ts_node_symbol(child) == context.syntax().template_literal) {
      return unescape(context.text_of(child));
    }
  }
  return {};
}

std::optional<std::string> literal_of(ParseContext& context, TSNode expression) {
  const Grammar& g = context.syntax();
  const TSNode literal = sole_child(context, expression);
  if (ts_node_is_null(literal)) return std::nullopt;
  if (ts_node_symbol(literal) == g.template_expr) {
    const TSNode heredoc = sole_child(context, literal);
    if (ts_node_is_null(heredoc) || ts_node_symbol(heredoc) != g.heredoc_template) {
      return std::nullopt;
    }
    return heredoc_content(context, heredoc);
  }
  if (ts_node_symbol(literal) != g.literal_value) return std::nullopt;
  const TSNode value = sole_child(context, literal);
  if (ts_node_is_null(value)) return std::nullopt;
  const TSSymbol symbol = ts_node_symbol(value);
  if (symbol == g.string_lit) return string_content(context, value);
  if (symbol == g.numeric_lit || symbol == g.bool_lit) return std::string(context.text_of(value));
  return std::nullopt;  // null
}

Value make_value(ParseContext& context, TSNode expression) {
  return {std::string(context.text_of(expression)),
          literal_of(context, expression),
          start_position(expression),
          {}};
}

std::string key_text(ParseContext& context, TSNode node) {
  const Grammar& g = context.syntax();
  if (ts_node_symbol(node) == g.string_lit) return string_content(context, node);
  const TSNode inner = sole_child(context, node);
  if (!ts_node_is_null(inner) && ts_node_symbol(inner) == g.variable_expr) {
    return std::string(context.text_of(inner));
  }
  if (auto literal = literal_of(context, node)) return *literal;
  return std::string(context.text_of(node));
}

std::optional<std::string> provider_address(ParseContext& context, TSNode expression) {
  const Grammar& g = context.syntax();
  if (auto literal = literal_of(context, expression)) return literal;
  std::string address;
  std::size_t parts = 0;
  ChildCursor children(context.cursors(), expression);
  for (TSNode child; children.next(child);) {
    const TSSymbol symbol = ts_node_symbol(child);
    if (symbol == g.comment) continue;
    if (symbol == g.variable_expr && parts == 0) {
      address = context.text_of(child);
    } else if (symbol == g.get_attr && parts == 1) {
      address.append(1, '.').append(context.text_of(ts_node_named_child(child, 0)));
    } else {
      return std::nullopt;  // an index, a call, a third part: not NAME or NAME.ALIAS
    }
    ++parts;
  }
  const std::string_view root = std::string_view(address).substr(0, address.find('.'));
  for (std::string_view reserved :
       {"var", "local", "module", "data", "count", "each", "path", "terraform", "self"}) {
    if (root == reserved) return std::nullopt;
  }
  if (address.empty()) return std::nullopt;
  return address;
}

std::vector<ObjectEntry> object_entries(ParseContext& context, TSNode expression) {
  const Grammar& g = context.syntax();
  std::vector<ObjectEntry> entries;
  const TSNode collection = sole_child(context, expression);
  if (ts_node_is_null(collection) || ts_node_symbol(collection) != g.collection_value) {
    return entries;
  }
  const TSNode object = sole_child(context, collection);
  if (ts_node_is_null(object) || ts_node_symbol(object) != g.object) return entries;
  ChildCursor children(context.cursors(), object);
  for (TSNode element; children.next(element);) {
    if (ts_node_symbol(element) != g.object_elem) continue;
    const TSNode key = ts_node_child_by_field_name(element, "key", 3);
    const TSNode value = ts_node_child_by_field_name(element, "val", 3);
    if (!ts_node_is_null(key) && !ts_node_is_null(value)) entries.push_back({key, value});
  }
  return entries;
}

}  // namespace blastgraph::terraform
