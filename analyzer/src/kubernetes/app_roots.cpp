#include "kubernetes/app_roots.hpp"

#include <algorithm>

#include "terraform/module_tree.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

// "./apps/prod/" -> "apps/prod"; "./" -> "."; nullopt above the root.
std::optional<std::string> normalized(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path.starts_with('/')) return std::nullopt;
  return terraform_link::join_relative(".", path);
}

long depth(const std::string& dir) {
  return dir == "." ? 0L : 1L + std::count(dir.begin(), dir.end(), '/');
}

}  // namespace

AppRoots::AppRoots(const std::vector<const kubernetes::Object*>& objects,
                   const std::set<std::string>& dirs) {
  for (const auto* object : objects) {
    for (const auto& source : object->app_sources) {
      if (kubernetes::is_placeholder(source.path)) continue;
      auto dir = normalized(source.path);
      if (!dir || !dirs.contains(*dir) || root_at(*dir) != nullptr) continue;
      m_roots.push_back(
          {*dir, source.target_namespace, source.overrides_namespace, object, &source});
    }
  }
  std::stable_sort(m_roots.begin(), m_roots.end(),
                   [](const AppRoot& a, const AppRoot& b) { return depth(a.dir) > depth(b.dir); });
}

void AppRoots::add_release(const std::string& path, const std::string& ns) {
  auto dir = normalized(path);
  if (!dir || root_at(*dir) != nullptr) return;
  m_roots.push_back({*dir, ns, false, nullptr, nullptr});
  std::stable_sort(m_roots.begin(), m_roots.end(),
                   [](const AppRoot& a, const AppRoot& b) { return depth(a.dir) > depth(b.dir); });
}

const AppRoot* AppRoots::root_of(const std::string& file) const {
  for (const auto& root : m_roots) {
    if (file == root.dir || terraform_link::is_below(file, root.dir)) return &root;
  }
  return nullptr;
}

const AppRoot* AppRoots::root_at(const std::string& dir) const {
  for (const auto& root : m_roots) {
    if (root.dir == dir) return &root;
  }
  return nullptr;
}

}  // namespace blastgraph::analyzer::k8s_link
