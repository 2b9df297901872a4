// JSON 6902 patches: add, remove, replace, move, copy and test over JSON pointers.

#include <charconv>

#include "kubernetes/kustomize/build.hpp"

namespace blastgraph::kubernetes::kustomize {
namespace {

std::vector<std::string> split_pointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  pointer.remove_prefix(1);  // the leading '/'
  while (true) {
    const auto slash = pointer.find('/');
    std::string token(pointer.substr(0, slash));
    for (std::size_t i = 0; (i = token.find('~', i)) != std::string::npos; ++i) {
      if (i + 1 < token.size()) token.replace(i, 2, token[i + 1] == '1' ? "/" : "~");
    }
    tokens.push_back(std::move(token));
    if (slash == std::string_view::npos) break;
    pointer.remove_prefix(slash + 1);
  }
  return tokens;
}

std::optional<std::size_t> index_of(const std::string& token, std::size_t size, bool allow_end) {
  if (token == "-" && allow_end) return size;
  std::size_t index = 0;
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
  if (ec != std::errc() || end != token.data() + token.size()) return std::nullopt;
  if (index > size || (index == size && !allow_end)) return std::nullopt;
  return index;
}

// The parent of the pointer's last token, or nullptr.
Tree* parent_of(Tree& root, const std::vector<std::string>& tokens) {
  Tree* node = &root;
  for (std::size_t i = 0; i + 1 < tokens.size() && node != nullptr; ++i) {
    if (node->is_sequence()) {
      auto index = index_of(tokens[i], node->items.size(), false);
      node = index ? &node->items[*index] : nullptr;
    } else {
      node = node->find(tokens[i]);
    }
  }
  return node;
}

Tree* lookup(Tree& root, const std::vector<std::string>& tokens) {
  if (tokens.empty()) return &root;
  Tree* parent = parent_of(root, tokens);
  if (parent == nullptr) return nullptr;
  if (parent->is_sequence()) {
    auto index = index_of(tokens.back(), parent->items.size(), false);
    return index ? &parent->items[*index] : nullptr;
  }
  return parent->find(tokens.back());
}

bool add(Tree& root, const std::vector<std::string>& tokens, Tree value) {
  if (tokens.empty()) return false;
  Tree* parent = parent_of(root, tokens);
  if (parent == nullptr) return false;
  if (parent->is_sequence()) {
    auto index = index_of(tokens.back(), parent->items.size(), true);
    if (!index) return false;
    parent->items.insert(parent->items.begin() + static_cast<std::ptrdiff_t>(*index), std::move(value));
    return true;
  }
  if (!parent->is_mapping() && !parent->is_null()) return false;
  parent->set(tokens.back(), std::move(value));
  return true;
}

bool remove(Tree& root, const std::vector<std::string>& tokens) {
  if (tokens.empty()) return false;
  Tree* parent = parent_of(root, tokens);
  if (parent == nullptr) return false;
  if (parent->is_sequence()) {
    auto index = index_of(tokens.back(), parent->items.size(), false);
    if (!index) return false;
    parent->items.erase(parent->items.begin() + static_cast<std::ptrdiff_t>(*index));
    return true;
  }
  if (parent->find(tokens.back()) == nullptr) return false;
  parent->erase(tokens.back());
  return true;
}

bool apply_operation(Tree& root, const Tree& operation, std::string& error) {
  const std::string op(operation.text_at({"op"}));
  const auto path = split_pointer(operation.text_at({"path"}));
  const Tree* value = operation.find("value");
  const auto from = split_pointer(operation.text_at({"from"}));
  bool ok = false;
  if (op == "add") {
    ok = value != nullptr && add(root, path, *value);
  } else if (op == "remove") {
    ok = remove(root, path);
  } else if (op == "replace") {
    Tree* target = lookup(root, path);
    ok = target != nullptr && value != nullptr;
    if (ok) *target = *value;
  } else if (op == "copy" || op == "move") {
    Tree* source = lookup(root, from);
    if (source != nullptr) {
      Tree copy = *source;
      ok = (op == "copy" || remove(root, from)) && add(root, path, std::move(copy));
    }
  } else if (op == "test") {
    Tree* target = lookup(root, path);
    ok = target != nullptr && value != nullptr && same_content(*target, *value);
  }
  if (!ok) error = "operation '" + op + "' at '" + std::string(operation.text_at({"path"})) + "' does not apply";
  return ok;
}

}  // namespace

bool apply_json_patch(Tree& target, const Tree& operations, std::string& error) {
  if (!operations.is_sequence()) {
    error = "a JSON 6902 patch is a list of operations";
    return false;
  }
  // All or nothing, as RFC 6902 says.
  Tree patched = target;
  for (const Tree& operation : operations.items) {
    if (!apply_operation(patched, operation, error)) return false;
  }
  target = std::move(patched);
  return true;
}

}  // namespace blastgraph::kubernetes::kustomize
