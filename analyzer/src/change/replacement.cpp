#include "change/replacement.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "change/node_content.hpp"

namespace blastgraph::analyzer::replacement {
namespace {

struct Entry {
  std::string_view type;
  std::string_view path;
  auto operator<=>(const Entry&) const = default;
};

constexpr Entry k_force_new[] = {
#include "terraform/force_new.inc"
};

using Attributes = std::map<std::string, terraform::Value>;

void compare_attributes(const Attributes& old, const Attributes& now, const std::string& prefix,
                        std::set<std::string>& out) {
  for (const auto& [name, value] : old) {
    const auto found = now.find(name);
    if (found == now.end() || content::fold_whitespace(found->second.expression) !=
                                  content::fold_whitespace(value.expression)) {
      out.insert(prefix + name);
    }
  }
  for (const auto& [name, value] : now) {
    if (!old.contains(name)) out.insert(prefix + name);
  }
}

void every_path(const terraform::NestedBlock& block, const std::string& prefix,
                std::set<std::string>& out) {
  const auto path = prefix + block.type;
  out.insert(path);
  for (const auto& [name, value] : block.attributes) out.insert(path + "." + name);
  for (const auto& child : block.blocks) every_path(child, path + ".", out);
}

void compare_blocks(const std::vector<terraform::NestedBlock>& old,
                    const std::vector<terraform::NestedBlock>& now, const std::string& prefix,
                    std::set<std::string>& out) {
  std::map<std::string, std::vector<const terraform::NestedBlock*>> before;
  std::map<std::string, std::vector<const terraform::NestedBlock*>> after;
  for (const auto& block : old) before[block.type].push_back(&block);
  for (const auto& block : now) after[block.type].push_back(&block);
  std::set<std::string> types;
  for (const auto& [type, blocks] : before) types.insert(type);
  for (const auto& [type, blocks] : after) types.insert(type);
  for (const auto& type : types) {
    const auto& a = before[type];
    const auto& b = after[type];
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
      if (i >= a.size()) {
        every_path(*b[i], prefix, out);
      } else if (i >= b.size()) {
        every_path(*a[i], prefix, out);
      } else {
        const auto path = prefix + type + ".";
        compare_attributes(a[i]->attributes, b[i]->attributes, path, out);
        compare_blocks(a[i]->blocks, b[i]->blocks, path, out);
      }
    }
  }
}

}  // namespace

bool forces_replacement(std::string_view type, std::string_view path) {
  return std::binary_search(std::begin(k_force_new), std::end(k_force_new), Entry{type, path});
}

std::vector<std::string> changed_paths(const terraform::Block& base, const terraform::Block& head) {
  std::set<std::string> out;
  compare_attributes(base.attributes, head.attributes, "", out);
  compare_blocks(base.blocks, head.blocks, "", out);
  return {out.begin(), out.end()};
}

std::vector<std::string> replacing_paths(const terraform::Block& base,
                                         const terraform::Block& head) {
  std::vector<std::string> out;
  for (const auto& path : changed_paths(base, head)) {
    if (forces_replacement(head.type, path)) out.push_back(path);
  }
  return out;
}

}  // namespace blastgraph::analyzer::replacement
