// Tree: building from yaml::Node, lookups, comparison and JSON text.

#include "kubernetes/kustomize/tree.hpp"

#include <algorithm>
#include <cstdio>

namespace blastgraph::kubernetes::kustomize {

Tree Tree::string(std::string text, SourcePosition at) {
  Tree t;
  t.text = std::move(text);
  t.style = yaml::ScalarStyle::double_quoted;
  t.position = at;
  t.last_line = at.line;
  return t;
}

Tree Tree::mapping(SourcePosition at) {
  Tree t;
  t.kind = Kind::mapping;
  t.position = at;
  t.last_line = at.line;
  return t;
}

Tree Tree::sequence(SourcePosition at) {
  Tree t = mapping(at);
  t.kind = Kind::sequence;
  return t;
}

bool Tree::is_null() const {
  if (!is_scalar() || tagged || style != yaml::ScalarStyle::plain) return false;
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

const Tree* Tree::find(std::string_view key) const {
  if (!is_mapping()) return nullptr;
  for (const auto& [k, v] : entries) {
    if (k == key) return &v;
  }
  return nullptr;
}

Tree* Tree::find(std::string_view key) {
  return const_cast<Tree*>(static_cast<const Tree*>(this)->find(key));
}

Tree& Tree::ensure(std::string_view key, Kind kind_of_new) {
  if (is_null()) {
    kind = Kind::mapping;
    text.clear();
  }
  if (Tree* found = find(key)) return *found;
  Tree value = kind_of_new == Kind::sequence ? sequence(position) : mapping(position);
  if (kind_of_new == Kind::scalar) value = Tree::string("", position);
  entries.emplace_back(std::string(key), std::move(value));
  return entries.back().second;
}

void Tree::set(std::string_view key, Tree value) {
  if (Tree* found = find(key)) {
    // Keep where the field was written: evidence of a renamed reference points there.
    if (value.position.line == 0) {
      value.position = found->position;
      value.last_line = found->last_line;
    }
    value.key_position = found->key_position;
    *found = std::move(value);
    return;
  }
  if (is_null()) kind = Kind::mapping;
  if (value.position.line == 0) {
    value.position = position;
    value.last_line = position.line;
  }
  entries.emplace_back(std::string(key), std::move(value));
}

void Tree::erase(std::string_view key) {
  std::erase_if(entries, [&](const auto& entry) { return entry.first == key; });
}

std::string_view Tree::text_at(std::initializer_list<std::string_view> path) const {
  const Tree* node = this;
  for (std::string_view key : path) {
    node = node->find(key);
    if (node == nullptr) return {};
  }
  return node->is_scalar() && !node->is_null() ? std::string_view(node->text) : std::string_view();
}

Tree from_yaml(yaml::Node node) {
  Tree t;
  t.position = node.position();
  t.last_line = node.last_line();
  if (node.is_scalar()) {
    t.text = std::string(node.scalar());
    t.style = node.style();
    t.tagged = node.style() == yaml::ScalarStyle::plain && !node.is_plain();
  } else if (node.is_sequence()) {
    t.kind = Tree::Kind::sequence;
    for (std::size_t i = 0; i < node.size(); ++i) t.items.push_back(from_yaml(node.item(i)));
  } else if (node.is_mapping()) {
    t.kind = Tree::Kind::mapping;
    for (std::size_t i = 0; i < node.size(); ++i) {
      if (!node.key(i).is_scalar()) continue;
      Tree value = from_yaml(node.value(i));
      value.key_position = node.key(i).position();
      t.entries.emplace_back(std::string(node.key(i).scalar()), std::move(value));
    }
  }
  return t;
}

bool same_content(const Tree& a, const Tree& b) {
  if (a.is_null() && b.is_null()) return true;
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Tree::Kind::scalar:
      return a.text == b.text;
    case Tree::Kind::sequence:
      return std::equal(a.items.begin(), a.items.end(), b.items.begin(), b.items.end(),
                        same_content);
    case Tree::Kind::mapping:
      if (a.entries.size() != b.entries.size()) return false;
      return std::all_of(a.entries.begin(), a.entries.end(), [&](const auto& entry) {
        const Tree* other = b.find(entry.first);
        return other != nullptr && same_content(entry.second, *other);
      });
  }
  return false;
}

namespace {

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      // Go's encoding/json escapes these for HTML safety; the name hash must match it.
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

bool is_json_literal(const Tree& t) {
  if (t.style != yaml::ScalarStyle::plain || t.tagged || t.text.empty()) return t.is_null();
  if (t.is_null() || t.text == "true" || t.text == "false") return true;
  std::size_t i = t.text[0] == '-' ? 1 : 0;
  if (i == t.text.size()) return false;
  bool dot = false;
  for (; i < t.text.size(); ++i) {
    const char c = t.text[i];
    if (c == '.' && !dot) {
      dot = true;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string to_json(const Tree& tree, KeyOrder order) {
  switch (tree.kind) {
    case Tree::Kind::scalar:
      if (tree.is_null()) return "null";
      return is_json_literal(tree) ? tree.text : json_string(tree.text);
    case Tree::Kind::sequence: {
      std::string out = "[";
      for (std::size_t i = 0; i < tree.items.size(); ++i) {
        out += (i ? "," : "") + to_json(tree.items[i], order);
      }
      return out + "]";
    }
    case Tree::Kind::mapping: {
      std::vector<const TreeEntry*> entries;
      for (const auto& entry : tree.entries) entries.push_back(&entry);
      if (order == KeyOrder::sorted) {
        std::sort(entries.begin(), entries.end(),
                  [](const auto* a, const auto* b) { return a->first < b->first; });
      }
      std::string out = "{";
      for (std::size_t i = 0; i < entries.size(); ++i) {
        out += (i ? "," : "") + json_string(entries[i]->first) + ":" +
               to_json(entries[i]->second, order);
      }
      return out + "}";
    }
  }
  return "null";
}

}  // namespace blastgraph::kubernetes::kustomize
