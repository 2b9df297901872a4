#include "terraform/resolve.hpp"

#include <algorithm>
#include <string_view>

namespace blastgraph::analyzer::terraform_link {
namespace {

using terraform::BlockKind;

void collect_resources(const Instance& instance, std::vector<Target>& out) {
  for (const auto* block : instance.dir->blocks) {
    if (block->kind == BlockKind::resource || block->kind == BlockKind::data) {
      out.push_back({instance.id(block->address), false});
    }
  }
  for (const auto& [name, child] : instance.children) collect_resources(*child, out);
}

std::vector<Target> resolve_module(const Instance& instance, std::string_view rest,
                                   bool whole_module_resources) {
  // rest = "name" or "name.output"
  const auto dot = rest.find('.');
  const std::string name(rest.substr(0, dot));
  const auto call = instance.dir->by_address.find("module." + name);
  if (call == instance.dir->by_address.end()) return {};
  const auto child = instance.children.find(name);
  if (child == instance.children.end()) {
    // Remote or unexpanded: the call node stands for everything the module holds.
    return {{instance.id("module." + name), true}};
  }
  const Instance& module = *child->second;
  std::vector<Target> out;
  if (dot != std::string_view::npos) {
    const std::string output = "output." + std::string(rest.substr(dot + 1));
    if (module.dir->by_address.contains(output)) out.push_back({module.id(output), true});
    return out;
  }
  if (whole_module_resources) {
    collect_resources(module, out);
    return out;
  }
  for (const auto* block : module.dir->blocks) {
    if (block->kind == BlockKind::output) out.push_back({module.id(block->address), true});
  }
  return out;
}

}  // namespace

std::vector<Target> resolve_subject(const Instance& instance, const std::string& subject,
                                    bool whole_module_resources) {
  std::string_view view(subject);
  if (view.starts_with("module.")) {
    return resolve_module(instance, view.substr(7), whole_module_resources);
  }
  if (view.starts_with("provider.")) {
    auto id = resolve_provider(instance, subject.substr(9));
    if (id.empty()) return {};
    return {{id, false}};
  }
  if (!instance.dir->by_address.contains(subject)) return {};
  return {{instance.id(subject), false}};
}

std::string resolve_provider(const Instance& instance, std::string name) {
  const Instance* scope = &instance;
  while (scope != nullptr) {
    if (scope->dir->by_address.contains("provider." + name)) return scope->id("provider." + name);
    if (scope->call == nullptr) return {};
    auto passed = scope->call->providers.find(name);
    if (passed != scope->call->providers.end()) {
      name = passed->second;
    } else if (name.find('.') != std::string::npos) {
      return {};  // an aliased configuration is never inherited implicitly
    }
    scope = scope->parent;
  }
  return {};
}

}  // namespace blastgraph::analyzer::terraform_link

namespace blastgraph::analyzer::terraform_link {
namespace {

void trace(const Instance& instance, const std::string& subject, int depth,
           std::vector<std::string>& out);

void trace_block_references(const Instance& scope, const terraform::Block& block,
                            std::string_view attribute, int depth, std::vector<std::string>& out) {
  for (const auto& ref : block.references) {
    if (ref.context != terraform::ReferenceContext::expression) continue;
    if (!attribute.empty()) {
      const std::string_view at(ref.attribute);
      if (!(at == attribute || (at.starts_with(attribute) &&
                                (at[attribute.size()] == '.' || at[attribute.size()] == '[')))) {
        continue;
      }
    }
    trace(scope, ref.subject, depth + 1, out);
  }
}

void trace(const Instance& instance, const std::string& subject, int depth,
           std::vector<std::string>& out) {
  if (depth > k_trace_depth) return;
  std::string_view view(subject);
  if (view.starts_with("var.")) {
    const auto name = subject.substr(4);
    if (instance.call != nullptr && instance.call->attributes.contains(name)) {
      trace_block_references(*instance.parent, *instance.call, name, depth, out);
    }
    return;
  }
  if (view.starts_with("local.")) {
    auto it = instance.dir->by_address.find(subject);
    if (it != instance.dir->by_address.end()) trace_block_references(instance, *it->second, "", depth, out);
    return;
  }
  if (view.starts_with("module.")) {
    const auto rest = view.substr(7);
    const auto dot = rest.find('.');
    if (dot == std::string_view::npos) return;
    auto child = instance.children.find(std::string(rest.substr(0, dot)));
    if (child == instance.children.end()) return;
    const auto output = "output." + std::string(rest.substr(dot + 1));
    auto it = child->second->dir->by_address.find(output);
    if (it != child->second->dir->by_address.end()) {
      trace_block_references(*child->second, *it->second, "", depth, out);
    }
    return;
  }
  if (view.starts_with("provider.") || view.starts_with("data.")) return;
  auto it = instance.dir->by_address.find(subject);
  if (it == instance.dir->by_address.end() || it->second->kind != terraform::BlockKind::resource) return;
  auto id = instance.id(subject);
  if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(std::move(id));
}

}  // namespace

std::vector<std::string> trace_resources(const Instance& instance, const std::string& subject) {
  std::vector<std::string> out;
  trace(instance, subject, 0, out);
  return out;
}

}  // namespace blastgraph::analyzer::terraform_link
