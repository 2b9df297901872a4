#include <algorithm>
#include <array>
#include <span>
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

// The three kinds of item counted for every node.
struct ItemSets {
  ItemHolders services;
  ItemHolders resources;
  ItemHolders nodes;
};

ItemSets item_sets(const graph::Graph& graph) {
  ItemSets sets;
  tbb::parallel_invoke(
      [&] { sets.services = services(graph); },
      [&] { sets.resources = single_nodes(graph, is_resource); },
      [&] { sets.nodes = single_nodes(graph, [](const graph::Node&) { return true; }); });
  return sets;
}

ReachSizes measure_all(const graph::Condensation& condensation, const ItemSets& sets,
                       std::size_t sketch_size) {
  const auto count = [&](const ItemHolders& items) {
    return sketch_size == 0 ? graph::count_reached(condensation, items)
                            : graph::estimate_reached(condensation, items, sketch_size);
  };
  // Three independent passes over the same condensation, side by side.
  ReachSizes sizes;
  tbb::parallel_invoke([&] { sizes.services = count(sets.services); },
                       [&] { sizes.resources = count(sets.resources); },
                       [&] { sizes.nodes = count(sets.nodes); });
  return sizes;
}

// NOTE: estimates rank near-equal resources in no particular order, so the leaders are
// recounted exactly: every resource whose estimated services could reach those of the last
// one kept (both within two standard errors) is a candidate, and the candidates' components
// (whose members count alike) are walked one by one. All of them or none: recounting some of
// many near-equal resources would rank those above the others for no reason. When more than
// k_recounted_components components are that close, the counts stay estimates.
constexpr std::size_t k_recounted_components = 64;

// Replaces the estimates of the leading candidates by exact counts and marks them in
// `exact`; false, changing nothing, when there are too many candidates.
bool recount_leaders(const graph::Condensation& condensation, const ItemSets& sets,
                     std::span<const NodeIndex> ranked, std::size_t keep, std::size_t sketch_size,
                     ReachSizes& sizes, std::vector<bool>& exact) {
  if (keep == 0) return true;
  const double error = 2 * graph::sketch_relative_error(sketch_size);
  const double floor = sizes.services[ranked[keep - 1]] * (1 - error) / (1 + error);
  std::vector<NodeIndex> walk_from;  // one node per component, in rank order
  std::vector<bool> chosen(condensation.component_count(), false);
  for (const NodeIndex node : ranked) {
    if (sizes.services[node] < floor) break;
    const std::uint32_t component = condensation.component(node);
    if (chosen[component]) continue;
    if (walk_from.size() == k_recounted_components) return false;
    chosen[component] = true;
    walk_from.push_back(node);
  }
  ReachSizes counted;
  tbb::parallel_invoke(
      [&] { counted.services = graph::count_reached_from(condensation, sets.services, walk_from); },
      [&] {
        counted.resources = graph::count_reached_from(condensation, sets.resources, walk_from);
      },
      [&] { counted.nodes = graph::count_reached_from(condensation, sets.nodes, walk_from); });
  std::vector<std::uint32_t> slot(condensation.component_count(), 0);
  for (std::size_t i = 0; i < walk_from.size(); ++i) {
    slot[condensation.component(walk_from[i])] = static_cast<std::uint32_t>(i);
  }
  for (const NodeIndex node : ranked) {
    const std::uint32_t component = condensation.component(node);
    if (!chosen[component]) continue;
    const std::uint32_t i = slot[component];
    sizes.services[node] = counted.services[i];
    sizes.resources[node] = counted.resources[i];
    sizes.nodes[node] = counted.nodes[i];
    exact[node] = true;
  }
  return true;
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
  const graph::Condensation condensation(graph);
  const ItemSets sets = item_sets(graph);
  ReachSizes sizes = measure_all(condensation, sets, options.sketch_size);
  // Node indices follow ids, so comparing indices breaks ties by id; the order is total and
  // the sorts are deterministic.
  const auto ranks_before = [&](NodeIndex a, NodeIndex b) {
    return std::tie(sizes.services[b], sizes.resources[b], a) <
           std::tie(sizes.services[a], sizes.resources[a], b);
  };
  const std::size_t keep =
      options.top == 0 ? resources.size() : std::min(options.top, resources.size());
  std::vector<bool> exact(graph.node_count(), options.sketch_size == 0);
  bool leaders_recounted = false;
  if (options.sketch_size != 0) {
    std::sort(resources.begin(), resources.end(), ranks_before);
    leaders_recounted =
        recount_leaders(condensation, sets, resources, keep, options.sketch_size, sizes, exact);
  }
  std::partial_sort(resources.begin(), resources.begin() + static_cast<std::ptrdiff_t>(keep),
                    resources.end(), ranks_before);
  Hotspots result{resources.size(), {}, options.sketch_size, leaders_recounted};
  for (std::size_t i = 0; i < keep; ++i) {
    result.hotspots.push_back(describe(graph, resources[i], sizes));
    result.hotspots.back().estimated = !exact[resources[i]];
  }
  return result;
}

}  // namespace blastgraph::analyzer
