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
};

struct Hotspots {
  std::size_t resources_ranked = 0;  // resource nodes considered (all of them)
  // The first `top` by services reached, then resources reached (both descending), then id.
  std::vector<Hotspot> hotspots;
};

// Ranks every node of role `resource` (values, modules and externals carry reach but are not
// something one edits on their own). One reverse reach per resource, run in parallel with
// oneTBB; the cost is O(R * (V + E)) time for R resources, and O(V) memory per worker. The
// result does not depend on the thread count. top == 0 keeps every resource.
[[nodiscard]] Hotspots rank_hotspots(const graph::Graph& graph, std::size_t top = 20);

// A table for a person, one resource per line.
void write_hotspots_text(const Hotspots& hotspots, std::ostream& out);
// As JSON, schema k_hotspots_schema (schemas/hotspots.v1.schema.json).
void write_hotspots_json(const Hotspots& hotspots, std::ostream& out);

}  // namespace blastgraph::analyzer
