#include "generated_org.hpp"

#include <unistd.h>

#include <algorithm>
#include <map>
#include <system_error>
#include <tuple>
#include <utility>

namespace blastgraph::bench {

const GeneratedOrg& generated_org(std::size_t resources, std::size_t admin_every,
                                  bool account_trusts) {
  static std::map<std::tuple<std::size_t, std::size_t, bool>, GeneratedOrg> cache;
  static struct Cleanup {
    ~Cleanup() {
      std::error_code ec;
      for (const auto& [size, g] : cache) std::filesystem::remove_all(g.root, ec);
    }
  } cleanup;
  const std::tuple key{resources, admin_every, account_trusts};
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  OrgSpec spec;
  spec.services = services_for(resources);
  spec.namespaces = std::max<std::size_t>(spec.services / 100, 1);
  spec.admin_every = admin_every;
  spec.account_trusts = account_trusts;
  GeneratedOrg g;
  g.services = spec.services;
  g.root = std::filesystem::temp_directory_path() /
           ("blastgraph-org-" + std::to_string(resources) + "-" + std::to_string(admin_every) +
            "-" + std::to_string(::getpid()));
  g.counts = write_org(g.root, spec);
  return cache.emplace(key, std::move(g)).first->second;
}

std::size_t resource_nodes(const graph::Graph& graph) {
  std::size_t count = 0;
  for (graph::NodeIndex i = 0; i < graph.node_count(); ++i) {
    if (graph.node(i).role == graph::Role::resource) ++count;
  }
  return count;
}

bool has_edge(const graph::Graph& graph, const std::string& from, const std::string& to) {
  const auto source = graph.find(from);
  const auto target = graph.find(to);
  if (source == graph::k_no_node || target == graph::k_no_node) return false;
  for (const auto e : graph.dependencies(source)) {
    if (graph.edge(e).target == target) return true;
  }
  return false;
}

}  // namespace blastgraph::bench
