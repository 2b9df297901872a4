#include "terraform/overrides.hpp"

#include <algorithm>
#include <set>

#include "terraform/module_tree.hpp"

namespace blastgraph::analyzer::terraform_link {
namespace {

using terraform::Block;
using terraform::NestedBlock;

// The block type a nested block stands for: `dynamic "ingress"` generates `ingress` blocks.
std::string_view generated_type(const NestedBlock& block) {
  if (block.type == "dynamic" && !block.labels.empty()) return block.labels.front();
  return block.type;
}

// "ingress.cidr_blocks" -> "ingress"; "tags[\"a\"]" -> "tags".
std::string_view first_step(std::string_view attribute) {
  return attribute.substr(0, attribute.find_first_of(".["));
}

void merge_lifecycle(std::vector<NestedBlock>& blocks, const NestedBlock& override) {
  for (auto& block : blocks) {
    if (block.type != "lifecycle") continue;
    for (const auto& [name, value] : override.attributes)
      block.attributes.insert_or_assign(name, value);
    return;
  }
  blocks.push_back(override);
}

void merge_nested(Block& base, const Block& override,
                  std::set<std::string, std::less<>>& replaced) {
  std::set<std::string, std::less<>> types;
  for (const auto& block : override.blocks) {
    if (block.type != "lifecycle") types.emplace(generated_type(block));
  }
  std::erase_if(base.blocks,
                [&](const NestedBlock& block) { return types.contains(generated_type(block)); });
  for (const auto& block : override.blocks) {
    if (block.type == "lifecycle") {
      merge_lifecycle(base.blocks, block);
      for (const auto& [name, value] : block.attributes) replaced.emplace("lifecycle." + name);
    } else {
      base.blocks.push_back(block);
    }
  }
  replaced.insert(types.begin(), types.end());
}

bool is_replaced(const terraform::Reference& ref,
                 const std::set<std::string, std::less<>>& replaced) {
  if (replaced.contains(first_step(ref.attribute))) return true;
  // lifecycle arguments are replaced one by one: "lifecycle.replace_triggered_by".
  const std::string_view at(ref.attribute);
  if (!at.starts_with("lifecycle.")) return false;
  const auto second = at.substr(10, at.substr(10).find_first_of(".[")).size() + 10;
  return replaced.contains(at.substr(0, second));
}

}  // namespace

bool is_override_file(std::string_view path) {
  std::string_view name = file_name(path);
  if (name.ends_with(".tf.json")) {
    name.remove_suffix(8);
  } else if (name.ends_with(".tf")) {
    name.remove_suffix(3);
  } else {
    return false;
  }
  return name == "override" || name.ends_with("_override");
}

void merge_override(Block& base, const Block& override) {
  std::set<std::string, std::less<>> replaced;
  for (const auto& [name, value] : override.attributes) {
    base.attributes.insert_or_assign(name, value);
    replaced.insert(name);
  }
  merge_nested(base, override, replaced);
  std::erase_if(base.references,
                [&](const terraform::Reference& ref) { return is_replaced(ref, replaced); });
  for (auto ref : override.references) {
    if (ref.file.empty()) ref.file = override.span.file;
    base.references.push_back(std::move(ref));
  }
  if (override.attributes.contains("tags") || override.attributes.contains("labels")) {
    base.tags = override.tags;
  }
  if (override.attributes.contains("provider")) base.provider = override.provider;
  if (override.attributes.contains("source")) base.source = override.source;
  if (override.attributes.contains("version")) base.version = override.version;
  if (override.attributes.contains("providers")) base.providers = override.providers;
  for (auto& [name, value] : base.attributes) {
    if (override.attributes.contains(name) && value.file.empty()) value.file = override.span.file;
  }
  base.normalized_text += " override: " + override.normalized_text;
}

}  // namespace blastgraph::analyzer::terraform_link
