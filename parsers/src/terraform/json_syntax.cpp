// Terraform's JSON syntax (.tf.json), read as the native syntax it stands for: the JSON tree
// is written out as HCL, one argument per line, the native reader reads that text, and every
// position is mapped back to where its argument stands in the JSON file.
//
// NOTE: which JSON keys are nested blocks depends on each provider's schema, which a static
// reader does not have. Blocks that change how references are read (lifecycle, dynamic,
// provisioner, connection, policy document statements, validation and conditions) are
// written as blocks; any other object is written as an argument holding an object, which
// makes the same references.
#include "terraform/json_syntax.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <initializer_list>

#include "iam/json_tree.hpp"

namespace blastgraph::terraform {
namespace {

namespace json = iam::json;

bool contains(const auto& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

constexpr std::array<std::string_view, 15> k_nested_blocks{
    "lifecycle",  "dynamic",      "content",        "provisioner", "connection",
    "statement",  "principals",   "not_principals", "condition",   "inline_policy",
    "validation", "precondition", "postcondition",  "assert",      "data"};

// Arguments whose JSON strings are expressions (traversals), not templates; `from` and `to`
// only in moved, removed and import blocks, `type` only in variables.
constexpr std::array<std::string_view, 4> k_expression_arguments{
    "depends_on", "provider", "ignore_changes", "replace_triggered_by"};

bool takes_expression(std::string_view block_type, std::string_view argument) {
  if (contains(k_expression_arguments, argument)) return true;
  if (block_type == "variable") return argument == "type";
  if (block_type == "moved" || block_type == "removed" || block_type == "import") {
    return argument == "from" || argument == "to";
  }
  return false;
}

bool is_identifier(std::string_view name) {
  if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20) {
      std::array<char, 8> escaped{};
      std::snprintf(escaped.data(), escaped.size(), "\\u%04X", static_cast<unsigned>(byte));
      out += escaped.data();
    } else {
      out += c;
    }
  }
  out += '"';
}

class HclWriter {
 public:
  HclWriter(std::string_view path, std::vector<Diagnostic>& diagnostics)
      : m_path(path), m_diagnostics(diagnostics) {
    m_lines.push_back({1, 1});
  }

  void write_root(const json::Node& root) {
    if (!root.is_object()) {
      report(root.position, Severity::error, "tf-json-syntax",
             "a .tf.json file holds one JSON object of block types");
      return;
    }
    for (const auto& member : root.members) write_top_level(member);
  }

  [[nodiscard]] const std::string& text() const { return m_out; }
  [[nodiscard]] const std::vector<SourcePosition>& lines() const { return m_lines; }

 private:
  void write_top_level(const json::Member& member) {
    const std::string_view type = member.key;
    if (type == "//") return;
    if (type == "resource" || type == "data" || type == "ephemeral") {
      for_each_labelled(member.value, [&](const std::string& name, const json::Node& by_name) {
        for_each_labelled(by_name, [&](const std::string& label, const json::Node& body) {
          for_each_body(body, [&](const json::Node& one) {
            open_block(type, {name, label}, one.position);
            write_body(one, type, BodyKind::resource);
            close_block(one.position);
          });
        });
      });
    } else if (type == "module" || type == "variable" || type == "output" || type == "provider" ||
               type == "check") {
      const BodyKind kind = type == "module"                         ? BodyKind::arguments
                            : type == "output" || type == "variable" ? BodyKind::arguments
                                                                     : BodyKind::resource;
      for_each_labelled(member.value, [&](const std::string& name, const json::Node& body) {
        for_each_body(body, [&](const json::Node& one) {
          open_block(type, {name}, one.position);
          write_body(one, type, kind);
          close_block(one.position);
        });
      });
    } else if (type == "locals" || type == "terraform" || type == "moved" || type == "import" ||
               type == "removed") {
      for_each_body(member.value, [&](const json::Node& one) {
        open_block(type, {}, one.position);
        write_body(one, type, type == "locals" ? BodyKind::arguments : BodyKind::resource);
        close_block(one.position);
      });
    } else {
      report(member.key_position, Severity::warning, "hcl-unknown-block",
             "unknown block type '" + member.key + "'");
    }
  }

  enum class BodyKind { resource, arguments };

  // `{"name": body}`; anything else is reported and skipped.
  template <typename F>
  void for_each_labelled(const json::Node& node, F&& each) {
    if (!node.is_object()) {
      report(node.position, Severity::error, "tf-json-syntax", "expected an object of names");
      return;
    }
    for (const auto& member : node.members) {
      if (member.key != "//") each(member.key, member.value);
    }
  }

  // A body is an object; an array of objects declares one block per element.
  template <typename F>
  void for_each_body(const json::Node& node, F&& each) {
    if (node.is_object()) return each(node);
    if (node.is_array()) {
      for (const auto& item : node.items) for_each_body(item, each);
      return;
    }
    report(node.position, Severity::error, "tf-json-syntax", "expected a block body object");
  }

  void write_body(const json::Node& body, std::string_view block_type, BodyKind kind) {
    for (const auto& member : body.members) {
      if (member.key == "//") continue;
      if (!member.value.complete && member.value.kind == json::Kind::null) continue;  // cut off
      if (!is_identifier(member.key)) {
        report(member.key_position, Severity::warning, "tf-json-syntax",
               "'" + member.key + "' is not an argument name; skipped");
        continue;
      }
      const bool block_like =
          member.value.is_object() || (member.value.is_array() && !member.value.items.empty() &&
                                       member.value.items.front().is_object());
      if (kind == BodyKind::resource && block_like && contains(k_nested_blocks, member.key)) {
        write_nested(member);
      } else {
        newline(member.key_position);
        m_out += member.key;
        m_out += " = ";
        write_value(member.value, takes_expression(block_type, member.key));
      }
    }
  }

  // Labelled nested blocks nest one object deeper per label: `dynamic "x"` and
  // `provisioner "local-exec"` one, a check's scoped `data "type" "name"` two.
  void write_nested(const json::Member& member) {
    const std::string& type = member.key;
    for_each_body(member.value, [&](const json::Node& one) {
      if (type == "data") {
        for_each_labelled(one, [&](const std::string& data_type, const json::Node& by_name) {
          for_each_labelled(by_name, [&](const std::string& name, const json::Node& inner) {
            for_each_body(inner, [&](const json::Node& body) {
              open_block(type, {data_type, name}, body.position);
              write_body(body, type, BodyKind::resource);
              close_block(body.position);
            });
          });
        });
      } else if (type == "dynamic" || type == "provisioner") {
        for_each_labelled(one, [&](const std::string& label, const json::Node& inner) {
          for_each_body(inner, [&](const json::Node& body) {
            open_block(type, {label}, body.position);
            write_body(body, type, BodyKind::resource);
            close_block(body.position);
          });
        });
      } else {
        open_block(type, {}, one.position);
        write_body(one, type, BodyKind::resource);
        close_block(one.position);
      }
    });
  }

  // Strings are templates, except where the argument takes an expression (`depends_on`).
  void write_value(const json::Node& value, bool expression) {
    switch (value.kind) {
      case json::Kind::string:
        if (expression && !value.text.empty()) {
          m_out += value.text;
        } else {
          append_quoted(m_out, value.text);
        }
        return;
      case json::Kind::array:
        m_out += '[';
        for (std::size_t i = 0; i < value.items.size(); ++i) {
          if (i > 0) m_out += ", ";
          write_value(value.items[i], expression);
        }
        m_out += ']';
        return;
      case json::Kind::object:
        m_out += '{';
        for (std::size_t i = 0; i < value.members.size(); ++i) {
          if (i > 0) m_out += ", ";
          append_quoted(m_out, value.members[i].key);
          m_out += " = ";
          write_value(value.members[i].value, expression);
        }
        m_out += '}';
        return;
      case json::Kind::null:
        m_out += "null";
        return;
      case json::Kind::boolean:
      case json::Kind::number:
        m_out += value.text;
        return;
    }
  }

  void open_block(std::string_view type, std::initializer_list<std::string> labels,
                  SourcePosition at) {
    newline(at);
    m_out += type;
    for (const auto& label : labels) {
      m_out += ' ';
      append_quoted(m_out, label);
    }
    m_out += " {";
  }

  void close_block(SourcePosition at) {
    newline(at);
    m_out += '}';
  }

  void newline(SourcePosition at) {
    if (!m_out.empty()) {
      m_out += '\n';
      m_lines.push_back(at);
    } else {
      m_lines.front() = at;
    }
  }

  void report(SourcePosition at, Severity severity, std::string code, std::string message) {
    m_diagnostics.push_back(
        {std::string(m_path), at, severity, std::move(code), std::move(message)});
  }

  std::string_view m_path;
  std::vector<Diagnostic>& m_diagnostics;
  std::string m_out;
  std::vector<SourcePosition> m_lines;  // JSON position of each written line, from line 1
};

class PositionMap {
 public:
  explicit PositionMap(const std::vector<SourcePosition>& lines) : m_lines(lines) {}

  [[nodiscard]] SourcePosition at(SourcePosition written) const {
    if (written.line == 0 || written.line > m_lines.size()) return written;
    return m_lines[written.line - 1];
  }
  [[nodiscard]] std::uint32_t line(std::uint32_t written) const { return at({written, 1}).line; }

  void remap(NestedBlock& block) const {
    block.position = at(block.position);
    remap_span(block.span);
    for (auto& [name, value] : block.attributes) value.position = at(value.position);
    for (auto& nested : block.blocks) remap(nested);
  }

  void remap(Block& block) const {
    remap_span(block.span);
    for (auto& ref : block.references) ref.position = at(ref.position);
    for (auto& [name, value] : block.attributes) value.position = at(value.position);
    for (auto& [name, value] : block.tags) value.position = at(value.position);
    for (auto& nested : block.blocks) remap(nested);
  }

 private:
  void remap_span(SourceSpan& span) const {
    span.first_line = line(span.first_line);
    span.last_line = std::max(span.first_line, line(span.last_line));
  }

  const std::vector<SourcePosition>& m_lines;
};

}  // namespace

File parse_json_syntax(std::string_view path, std::string_view text) {
  File file;
  file.path = path;
  const json::Placement placement{path, {1, 1}, false};
  json::ParsedTree tree = json::parse_tree(text, placement);
  for (auto& diagnostic : tree.diagnostics) {
    // The JSON reader is shared with IAM documents; here its findings are Terraform's.
    if (diagnostic.code.starts_with("iam-")) diagnostic.code = "tf-" + diagnostic.code.substr(4);
    file.diagnostics.push_back(std::move(diagnostic));
  }
  if (!tree.has_root) return file;
  HclWriter writer(path, file.diagnostics);
  writer.write_root(tree.root);
  File native = parse_native_syntax(path, writer.text());
  const PositionMap map(writer.lines());
  for (auto& block : native.blocks) {
    map.remap(block);
    file.blocks.push_back(std::move(block));
  }
  for (auto& diagnostic : native.diagnostics) {
    diagnostic.position = map.at(diagnostic.position);
    file.diagnostics.push_back(std::move(diagnostic));
  }
  sort_diagnostics(file.diagnostics);
  return file;
}

}  // namespace blastgraph::terraform
