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

// A member's nodes and edges renamed in place as the organization names them; edges still by
// the member's own node indexes.
void rename(graph::GraphParts& parts, const Member& member) {
  SymbolRenamer files;
  SymbolRenamer services;
  const auto file_id = [&](std::string_view file) { return member.id(file); };
  const auto service_id = [&](std::string_view service) {
    return member.name + ":" + std::string(service);
  };
  for (auto& node : parts.nodes) {
    if (!node.service.empty()) node.service = services(node.service, service_id);
    if (member.under_review) continue;  // keeps its own ids and files
    node.id = member.id(node.id);
    node.span.file = files(node.span.file, file_id);
  }
  if (member.under_review) return;
  for (auto& edge : parts.edges) edge.evidence.file = files(edge.evidence.file, file_id);
}

struct NodeRef {
  std::uint32_t member = 0;
  std::uint32_t index = 0;
};

// Every node in id order. Another repository's nodes are one run each ("<repo>::" starts all
// of its ids, and no such prefix starts another), so the runs are put in order by their first
// ids, and the repository under review, whose ids may fall anywhere, is merged in.
std::vector<NodeRef> node_order(const std::vector<graph::GraphParts>& renamed,
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

// Each source's edges (a counting sort has put them in place) sorted by (target, kind), and of
// edges alike only the one with the smallest evidence kept.
void sort_rows(std::vector<Edge>& edges, const std::vector<std::size_t>& start) {
  const auto before = [](const Edge& a, const Edge& b) {
    return std::tie(a.target, a.kind, a.evidence) < std::tie(b.target, b.kind, b.evidence);
  };
  for (std::size_t n = 0; n + 1 < start.size(); ++n) {
    std::sort(edges.begin() + static_cast<std::ptrdiff_t>(start[n]),
              edges.begin() + static_cast<std::ptrdiff_t>(start[n + 1]), before);
  }
  const auto alike = [](const Edge& a, const Edge& b) {
    return a.source == b.source && a.target == b.target && a.kind == b.kind;
  };
  edges.erase(std::unique(edges.begin(), edges.end(), alike), edges.end());
}

}  // namespace

JoinedGraph join_graphs(std::vector<graph::Graph> graphs, const std::vector<Member>& members,
                        const std::vector<graph::RepositoryLink>& links) {
  std::vector<graph::GraphParts> renamed(members.size());
  tbb::parallel_for(std::size_t{0}, members.size(), [&](std::size_t m) {
    renamed[m] = graph::take_apart(std::move(graphs[m]));
    rename(renamed[m], members[m]);
  });
  std::size_t node_count = 0;
  for (const auto& parts : renamed) node_count += parts.nodes.size();

  JoinedGraph joined;
  std::vector<Node> nodes;
  nodes.reserve(node_count);
  joined.node_repository.reserve(node_count);
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

  const auto find = [&](const std::string& id) {
    const auto it =
        std::lower_bound(nodes.begin(), nodes.end(), id,
                         [](const Node& node, const std::string& key) { return node.id < key; });
    return it != nodes.end() && it->id == id ? static_cast<NodeIndex>(it - nodes.begin())
                                             : graph::k_no_node;
  };
  std::vector<Edge> linked;
  for (const auto& link : links) {
    const auto source = find(link.source);
    const auto target = find(link.target);
    if (source == graph::k_no_node || target == graph::k_no_node || source == target) continue;
    linked.push_back(Edge{source, target, link.edge, link.evidence});
  }
  // Edges in graph order: a counting sort on the new source as they are renumbered, then
  // each source's few edges sorted.
  for (std::size_t m = 0; m < members.size(); ++m) {
    for (auto& edge : renamed[m].edges) {
      edge.source = index[m][edge.source];
      edge.target = index[m][edge.target];
    }
  }
  std::vector<std::size_t> start(nodes.size() + 1, 0);
  const auto count = [&](const Edge& edge) {
    if (edge.source != edge.target) ++start[edge.source + 1];
  };
  for (const auto& parts : renamed) std::for_each(parts.edges.begin(), parts.edges.end(), count);
  std::for_each(linked.begin(), linked.end(), count);
  for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
  std::vector<Edge> edges(start.back());
  auto next = start;
  const auto place = [&](Edge& edge) {
    if (edge.source != edge.target) edges[next[edge.source]++] = std::move(edge);
  };
  for (auto& parts : renamed) {
    std::for_each(parts.edges.begin(), parts.edges.end(), place);
    parts = {};
  }
  std::for_each(linked.begin(), linked.end(), place);
  sort_rows(edges, start);
  auto graph = graph::assemble_graph(std::move(nodes), std::move(edges));
  // The order is built to be a graph's; a failure here is a defect, not bad input.
  if (!graph) throw std::logic_error("join_graphs: nodes or edges out of order");
  joined.graph = std::move(*graph);
  return joined;
}

}  // namespace blastgraph::org
