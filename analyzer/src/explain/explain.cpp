#include "blastgraph/analyzer/explain.hpp"

#include <algorithm>
#include <array>

#include "blastgraph/graph/reach.hpp"
#include "kubernetes/ids.hpp"

namespace blastgraph::analyzer {
namespace {

PathNode path_node(const graph::Node& node) {
  return {node.id, node.type, node.service, node.span.file, node.span.first_line, node.application};
}

// Enumerates shortest paths depth first, with an explicit stack so a long chain cannot
// overflow the call stack. Every node at distance d > 0 has a dependency at distance d - 1,
// so no branch dead-ends and each emitted path costs O(distance * degree).
class PathEnumerator {
 public:
  PathEnumerator(const graph::Graph& graph, const graph::Reach& reach, std::size_t limit)
      : m_graph(graph), m_reach(reach), m_limit(limit) {}

  void run(graph::NodeIndex start) {
    push(start, k_no_edge);
    while (!m_stack.empty() && !m_more) {
      Frame& frame = m_stack.back();
      if (m_reach.distance[frame.node] == 0) {
        emit();
        pop();
        continue;
      }
      if (frame.next == frame.candidates.size()) {
        pop();
        continue;
      }
      const auto edge_index = frame.candidates[frame.next++];
      push(m_graph.edge(edge_index).target, edge_index);
    }
  }

  [[nodiscard]] std::vector<ExplainPath>& paths() { return m_paths; }
  [[nodiscard]] bool more() const { return m_more; }

 private:
  static constexpr graph::EdgeIndex k_no_edge = graph::k_no_node;

  struct Frame {
    graph::NodeIndex node;
    graph::EdgeIndex via;                      // the edge from the previous frame's node
    std::vector<graph::EdgeIndex> candidates;  // dependencies one hop closer, ascending
    std::size_t next = 0;
  };

  void push(graph::NodeIndex node, graph::EdgeIndex via) {
    Frame frame{node, via, {}, 0};
    const auto distance = m_reach.distance[node];
    if (distance > 0) {
      for (const auto edge_index : m_graph.dependencies(node)) {
        const auto target = m_graph.edge(edge_index).target;
        if (m_reach.reached(target) && m_reach.distance[target] + 1 == distance) {
          frame.candidates.push_back(edge_index);
        }
      }
    }
    m_stack.push_back(std::move(frame));
  }

  void pop() { m_stack.pop_back(); }

  void emit() {
    if (m_paths.size() == m_limit) {
      m_more = true;
      return;
    }
    ExplainPath path;
    for (const auto& frame : m_stack) {
      path.nodes.push_back(path_node(m_graph.node(frame.node)));
      if (frame.via == k_no_edge) continue;
      const auto& edge = m_graph.edge(frame.via);
      path.hops.push_back(
          {m_graph.node(edge.source).id, m_graph.node(edge.target).id, edge.kind, edge.evidence});
    }
    m_paths.push_back(std::move(path));
  }

  const graph::Graph& m_graph;
  const graph::Reach& m_reach;
  std::size_t m_limit;
  std::vector<Frame> m_stack;
  std::vector<ExplainPath> m_paths;
  bool m_more = false;
};

// The node `id` names: its exact id, or a Kubernetes id without its application scope when
// exactly one application declares the object.
Result<graph::NodeIndex> find_node(const graph::Graph& graph, std::string_view id) {
  if (const auto exact = graph.find(id); exact != graph::k_no_node) return exact;
  std::vector<std::string> scoped;
  graph::NodeIndex found = graph::k_no_node;
  const auto nodes = graph.nodes();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].id == id || k8s_link::unscoped_id(nodes[i].id) != id) continue;
    scoped.push_back(nodes[i].id);
    found = static_cast<graph::NodeIndex>(i);
  }
  if (scoped.size() == 1) return found;
  if (scoped.empty()) return Error{"no node " + std::string(id)};
  std::string message = std::string(id) + " is declared by more than one application; name one:";
  for (const auto& candidate : scoped) message += " " + candidate;
  return Error{message};
}

}  // namespace

Result<Explanation> explain(const graph::Graph& graph, std::string_view from, std::string_view to,
                            std::size_t max_paths) {
  const auto source = find_node(graph, from);
  if (!source) return source.error();
  const auto target = find_node(graph, to);
  if (!target) return target.error();

  Explanation result;
  result.from = graph.node(*source).id;
  result.to = graph.node(*target).id;
  const std::array sources{*source};
  const auto reach = graph::reach(graph, sources, graph::Direction::dependents);
  if (!reach.reached(*target)) return result;
  result.reached = true;
  result.distance = reach.distance[*target];

  PathEnumerator enumerator(graph, reach, std::max<std::size_t>(max_paths, 1));
  enumerator.run(*target);
  result.paths = std::move(enumerator.paths());
  result.more_paths = enumerator.more();
  return result;
}

}  // namespace blastgraph::analyzer
