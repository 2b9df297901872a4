#include "iam/json_tree.hpp"

#include <exception>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "iam/token_cursor.hpp"

namespace blastgraph::iam::json {
namespace {

// nlohmann quotes the bytes it last read, which in a binary file are control characters or
// broken UTF-8: those are shown as \xNN so a diagnostic is always printable.
std::string printable(std::string_view text) {
  static constexpr std::string_view k_hex = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F) {
      out += c;
    } else {
      out += "\\x";
      out += k_hex[byte >> 4U];
      out += k_hex[byte & 0xFU];
    }
  }
  return out;
}

// nlohmann's messages start with "[json.exception...] parse error at line L, column C: ";
// our diagnostic carries the position itself.
std::string describe(const std::exception& error) {
  const std::string what = error.what();
  const std::size_t column = what.find("column ");
  const std::size_t colon = column == std::string::npos ? column : what.find(": ", column);
  return printable(colon == std::string::npos ? what : what.substr(colon + 2));
}

class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  TreeBuilder(std::string_view text, const Placement& placement, ParsedTree& tree)
      : m_cursor(text, placement), m_placement(placement), m_tree(tree) {}

  bool null() override { return add_scalar(Kind::null, "null"); }
  bool boolean(bool value) override { return add_scalar(Kind::boolean, value ? "true" : "false"); }
  bool number_integer(number_integer_t /*value*/) override { return add_number(); }
  bool number_unsigned(number_unsigned_t /*value*/) override { return add_number(); }
  bool number_float(number_float_t /*value*/, const string_t& /*text*/) override {
    return add_number();
  }
  bool string(string_t& value) override { return add_scalar(Kind::string, std::move(value)); }
  bool binary(binary_t& /*value*/) override { return true; }  // JSON text has none

  bool start_object(std::size_t /*size*/) override { return open(Kind::object); }
  bool start_array(std::size_t /*size*/) override { return open(Kind::array); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& value) override {
    const SourcePosition position = m_cursor.take();
    m_stack.back()->members.push_back({std::move(value), position, Node{}});
    // Incomplete until its value arrives: an error right after the key leaves it so.
    m_stack.back()->members.back().value.complete = false;
    return true;
  }

  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& error) override {
    // `position` counts the bytes read, the offending one included.
    report(m_cursor.error_position(position > 0 ? position - 1 : 0), "iam-json", describe(error));
    return false;
  }

  void report(SourcePosition position, std::string code, std::string message) {
    m_tree.diagnostics.push_back({std::string(m_placement.file), position, Severity::error,
                                  std::move(code), std::move(message)});
    for (Node* open_node : m_stack) open_node->complete = false;
  }

 private:
  Node* new_value(SourcePosition position) {
    Node* node = nullptr;
    if (m_stack.empty()) {
      m_tree.has_root = true;
      node = &m_tree.root;
    } else if (m_stack.back()->kind == Kind::array) {
      node = &m_stack.back()->items.emplace_back();
    } else {
      node = &m_stack.back()->members.back().value;
    }
    node->position = position;
    node->complete = true;
    return node;
  }

  bool count_node(SourcePosition position) {
    if (++m_nodes <= k_max_nodes) return true;
    report(position, "iam-too-large", "more than " + std::to_string(k_max_nodes) + " JSON values");
    return false;
  }

  bool add_scalar(Kind kind, std::string text) {
    const SourcePosition position = m_cursor.take();
    if (!count_node(position)) return false;
    Node* node = new_value(position);
    node->kind = kind;
    node->text = std::move(text);
    return true;
  }

  bool add_number() {
    // Numbers keep their spelling: condition values compare as written ("01" is not "1").
    const SourcePosition position = m_cursor.take();
    if (!count_node(position)) return false;
    Node* node = new_value(position);
    node->kind = Kind::number;
    node->text = m_cursor.last_token();
    return true;
  }

  bool open(Kind kind) {
    const SourcePosition position = m_cursor.take();
    if (m_stack.size() >= k_max_depth) {
      report(position, "iam-too-deep",
             "nesting deeper than " + std::to_string(k_max_depth) + " levels is not read");
      return false;
    }
    if (!count_node(position)) return false;
    Node* node = new_value(position);
    node->kind = kind;
    m_stack.push_back(node);
    return true;
  }

  bool close() {
    (void)m_cursor.take();
    m_stack.pop_back();
    return true;
  }

  TokenCursor m_cursor;
  Placement m_placement;
  ParsedTree& m_tree;
  std::vector<Node*> m_stack;  // open containers; only the innermost ever grows
  std::size_t m_nodes = 0;
};

}  // namespace

const Node* Node::find(std::string_view key) const {
  for (const Member& member : members) {
    if (member.key == key) return &member.value;
  }
  return nullptr;
}

ParsedTree parse_tree(std::string_view text, const Placement& placement) {
  ParsedTree tree;
  TreeBuilder builder(text, placement, tree);
  try {
    (void)nlohmann::json::sax_parse(text.begin(), text.end(), &builder,
                                    nlohmann::json::input_format_t::json, true, false);
  } catch (const std::exception& error) {
    // The SAX parser reports syntax errors through parse_error; anything thrown is an
    // environment failure such as running out of memory. Keep what was built.
    builder.report(placement.start, "iam-json", describe(error));
  }
  return tree;
}

}  // namespace blastgraph::iam::json
