#include "terraform/block_kinds.hpp"

#include <array>

namespace blastgraph::terraform {
namespace {

constexpr std::array k_block_kinds{
    BlockKindInfo{"resource", BlockKind::resource, 2, "a type and a name"},
    BlockKindInfo{"data", BlockKind::data, 2, "a type and a name"},
    BlockKindInfo{"ephemeral", BlockKind::ephemeral, 2, "a type and a name"},
    BlockKindInfo{"module", BlockKind::module, 1, "a name"},
    BlockKindInfo{"variable", BlockKind::variable, 1, "a name"},
    BlockKindInfo{"locals", BlockKind::local, 0, "no labels"},
    BlockKindInfo{"output", BlockKind::output, 1, "a name"},
    BlockKindInfo{"provider", BlockKind::provider, 1, "a provider name"},
    BlockKindInfo{"terraform", BlockKind::terraform, 0, "no labels"},
    BlockKindInfo{"moved", BlockKind::moved, 0, "no labels"},
    BlockKindInfo{"removed", BlockKind::removed, 0, "no labels"},
    BlockKindInfo{"import", BlockKind::import, 0, "no labels"},
    BlockKindInfo{"check", BlockKind::check, 1, "a name"},
};

// Terraform 1.14's `action` blocks run provider actions; they are not part of the graph yet.
constexpr std::array<std::string_view, 1> k_unsupported_types{"action"};

}  // namespace

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::resource:
      return "resource";
    case BlockKind::data:
      return "data";
    case BlockKind::ephemeral:
      return "ephemeral";
    case BlockKind::module:
      return "module";
    case BlockKind::variable:
      return "variable";
    case BlockKind::local:
      return "local";
    case BlockKind::output:
      return "output";
    case BlockKind::provider:
      return "provider";
    case BlockKind::terraform:
      return "terraform";
    case BlockKind::moved:
      return "moved";
    case BlockKind::removed:
      return "removed";
    case BlockKind::import:
      return "import";
    case BlockKind::check:
      return "check";
    case BlockKind::unknown:
      return "unknown";
  }
  return "unknown";
}

std::optional<BlockKindInfo> find_block_kind(std::string_view type) {
  for (const BlockKindInfo& info : k_block_kinds) {
    if (info.type == type) return info;
  }
  return std::nullopt;
}

bool is_unsupported_block_type(std::string_view type) {
  for (std::string_view unsupported : k_unsupported_types) {
    if (unsupported == type) return true;
  }
  return false;
}

}  // namespace blastgraph::terraform
