#include "score/unread_files.hpp"

#include <algorithm>
#include <set>

#include "kubernetes/ids.hpp"

namespace blastgraph::analyzer::scoring {
namespace {

std::string directory_of(const std::string& file) {
  const auto slash = file.rfind('/');
  return slash == std::string::npos ? "." : file.substr(0, slash);
}

// "envs/prod:module.a.aws_x.y" -> "envs/prod".
std::string terraform_root(const std::string& id) {
  return id.substr(0, id.find(':'));
}

bool is_at_or_below(const std::string& file, const std::string& dir) {
  return dir == "." || file.starts_with(dir + "/");
}

template <typename Range>
bool intersects(const std::vector<std::string>& sorted, const Range& set) {
  return std::any_of(sorted.begin(), sorted.end(),
                     [&](const std::string& item) { return set.contains(item); });
}

// What the change touches, in the terms UnreadFile is described in.
struct ChangeFootprint {
  std::set<std::string> terraform_roots;
  std::vector<std::string> kubernetes_files;
  std::set<std::string> namespaces;
  std::set<std::string> reached_dirs;

  ChangeFootprint(const graph::Graph& graph, const ChangeSet& changes, const graph::Reach& reach) {
    for (const auto& changed : changes.nodes) {
      const auto& node = graph.node(changed.node);
      if (node.domain == graph::Domain::terraform) {
        terraform_roots.insert(terraform_root(node.id));
      } else if (node.domain == graph::Domain::kubernetes) {
        if (!node.span.file.empty()) kubernetes_files.push_back(node.span.file);
        if (auto ns = k8s_link::namespace_of_id(node.id); !ns.empty()) namespaces.insert(ns);
      }
    }
    for (auto index : reach.nodes) {  // the changed nodes included (distance 0)
      const auto& file = graph.node(index).span.file;
      if (!file.empty()) reached_dirs.insert(directory_of(file));
    }
  }

  [[nodiscard]] bool touches(const UnreadFile& unread) const {
    if (intersects(unread.terraform_roots, terraform_roots)) return true;
    if (!unread.kustomization.empty() &&
        std::any_of(kubernetes_files.begin(), kubernetes_files.end(), [&](const std::string& f) {
          return is_at_or_below(f, unread.kustomization);
        })) {
      return true;
    }
    return intersects(unread.namespaces, namespaces) ||
           reached_dirs.contains(directory_of(unread.file));
  }
};

}  // namespace

std::vector<std::string> unread_files_near(const Workspace& workspace, const ChangeSet& changes,
                                           const graph::Reach& reach) {
  std::vector<std::string> near;
  const auto& unread_files = workspace.coverage.unread_files;
  if (unread_files.empty() || changes.nodes.empty()) return near;
  const ChangeFootprint footprint(workspace.graph, changes, reach);
  for (const auto& unread : unread_files) {
    if (footprint.touches(unread)) near.push_back(unread.file);
  }
  return near;
}

}  // namespace blastgraph::analyzer::scoring
