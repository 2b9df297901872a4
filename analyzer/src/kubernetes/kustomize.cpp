#include "kubernetes/kustomize.hpp"

#include <algorithm>

#include "terraform/module_tree.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

bool looks_like_file(const std::string& entry) {
  const auto slash = entry.rfind('/');
  const auto name = slash == std::string::npos ? entry : entry.substr(slash + 1);
  return kubernetes::looks_like_manifest_path(name);
}

}  // namespace

DeploymentFilter::DeploymentFilter(const std::vector<kubernetes::Kustomization>& kustomizations) {
  for (const auto& k : kustomizations) {
    Rule rule;
    rule.dir = terraform_link::parent_dir(k.path);
    for (const auto& entry : k.resources) {
      if (entry.find("://") != std::string::npos) continue;  // remote: nothing here to deploy
      auto joined = terraform_link::join_relative(rule.dir, entry);
      if (!joined) continue;
      if (looks_like_file(*joined)) {
        rule.files.insert(*joined);
      } else {
        rule.dirs.push_back(*joined);
      }
    }
    m_rules.push_back(std::move(rule));
  }
  // Nearest first: deeper directories before their ancestors.
  auto depth = [](const std::string& dir) {
    return dir == "." ? 0L : 1L + std::count(dir.begin(), dir.end(), '/');
  };
  std::sort(m_rules.begin(), m_rules.end(), [&](const Rule& a, const Rule& b) {
    const auto da = depth(a.dir);
    const auto db = depth(b.dir);
    return da != db ? da > db : a.dir < b.dir;
  });
}

bool DeploymentFilter::is_deployed(const std::string& file) const {
  for (const auto& rule : m_rules) {
    if (!terraform_link::is_below(file, rule.dir)) continue;
    if (rule.files.contains(file)) return true;
    return std::any_of(rule.dirs.begin(), rule.dirs.end(),
                       [&](const std::string& dir) { return terraform_link::is_below(file, dir); });
  }
  return true;
}

}  // namespace blastgraph::analyzer::k8s_link
