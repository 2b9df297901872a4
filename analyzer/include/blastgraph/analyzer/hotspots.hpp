#pragma once
// The resources most dangerous to touch: for every resource node, the size of the blast radius
// a change to it alone would have.

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/graph/graph.hpp"

namespace blastgraph::analyzer {

inline constexpr std::string_view k_hotspots_schema = "blastgraph.hotspots/v1";

struct Hotspot {
  std::string id;
  std::string type;
  std::string service;  // may be empty
  std::string criticality;
  std::string file;
  std::uint32_t line = 0;
  std::size_t services_reached = 0;   // services with a reached resource, its own included
  std::size_t resources_reached = 0;  // reached resources, itself excluded
  std::size_t nodes_reached = 0;      // reached nodes of any role, itself excluded
  std::string application;            // what its service is part of; may be empty
  // Counts estimated from sketches; false when counted exactly (always without an estimate,
  // and for the leaders of an estimate, which are recounted).
  bool estimated = false;
};

struct Hotspots {
  std::size_t resources_ranked = 0;  // resource nodes considered (all of them)
  // The first `top` by services reached, then resources reached (both descending), then id.
  std::vector<Hotspot> hotspots;
  // 0 when the counts are exact; otherwise the bottom-k sketch size they were estimated with.
  std::size_t sketch_size = 0;
  // With an estimate: whether the leaders were recounted exactly (HotspotOptions).
  bool leaders_recounted = false;
};

struct HotspotOptions {
  std::size_t top = 20;  // how many to keep; 0 keeps every resource
  // 0 counts exactly. Otherwise (>= 3) counts are estimated from bottom-k sketches of this
  // size: exact below it, and within graph::sketch_relative_error(k) standard errors above.
  // The leaders (those whose estimate is within the error of the last one kept) are then
  // recounted exactly and ranked by their exact counts, unless there are too many of them.
  std::size_t sketch_size = 0;
};

// Ranks every node of role `resource` (values, modules and externals carry reach but are not
// something one edits on their own). The counts flow through the condensation of the graph
// (graph/reach_counts.hpp) instead of one reach per resource, so even exact ranking stays near
// linear on graphs whose reach sets are small or shared. The result does not depend on the
// thread count.
[[nodiscard]] Hotspots rank_hotspots(const graph::Graph& graph, const HotspotOptions& options);
[[nodiscard]] inline Hotspots rank_hotspots(const graph::Graph& graph, std::size_t top = 20) {
  return rank_hotspots(graph, HotspotOptions{top});
}

// A table for a person, one resource per line.
void write_hotspots_text(const Hotspots& hotspots, std::ostream& out);
// As JSON, schema k_hotspots_schema (schemas/hotspots.v1.schema.json).
void write_hotspots_json(const Hotspots& hotspots, std::ostream& out);

}  // namespace blastgraph::analyzer
