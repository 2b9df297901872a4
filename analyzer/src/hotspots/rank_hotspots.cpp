#include <algorithm>
#include <array>
#include <set>
#include <tuple>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include "blastgraph/analyzer/hotspots.hpp"
#include "blastgraph/graph/reach.hpp"

namespace blastgraph::analyzer {
namespace {

Hotspot measure(const graph::Graph& graph, graph::NodeIndex index) {
  const auto& node = graph.node(index);
  Hotspot spot{node.id,
               node.type,
               node.service,
               std::string(graph::to_string(node.criticality)),
               node.span.file,
               node.span.first_line,
               0,
               0,
               0,
               node.application};
  const std::array sources{index};
  const auto reach = graph::reach(graph, sources, graph::Direction::dependents);
  std::set<std::string_view> services;
  for (const auto reached : reach.nodes) {
    const auto& other = graph.node(reached);
    if (other.role == graph::Role::resource && !other.service.empty()) {
      services.insert(other.service);
    }
    if (reached == index) continue;
    ++spot.nodes_reached;
    if (other.role == graph::Role::resource) ++spot.resources_reached;
  }
  spot.services_reached = services.size();
  return spot;
}

bool ranks_before(const Hotspot& a, const Hotspot& b) {
  return std::tie(b.services_reached, b.resources_reached, a.id) <
         std::tie(a.services_reached, a.resources_reached, b.id);
}

}  // namespace

Hotspots rank_hotspots(const graph::Graph& graph, std::size_t top) {
  std::vector<graph::NodeIndex> resources;
  for (graph::NodeIndex i = 0; i < graph.node_count(); ++i) {
    if (graph.node(i).role == graph::Role::resource) resources.push_back(i);
  }
  // Each slot is written by exactly one task, so the result is independent of scheduling.
  std::vector<Hotspot> spots(resources.size());
  using Range = tbb::blocked_range<std::size_t>;
  tbb::parallel_for(Range(0, resources.size()), [&](const Range& range) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      spots[i] = measure(graph, resources[i]);
    }
  });
  // Ids are unique, so the order is total and partial_sort is deterministic.
  const std::size_t keep = top == 0 ? spots.size() : std::min(top, spots.size());
  std::partial_sort(spots.begin(), spots.begin() + static_cast<std::ptrdiff_t>(keep), spots.end(),
                    ranks_before);
  spots.resize(keep);
  return {resources.size(), std::move(spots)};
}

}  // namespace blastgraph::analyzer
