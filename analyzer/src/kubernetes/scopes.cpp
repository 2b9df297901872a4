#include "kubernetes/scopes.hpp"

#include <map>
#include <set>

#include "kubernetes/objects.hpp"
#include "terraform/module_tree.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

using terraform_link::is_below;
using terraform_link::parent_dir;

// "a/b/c.yaml" below "a" -> "a/b"; directly in "a" -> "a".
std::string child_of(const std::string& dir, const std::string& file) {
  const auto parent = parent_dir(file);
  if (parent == dir) return dir;
  const auto start = dir == "." ? 0 : dir.size() + 1;
  const auto slash = file.find('/', start);
  return file.substr(0, slash);
}

std::string common_dir(const std::vector<const kubernetes::ManifestFile*>& files,
                       const std::vector<std::size_t>& members) {
  auto common = parent_dir(files[members.front()]->path);
  for (auto i : members) {
    const auto& path = files[i]->path;
    while (!is_below(path, common)) common = parent_dir(common);
  }
  return common;
}

class Grouping {
 public:
  explicit Grouping(const std::vector<const kubernetes::ManifestFile*>& files)
      : m_files(files), m_scopes(files.size()) {}

  void assign(const std::string& dir, const std::vector<std::size_t>& members) {
    if (!has_separable_conflict(members)) {
      const auto scope = common_dir(m_files, members);
      for (auto i : members) m_scopes[i] = scope;
      return;
    }
    std::map<std::string, std::vector<std::size_t>> groups;
    for (auto i : members) groups[child_of(dir, m_files[i]->path)].push_back(i);
    const auto shared = identities_in_several(groups);
    auto own = groups[dir];  // the directory's own files, and what extends them
    for (const auto& [child, group] : groups) {
      if (child == dir) continue;
      const bool extends_own =
          !own.empty() && !declares_any(group, shared) && !has_separable_conflict(group);
      if (extends_own) {
        own.insert(own.end(), group.begin(), group.end());
      } else {
        assign(child, group);
      }
    }
    if (own.empty()) return;
    const auto scope = common_dir(m_files, own);
    for (auto i : own) m_scopes[i] = scope;
  }

  [[nodiscard]] std::vector<ScopedFile> result() const {
    std::vector<ScopedFile> out;
    for (std::size_t i = 0; i < m_files.size(); ++i)
      out.push_back({m_files[i], m_scopes[i], {}, false, nullptr});
    return out;
  }

 private:
  [[nodiscard]] std::string identity_of(const kubernetes::Object& object) const {
    return identity_key(object.kind, effective_namespace(object), object.name);
  }

  // The objects declared in more than one of `groups`.
  [[nodiscard]] std::set<std::string> identities_in_several(
      const std::map<std::string, std::vector<std::size_t>>& groups) const {
    std::map<std::string, std::set<std::string>> groups_by_identity;
    for (const auto& [name, group] : groups) {
      for (auto i : group) {
        for (const auto& object : m_files[i]->objects) {
          groups_by_identity[identity_of(object)].insert(name);
        }
      }
    }
    std::set<std::string> out;
    for (const auto& [identity, names] : groups_by_identity) {
      if (names.size() > 1) out.insert(identity);
    }
    return out;
  }

  [[nodiscard]] bool declares_any(const std::vector<std::size_t>& group,
                                  const std::set<std::string>& identities) const {
    for (auto i : group) {
      for (const auto& object : m_files[i]->objects) {
        if (identities.contains(identity_of(object))) return true;
      }
    }
    return false;
  }

  // Whether two of `members` in different directories declare the same object: splitting
  // down to those directories separates them.
  bool has_separable_conflict(const std::vector<std::size_t>& members) const {
    std::map<std::string, std::set<std::string>> dirs_by_identity;
    for (auto i : members) {
      const auto dir = parent_dir(m_files[i]->path);
      for (const auto& object : m_files[i]->objects) {
        auto& dirs = dirs_by_identity[identity_of(object)];
        dirs.insert(dir);
        if (dirs.size() > 1) return true;
      }
    }
    return false;
  }

  const std::vector<const kubernetes::ManifestFile*>& m_files;
  std::vector<std::string> m_scopes;
};

}  // namespace

std::vector<ScopedFile> loose_scopes(const std::vector<const kubernetes::ManifestFile*>& files) {
  if (files.empty()) return {};
  std::vector<std::size_t> all(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) all[i] = i;
  Grouping grouping(files);
  grouping.assign(".", all);
  return grouping.result();
}

}  // namespace blastgraph::analyzer::k8s_link
