// Pass 1 of linking: one node per addressable block per instance.
#include "terraform/nodes.hpp"

#include "classify/criticality.hpp"
#include "terraform/existence.hpp"
#include "terraform/identities.hpp"
#include "terraform/inline_policies.hpp"
#include "terraform/services.hpp"
#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::terraform_link {
namespace {

using terraform::BlockKind;

struct NodeShape {
  std::string type;
  graph::Role role;
};

std::optional<NodeShape> shape_of(const terraform::Block& block) {
  switch (block.kind) {
    case BlockKind::resource: return NodeShape{block.type, graph::Role::resource};
    // Data sources are read, not managed: they carry reach but are not counted.
    case BlockKind::data: return NodeShape{"data." + block.type, graph::Role::value};
    // Ephemeral resources are opened for one run and never stored: like data sources, they
    // pass reach on (a password generated for a write-only argument) without being counted.
    case BlockKind::ephemeral: return NodeShape{"ephemeral." + block.type, graph::Role::value};
    case BlockKind::module: return NodeShape{"module", graph::Role::module};
    case BlockKind::variable: return NodeShape{"variable", graph::Role::value};
    case BlockKind::local: return NodeShape{"local", graph::Role::value};
    case BlockKind::output: return NodeShape{"output", graph::Role::value};
    case BlockKind::provider: return NodeShape{"provider", graph::Role::value};
    case BlockKind::check: return NodeShape{"check", graph::Role::value};
    case BlockKind::terraform:
    case BlockKind::moved:
    case BlockKind::removed:
    case BlockKind::import:
    case BlockKind::unknown: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::string remote_module_id(const terraform::Block& call) {
  std::string id = "ext:module:" + call.source;
  if (!call.version.empty()) id += "@" + call.version;
  return id;
}

void add_instance_nodes(const Instance& instance, LinkContext& context) {
  if (!instance_exists(instance)) return;
  const InstanceServices services(instance, context.root_name);
  for (const auto* block : instance.dir->blocks) {
    auto shape = shape_of(*block);
    if (!shape || !block_exists(instance, *block)) continue;
    graph::Node node;
    node.id = instance.id(block->address);
    node.domain = graph::Domain::terraform;
    node.type = shape->type;
    node.role = shape->role;
    node.service = services.service_of(*block);
    node.span = block->span;
    if (block->kind == BlockKind::resource || block->kind == BlockKind::data) {
      node.criticality = classify_terraform_type(block->type);
    }
    collect_identity(instance, *block, node.id, context.identities);
    read_inline_policies(instance, *block, node.id, context);
    context.builder.add_node(std::move(node));

    const bool remote = block->kind == BlockKind::module && !instance.children.contains(block->name);
    if (remote && !block->source.empty()) {
      if (context.builder.add_external(remote_module_id(*block), "module")) {
        ++context.coverage.external_modules;
      }
    }
  }
}

}  // namespace blastgraph::analyzer::terraform_link
