#include "join_graphs.hpp"

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace blastgraph::org {
namespace {

using graph::Edge;
using graph::Node;
using graph::NodeIndex;

// A member's nodes and edges as the organization names them; edges still by the member's
// own node indexes.
struct Renamed {
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

// Renames each distinct symbol once: a repository names few files and services.
class SymbolRenamer {
 public:
  template <typename Rename>
  Symbol operator()(const Symbol& symbol, Rename rename) {
    const auto [it, added] = m_done.try_emplace(symbol.data());
    if (added) it->second = Symbol(rename(std::string_view(symbol)));
    return it->second;
  }

 private:
  std::unordered_map<const char*, Symbol> m_done;  // equal texts share one address
};

Renamed rename(const graph::Graph& graph, const Member& member) {
  Renamed out;
  SymbolRenamer files;
  SymbolRenamer services;
  const auto file_id = [&](std::string_view file) { return member.id(file); };
  const auto service_id = [&](std::string_view service) {
    return member.name + ":" + std::string(service);
  };
  out.nodes.reserve(graph.node_count());
  for (const auto& original : graph.nodes()) {
    // Field by field: the id is made once, not copied and then replaced.
    Node& node = out.nodes.emplace_back();
    node.id = member.id(original.id);
    node.domain = original.domain;
    node.type = original.type;
    node.role = original.role;
    node.service =
        original.service.empty() ? original.service : services(original.service, service_id);
    node.application = original.application;
    node.span = original.span;
    node.span.file = files(original.span.file, file_id);
    node.criticality = original.criticality;
  }
  out.edges.assign(graph.edges().begin(), graph.edges().end());
  for (auto& edge : out.edges) edge.evidence.file = files(edge.evidence.file, file_id);
  return out;
}

struct NodeRef {
  std::uint32_t member = 0;
  std::uint32_t index = 0;
};

// Every node in id order. Another repository's nodes are one run each ("<repo>::" starts all
// of its ids, and no such prefix starts another), so the runs are put in order by their first
// ids, and the repository under review, whose ids may fall anywhere, is merged in.
std::vector<NodeRef> node_order(const std::vector<Renamed>& renamed,
                                const std::vector<Member>& members) {
  const auto id_of = [&](NodeRef ref) -> const std::string& {
    return renamed[ref.member].nodes[ref.index].id;
  };
  const auto by_id = [&](NodeRef a, NodeRef b) { return id_of(a) < id_of(b); };
  std::vector<std::uint32_t> runs;
  for (std::uint32_t m = 0; m < members.size(); ++m) {
    if (!members[m].under_review && !renamed[m].nodes.empty()) runs.push_back(m);
  }
  std::sort(runs.begin(), runs.end(), [&](std::uint32_t a, std::uint32_t b) {
    return renamed[a].nodes.front().id < renamed[b].nodes.front().id;
  });
  std::vector<NodeRef> order;
  for (const auto m : runs) {
    for (std::uint32_t i = 0; i < renamed[m].nodes.size(); ++i) order.push_back({m, i});
  }
  for (std::uint32_t m = 0; m < members.size(); ++m) {
    if (!members[m].under_review) continue;
    std::vector<NodeRef> own;
    for (std::uint32_t i = 0; i < renamed[m].nodes.size(); ++i) own.push_back({m, i});
    std::vector<NodeRef> merged;
    merged.reserve(order.size() + own.size());
    std::merge(own.begin(), own.end(), order.begin(), order.end(), std::back_inserter(merged),
               by_id);
    order = std::move(merged);
  }
  // Of equal ids, the first member's first: its node is kept. Only a repository under review
  // that is not the first member needs this.
  const auto by_id_then_member = [&](NodeRef a, NodeRef b) {
    const int c = id_of(a).compare(id_of(b));
    return c < 0 || (c == 0 && a.member < b.member);
  };
  if (!std::is_sorted(order.begin(), order.end(), by_id_then_member)) {
    std::stable_sort(order.begin(), order.end(), by_id_then_member);
  }
  return order;
}

// `edges` sorted by (source, target, kind), of edges alike only the one with the smallest
// evidence kept: a counting sort by source, then each source's few edges sorted.
std::vector<Edge> in_graph_order(std::vector<Edge> edges, std::size_t node_count) {
  std::vector<std::size_t> start(node_count + 1, 0);
  for (const auto& edge : edges) ++start[edge.source + 1];
  for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
  std::vector<Edge> sorted(edges.size());
  auto next = start;
  for (auto& edge : edges) sorted[next[edge.source]++] = std::move(edge);
  const auto before = [](const Edge& a, const Edge& b) {
    return std::tie(a.target, a.kind, a.evidence) < std::tie(b.target, b.kind, b.evidence);
  };
  for (std::size_t n = 0; n < node_count; ++n) {
    std::sort(sorted.begin() + static_cast<std::ptrdiff_t>(start[n]),
              sorted.begin() + static_cast<std::ptrdiff_t>(start[n + 1]), before);
  }
  const auto alike = [](const Edge& a, const Edge& b) {
    return a.source == b.source && a.target == b.target && a.kind == b.kind;
  };
  sorted.erase(std::unique(sorted.begin(), sorted.end(), alike), sorted.end());
  return sorted;
}

}  // namespace

JoinedGraph join_graphs(const std::vector<const graph::Graph*>& graphs,
                        const std::vector<Member>& members,
                        const std::vector<graph::RepositoryLink>& links) {
  std::vector<Renamed> renamed(members.size());
  tbb::parallel_for(std::size_t{0}, members.size(),
                    [&](std::size_t m) { renamed[m] = rename(*graphs[m], members[m]); });

  JoinedGraph joined;
  std::vector<Node> nodes;
  std::vector<std::vector<NodeIndex>> index(members.size());
  for (std::size_t m = 0; m < members.size(); ++m) index[m].resize(renamed[m].nodes.size());
  for (const auto ref : node_order(renamed, members)) {
    auto& node = renamed[ref.member].nodes[ref.index];
    if (!nodes.empty() && nodes.back().id == node.id) {
      index[ref.member][ref.index] = static_cast<NodeIndex>(nodes.size() - 1);
      continue;
    }
    index[ref.member][ref.index] = static_cast<NodeIndex>(nodes.size());
    nodes.push_back(std::move(node));
    joined.node_repository.push_back(ref.member);
  }

  std::vector<Edge> edges;
  for (std::size_t m = 0; m < members.size(); ++m) {
    for (auto& edge : renamed[m].edges) {
      edge.source = index[m][edge.source];
      edge.target = index[m][edge.target];
      if (edge.source != edge.target) edges.push_back(std::move(edge));
    }
    renamed[m] = {};
  }
  const auto find = [&](const std::string& id) {
    const auto it =
        std::lower_bound(nodes.begin(), nodes.end(), id,
                         [](const Node& node, const std::string& key) { return node.id < key; });
    return it != nodes.end() && it->id == id ? static_cast<NodeIndex>(it - nodes.begin())
                                             : graph::k_no_node;
  };
  for (const auto& link : links) {
    const auto source = find(link.source);
    const auto target = find(link.target);
    if (source == graph::k_no_node || target == graph::k_no_node || source == target) continue;
    edges.push_back(Edge{source, target, link.edge, link.evidence});
  }
  edges = in_graph_order(std::move(edges), nodes.size());
  auto graph = graph::assemble_graph(std::move(nodes), std::move(edges));
  // The order is built to be a graph's; a failure here is a defect, not bad input.
  if (!graph) throw std::logic_error("join_graphs: nodes or edges out of order");
  joined.graph = std::move(*graph);
  return joined;
}

}  // namespace blastgraph::org
