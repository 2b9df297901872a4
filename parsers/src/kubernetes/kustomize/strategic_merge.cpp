// Strategic merge, as kubectl and kustomize merge a patch into an object: mappings merge,
// null deletes a field, lists of named items (containers, env, volumes, volumeMounts, ports)
// merge item by item, `$patch: replace` / `$patch: delete` directives; other lists replace.

#include "kubernetes/kustomize/build.hpp"

namespace blastgraph::kubernetes::kustomize {
namespace {

// The merge key of a list, from its items: ports by port number, the rest by name.
std::string_view merge_key(std::string_view field, const Tree& list) {
  const Tree* first = list.items.empty() ? nullptr : &list.items.front();
  if (first == nullptr || !first->is_mapping()) return {};
  if (field == "ports") return first->find("containerPort") != nullptr ? "containerPort" : "port";
  if (first->find("name") != nullptr) return "name";
  if (first->find("mountPath") != nullptr) return "mountPath";
  return {};
}

// The patch's items come first, in its order (each merged into the target's item with its
// key), then the target's items the patch does not name, as kustomize 5 orders a merged list.
void merge_list(std::string_view field, Tree& target, const Tree& patch) {
  const std::string_view key = merge_key(field, patch);
  if (key.empty() || !target.is_sequence()) {
    target = patch;
    return;
  }
  std::vector<Tree> merged;
  std::vector<bool> named(target.items.size(), false);
  for (const Tree& item : patch.items) {
    const std::string_view value = item.text_at({key});
    bool found = false;
    for (std::size_t i = 0; i < target.items.size(); ++i) {
      if (named[i] || target.items[i].text_at({key}) != value) continue;
      named[i] = true;
      found = true;
      if (item.text_at({"$patch"}) == "delete") break;
      merged.push_back(std::move(target.items[i]));
      merge_strategic(merged.back(), item);
      break;
    }
    if (!found && item.text_at({"$patch"}) != "delete") merged.push_back(item);
  }
  for (std::size_t i = 0; i < target.items.size(); ++i) {
    if (!named[i]) merged.push_back(std::move(target.items[i]));
  }
  target.items = std::move(merged);
}

}  // namespace

void merge_strategic(Tree& target, const Tree& patch) {
  if (!patch.is_mapping() || !target.is_mapping()) {
    target = patch;
    return;
  }
  if (patch.text_at({"$patch"}) == "replace") {
    target = patch;
    target.erase("$patch");
    return;
  }
  for (const auto& [key, value] : patch.entries) {
    if (key == "$patch" || key.starts_with("$setElementOrder")) continue;
    if (value.is_null()) {
      target.erase(key);
      continue;
    }
    Tree* existing = target.find(key);
    if (existing == nullptr) {
      target.set(key, value);
    } else if (value.is_sequence()) {
      merge_list(key, *existing, value);
    } else {
      merge_strategic(*existing, value);
    }
  }
}

}  // namespace blastgraph::kubernetes::kustomize
