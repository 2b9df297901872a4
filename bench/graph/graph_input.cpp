#include "graph_input.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <random>

namespace blastgraph::bench {

std::string_view format_id(std::uint32_t index, IdBuffer& buffer) {
  constexpr std::string_view k_prefix = "envs/prod:aws_instance.node_";
  constexpr std::size_t k_digits = 10;  // every uint32_t, zero-padded so ids sort by index
  std::copy(k_prefix.begin(), k_prefix.end(), buffer.begin());
  for (std::size_t i = 0; i < k_digits; ++i) {
    buffer[k_prefix.size() + k_digits - 1 - i] = static_cast<char>('0' + index % 10);
    index /= 10;
  }
  return {buffer.data(), k_prefix.size() + k_digits};
}

GraphInput make_input(std::size_t node_count) {
  GraphInput input;
  input.node_count = node_count;
  std::mt19937_64 random(20240601);
  input.edges.reserve(node_count * k_edges_per_node);
  for (std::size_t i = 1; i < node_count; ++i) {
    std::uniform_int_distribution<std::size_t> pick(0, i - 1);
    for (std::size_t k = 0; k < k_edges_per_node; ++k) {
      input.edges.emplace_back(static_cast<std::uint32_t>(i),
                               static_cast<std::uint32_t>(pick(random)));
    }
  }
  return input;
}

graph::Graph build_graph(const GraphInput& input) {
  graph::GraphBuilder builder;
  IdBuffer source_buffer;
  IdBuffer target_buffer;
  for (std::size_t i = 0; i < input.node_count; ++i) {
    graph::Node node;
    node.id = format_id(static_cast<std::uint32_t>(i), source_buffer);
    static_cast<void>(builder.add_node(std::move(node)));
  }
  for (const auto& [source, target] : input.edges) {
    static_cast<void>(builder.add_edge(format_id(source, source_buffer),
                                       format_id(target, target_buffer), graph::EdgeKind::reference,
                                       {}));
  }
  return builder.build();
}

const graph::Graph& cached_graph(std::size_t node_count) {
  static std::map<std::size_t, std::unique_ptr<graph::Graph>> cache;
  auto& slot = cache[node_count];
  if (!slot) {
    slot = std::make_unique<graph::Graph>(build_graph(make_input(node_count)));
  }
  return *slot;
}

SerialAnswer serial_reach(const graph::Graph& graph, std::span<const graph::NodeIndex> sources,
                          graph::Direction direction) {
  // Adjacency in the traversal direction, built from the public edge list only.
  std::vector<std::vector<graph::NodeIndex>> next(graph.node_count());
  for (const graph::Edge& edge : graph.edges()) {
    if (direction == graph::Direction::dependents) {
      next[edge.target].push_back(edge.source);
    } else {
      next[edge.source].push_back(edge.target);
    }
  }
  std::vector<bool> seen(graph.node_count(), false);
  std::vector<graph::NodeIndex> queue;
  for (const graph::NodeIndex source : sources) {
    if (source < graph.node_count() && !seen[source]) {
      seen[source] = true;
      queue.push_back(source);
    }
  }
  SerialAnswer answer;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    for (const graph::NodeIndex node : next[queue[head]]) {
      ++answer.edges_examined;
      if (!seen[node]) {
        seen[node] = true;
        queue.push_back(node);
      }
    }
  }
  answer.reached = queue.size();
  return answer;
}

}  // namespace blastgraph::bench
