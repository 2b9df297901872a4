#include <cstdio>
#include <ostream>

#include "blastgraph/analyzer/hotspots.hpp"
#include "blastgraph/graph/reach_counts.hpp"
#include "report/json_util.hpp"

namespace blastgraph::analyzer {

void write_hotspots_text(const Hotspots& h, std::ostream& out) {
  out << "hotspots: " << h.hotspots.size() << " of " << h.resources_ranked
      << " resources, ranked by services then resources a change to each reaches\n";
  if (h.sketch_size != 0) {
    char bound[256];
    std::snprintf(bound, sizeof bound,
                  "estimated from bottom-%zu sketches: counts below %zu are exact, larger ones "
                  "within %.0f%% (two standard errors); %s\n",
                  h.sketch_size, h.sketch_size, 200 * graph::sketch_relative_error(h.sketch_size),
                  h.leaders_recounted ? "the leaders were recounted exactly"
                                      : "too many resources are near the last one shown to "
                                        "recount the leaders");
    out << bound;
  }
  if (h.hotspots.empty()) return;
  out << "\n rank  services  resources  resource\n";
  for (std::size_t i = 0; i < h.hotspots.size(); ++i) {
    const auto& spot = h.hotspots[i];
    char numbers[64];
    std::snprintf(numbers, sizeof numbers, "%5zu  %8zu  %9zu  ", i + 1, spot.services_reached,
                  spot.resources_reached);
    out << numbers << spot.id << "  (" << spot.type;
    if (!spot.service.empty()) out << ", service " << spot.service;
    if (!spot.application.empty()) out << ", part of " << spot.application;
    out << ", " << spot.criticality << (spot.estimated ? ", estimated" : "") << ")";
    if (!spot.file.empty()) out << "  " << spot.file << ':' << spot.line;
    out << '\n';
  }
}

void write_hotspots_json(const Hotspots& h, std::ostream& out) {
  json::Json doc;
  doc["schema"] = k_hotspots_schema;
  doc["resources_ranked"] = h.resources_ranked;
  if (h.sketch_size != 0) {
    doc["estimate"] = {{"method", "bottom-k"},
                       {"k", h.sketch_size},
                       {"relative_error", graph::sketch_relative_error(h.sketch_size)},
                       {"leaders_recounted", h.leaders_recounted}};
  }
  json::Json list = json::Json::array();
  for (const auto& spot : h.hotspots) {
    json::Json entry;
    entry["id"] = spot.id;
    entry["type"] = spot.type;
    entry["service"] = spot.service;
    if (!spot.application.empty()) entry["application"] = spot.application;
    entry["criticality"] = spot.criticality;
    entry["file"] = spot.file;
    entry["line"] = spot.line;
    entry["services_reached"] = spot.services_reached;
    entry["resources_reached"] = spot.resources_reached;
    entry["nodes_reached"] = spot.nodes_reached;
    if (h.sketch_size != 0) entry["estimated"] = spot.estimated;
    list.push_back(std::move(entry));
  }
  doc["hotspots"] = std::move(list);
  json::write(doc, out);
}

}  // namespace blastgraph::analyzer
