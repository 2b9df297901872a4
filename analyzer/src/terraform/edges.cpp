// Pass 2 of linking: edges from every reference, module wiring and provider configuration.
#include "terraform/edges.hpp"

#include <algorithm>

#include "terraform/file_refs.hpp"
#include "terraform/iam_attachments.hpp"
#include "terraform/nodes.hpp"
#include "terraform/resolve.hpp"

namespace blastgraph::analyzer::terraform_link {
namespace {

using terraform::BlockKind;
using terraform::Reference;
using terraform::ReferenceContext;

graph::EdgeKind kind_for(const Reference& ref, bool via_module_output) {
  switch (ref.context) {
    case ReferenceContext::depends_on:
      return graph::EdgeKind::depends_on;
    case ReferenceContext::count:
    case ReferenceContext::for_each:
      return graph::EdgeKind::meta_argument;
    case ReferenceContext::provider:
      return graph::EdgeKind::provider;
    case ReferenceContext::expression:
      break;
  }
  // NOTE: a role's permissions_boundary is an IAM edge of its own kind: the scorer's
  // "boundary shared by several services" floor follows it.
  if (ref.attribute == "permissions_boundary") return graph::EdgeKind::permission_boundary;
  return via_module_output ? graph::EdgeKind::module_output : graph::EdgeKind::reference;
}

std::string input_name(const std::string& attribute) {
  const auto end = attribute.find_first_of(".[");
  return attribute.substr(0, end);
}

// NOTE: Terraform supplies an empty default configuration for every provider a module uses
// without a `provider` block (`provider = google-beta`, `providers = { google = google }`).
// It has no arguments, so nothing to depend on: no edge, and not an unresolved reference.
// An aliased configuration (`google.west`) is never implied.
bool is_implied_provider(std::string_view subject) {
  if (!subject.starts_with("provider.")) return false;
  return subject.find('.', 9) == std::string_view::npos;
}

// A module that declares `configuration_aliases = [aws.west]` expects its caller to pass that
// configuration; read as a root (no caller here), there is nothing to resolve it to, and no
// mistake either. Called from a module that does not pass it, it stays unresolved.
bool is_expected_from_caller(const Instance& scope, std::string_view subject) {
  if (scope.call != nullptr || !subject.starts_with("provider.")) return false;
  const auto name = subject.substr(9);
  for (const auto* block : scope.dir->blocks) {
    if (block->kind != BlockKind::terraform) continue;
    const auto& aliases = block->configuration_aliases;
    if (std::find(aliases.begin(), aliases.end(), name) != aliases.end()) return true;
  }
  return false;
}

bool has_node(const terraform::Block& block) {
  switch (block.kind) {
    case BlockKind::terraform:
    case BlockKind::moved:
    case BlockKind::removed:
    case BlockKind::import:
    case BlockKind::unknown:
      return false;
    default:
      return true;
  }
}

class EdgeLinker {
 public:
  explicit EdgeLinker(LinkContext& context) : m_context(context) {}

  void link(const Instance& instance) {
    for (const auto* block : instance.dir->blocks) {
      if (!has_node(*block)) continue;
      const auto source = instance.id(block->address);
      // A block switched off in this instance (existence.hpp) has no node and links nothing.
      if (!m_context.builder.has_node(source)) continue;
      if (block->kind == BlockKind::module) {
        link_module_call(instance, *block);
      } else {
        for (const auto& ref : block->references) link_reference(instance, *block, source, ref);
        link_default_provider(instance, *block, source);
        link_iam_attachment(instance, *block, m_context);
        link_file_references(instance, *block, m_context);
      }
      link_membership(instance, *block);
    }
  }

 private:
  void link_reference(const Instance& scope, const terraform::Block& block,
                      const std::string& source, const Reference& ref,
                      std::optional<graph::EdgeKind> forced_kind = std::nullopt) {
    const bool whole = ref.context == ReferenceContext::depends_on;
    auto targets = resolve_subject(scope, ref.subject, whole);
    if (targets.empty()) {
      // A check block's own (scoped) data sources are not module-level declarations.
      const bool scoped = block.kind == BlockKind::check && ref.subject.starts_with("data.");
      if (!scoped && !is_implied_provider(ref.subject) &&
          !is_expected_from_caller(scope, ref.subject)) {
        report_unresolved(block, ref);
      }
      return;
    }
    for (const auto& target : targets) {
      const auto kind = forced_kind.value_or(kind_for(ref, target.module_output));
      m_context.builder.add_edge(
          source, target.id, kind,
          {terraform::file_of(block, ref), ref.position.line, ref.attribute});
    }
  }

  // Inputs feed the child's variables; meta-arguments (and everything, for a module that is
  // not expanded here) feed the call node, on which every member of the instance depends.
  void link_module_call(const Instance& instance, const terraform::Block& call) {
    const auto call_id = instance.id(call.address);
    auto child = instance.children.find(call.name);
    if (child == instance.children.end()) {
      for (const auto& ref : call.references) link_reference(instance, call, call_id, ref);
      if (!call.source.empty()) {
        m_context.builder.add_edge(call_id, remote_module_id(call), graph::EdgeKind::reference,
                                   {call.span.file, call.span.first_line, "source"});
      }
      return;
    }
    const Instance& module = *child->second;
    for (const auto& ref : call.references) {
      if (ref.context != ReferenceContext::expression) {
        if (ref.context != ReferenceContext::provider) {
          link_reference(instance, call, call_id, ref);
        }
        continue;
      }
      const auto variable = "var." + input_name(ref.attribute);
      if (module.dir->by_address.contains(variable)) {
        link_reference(instance, call, module.id(variable), ref, graph::EdgeKind::module_input);
      } else {
        link_reference(instance, call, call_id, ref);
      }
    }
  }

  void link_default_provider(const Instance& instance, const terraform::Block& block,
                             const std::string& source) {
    if (block.kind != BlockKind::resource && block.kind != BlockKind::data &&
        block.kind != BlockKind::ephemeral) {
      return;
    }
    if (!block.provider.empty()) return;  // explicit: a provider-context reference
    const auto underscore = block.type.find('_');
    auto provider = resolve_provider(instance, block.type.substr(0, underscore));
    if (provider.empty()) return;
    m_context.builder.add_edge(source, provider, graph::EdgeKind::provider,
                               {block.span.file, block.span.first_line, "provider"});
  }

  void link_membership(const Instance& instance, const terraform::Block& block) {
    if (instance.call == nullptr) return;
    if (block.kind != BlockKind::resource && block.kind != BlockKind::data &&
        block.kind != BlockKind::ephemeral && block.kind != BlockKind::module) {
      return;
    }
    const auto& call = *instance.call;
    m_context.builder.add_edge(instance.id(block.address), instance.parent->id(call.address),
                               graph::EdgeKind::module_member,
                               {call.span.file, call.span.first_line, "module"});
  }

  void report_unresolved(const terraform::Block& block, const Reference& ref) {
    m_context.diagnostics.push_back(
        {terraform::file_of(block, ref), ref.position, Severity::warning, "tf-unresolved-reference",
         "reference to undeclared " + ref.subject + " in " + block.address});
  }

  LinkContext& m_context;
};

}  // namespace

void link_instance_edges(const Instance& instance, LinkContext& context) {
  EdgeLinker(context).link(instance);
}

}  // namespace blastgraph::analyzer::terraform_link
