#include "terraform/services.hpp"

#include <utility>

#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::terraform_link {
namespace {

std::string tagged_service(const Instance& instance, const terraform::Block& block) {
  for (const char* key : {"service", "app"}) {
    auto it = block.tags.find(key);
    if (it == block.tags.end()) continue;
    if (auto value = static_string(instance, it->second); value && !value->empty()) return *value;
  }
  return {};
}

}  // namespace

InstanceServices::InstanceServices(const Instance& instance, std::string root_name)
    : m_instance(instance), m_root_name(std::move(root_name)) {
  for (const auto* block : instance.dir->blocks) {
    if (block->kind != terraform::BlockKind::resource) continue;
    if (auto service = tagged_service(instance, *block); !service.empty()) {
      m_tagged.emplace(block->address, std::move(service));
    }
  }
}

std::string InstanceServices::service_of(const terraform::Block& block) const {
  if (auto it = m_tagged.find(block.address); it != m_tagged.end()) return it->second;
  if (auto service = tagged_service(m_instance, block); !service.empty()) return service;
  if (!m_instance.top_module.empty()) return m_instance.top_module;
  if (block.kind == terraform::BlockKind::resource) {
    if (auto service = attached_service(block); !service.empty()) return service;
  }
  return m_instance.root == "." ? m_root_name : m_instance.root;
}

std::string InstanceServices::attached_service(const terraform::Block& block) const {
  std::string agreed;
  for (const auto& reference : block.references) {
    // What it is written about: attributes and count/for_each, not ordering or providers.
    if (reference.context == terraform::ReferenceContext::depends_on ||
        reference.context == terraform::ReferenceContext::provider) {
      continue;
    }
    auto it = m_tagged.find(reference.subject);
    if (it == m_tagged.end()) continue;
    if (!agreed.empty() && agreed != it->second) return {};  // spans services: the root's
    agreed = it->second;
  }
  return agreed;
}

}  // namespace blastgraph::analyzer::terraform_link
