#include "terraform/state_locations.hpp"

namespace blastgraph::analyzer::terraform_link {

Settings known_strings(const StaticValue& value) {
  Settings out;
  if (value.kind != StaticValue::Kind::object) return out;
  for (const auto& [key, field] : value.fields) {
    if (field.guessed()) continue;
    if (auto text = string_form(field)) out[key] = *text;
  }
  return out;
}

std::optional<StateLocation> state_location(const Instance& root) {
  StateLocation location{root.root, "local", {}};
  if (root.dir == nullptr) return std::nullopt;
  for (const auto* block : root.dir->blocks) {
    if (block->kind != terraform::BlockKind::terraform) continue;
    for (const auto& nested : block->blocks) {
      if (nested.type != "backend" || nested.labels.empty()) continue;
      location.type = nested.labels.front();
      for (const auto& [key, value] : nested.attributes) {
        if (auto text = static_string(root, value)) location.settings[key] = *text;
      }
      return location;
    }
  }
  return location;
}

}  // namespace blastgraph::analyzer::terraform_link
