#include <algorithm>
#include <array>
#include <string_view>
#include <tuple>
#include <utility>

#include <oneapi/tbb/parallel_invoke.h>

#include "blastgraph/analyzer/hotspots.hpp"
#include "blastgraph/graph/reach_counts.hpp"

namespace blastgraph::analyzer {
namespace {

using graph::ItemHolders;
using graph::NodeIndex;

bool is_resource(const graph::Node& node) {
  return node.role == graph::Role::resource;
}

// One item per node passing `keep`, held by that node.
template <typename Keep>
ItemHolders single_nodes(const graph::Graph& graph, Keep keep) {
  ItemHolders items;
  for (NodeIndex i = 0; i < graph.node_count(); ++i) {
    if (keep(graph.node(i))) items.add_item(std::array{i});
  }
  return items;
}

// One item per service, held by the service's resources.
ItemHolders services(const graph::Graph& graph) {
  std::vector<std::pair<std::string_view, NodeIndex>> owned;
  for (NodeIndex i = 0; i < graph.node_count(); ++i) {
    const auto& node = graph.node(i);
    if (is_resource(node) && !node.service.empty()) owned.emplace_back(node.service, i);
  }
  std::sort(owned.begin(), owned.end());
  ItemHolders items;
  std::vector<NodeIndex> holders;
  for (std::size_t i = 0; i < owned.size(); ++i) {
    holders.push_back(owned[i].second);
    if (i + 1 == owned.size() || owned[i + 1].first != owned[i].first) {
      items.add_item(holders);
      holders.clear();
    }
  }
  return items;
}

// Per node: services, resources and nodes its blast radius holds, itself included.
struct ReachSizes {
  std::vector<std::uint32_t> services;
  std::vector<std::uint32_t> resources;
  std::vector<std::uint32_t> nodes;
};

ReachSizes measure_all(const graph::Graph& graph, std::size_t sketch_size) {
  const graph::Condensation condensation(graph);
  const auto count = [&](const ItemHolders& items) {
    return sketch_size == 0 ? graph::count_reached(condensation, items)
                            : graph::estimate_reached(condensation, items, sketch_size);
  };
  // Three independent passes over the same condensation, side by side.
  ReachSizes sizes;
  tbb::parallel_invoke(
      [&] { sizes.services = count(services(graph)); },
      [&] { sizes.resources = count(single_nodes(graph, is_resource)); },
      [&] { sizes.nodes = count(single_nodes(graph, [](const graph::Node&) { return true; })); });
  return sizes;
}

Hotspot describe(const graph::Graph& graph, NodeIndex index, const ReachSizes& sizes) {
  const auto& node = graph.node(index);
  // An estimate may fall below the node itself; the counts that exclude it stop at zero.
  const auto without_itself = [](std::uint32_t count) { return count == 0 ? 0U : count - 1; };
  return {node.id,
          node.type,
          node.service,
          std::string(graph::to_string(node.criticality)),
          node.span.file,
          node.span.first_line,
          sizes.services[index],
          without_itself(sizes.resources[index]),
          without_itself(sizes.nodes[index]),
          node.application};
}

}  // namespace

Hotspots rank_hotspots(const graph::Graph& graph, const HotspotOptions& options) {
  std::vector<NodeIndex> resources;
  for (NodeIndex i = 0; i < graph.node_count(); ++i) {
    if (is_resource(graph.node(i))) resources.push_back(i);
  }
  const ReachSizes sizes = measure_all(graph, options.sketch_size);
  // Node indices follow ids, so comparing indices breaks ties by id; the order is total and
  // partial_sort is deterministic.
  const auto ranks_before = [&](NodeIndex a, NodeIndex b) {
    return std::tie(sizes.services[b], sizes.resources[b], a) <
           std::tie(sizes.services[a], sizes.resources[a], b);
  };
  const std::size_t keep =
      options.top == 0 ? resources.size() : std::min(options.top, resources.size());
  std::partial_sort(resources.begin(), resources.begin() + static_cast<std::ptrdiff_t>(keep),
                    resources.end(), ranks_before);
  Hotspots result{resources.size(), {}, options.sketch_size};
  for (std::size_t i = 0; i < keep; ++i) {
    result.hotspots.push_back(describe(graph, resources[i], sizes));
  }
  return result;
}

}  // namespace blastgraph::analyzer
