#include <ostream>

#include "blastgraph/analyzer/explain.hpp"
#include "report/json_util.hpp"

namespace blastgraph::analyzer {
namespace {

std::string location(const std::string& file, std::uint32_t line) {
  if (file.empty()) return "(not defined in the tree)";
  return line == 0 ? file : file + ":" + std::to_string(line);
}

void write_node_line(const PathNode& node, std::ostream& out) {
  out << "  " << node.id << "  (" << node.type;
  if (!node.service.empty()) out << ", service " << node.service;
  if (!node.application.empty()) out << ", part of " << node.application;
  out << ")  " << location(node.file, node.line) << '\n';
}

void write_hop_line(const PathHop& hop, std::ostream& out) {
  out << "    -> " << graph::to_string(hop.kind) << "  "
      << location(hop.evidence.file, hop.evidence.line);
  if (!hop.evidence.attribute.empty()) out << "  " << hop.evidence.attribute;
  if (hop.evidence.weak) out << "  (weak evidence: a command-line item)";
  out << '\n';
}

json::Json node_json(const PathNode& node) {
  json::Json doc;
  doc["id"] = node.id;
  doc["type"] = node.type;
  doc["service"] = node.service;
  if (!node.application.empty()) doc["application"] = node.application;
  doc["file"] = node.file;
  doc["line"] = node.line;
  return doc;
}

json::Json hop_json(const PathHop& hop) {
  json::Json doc;
  doc["dependent"] = hop.dependent;
  doc["dependency"] = hop.dependency;
  doc["kind"] = graph::to_string(hop.kind);
  doc["file"] = hop.evidence.file;
  doc["line"] = hop.evidence.line;
  doc["attribute"] = hop.evidence.attribute;
  if (hop.evidence.weak) doc["weak"] = true;
  return doc;
}

}  // namespace

void write_explain_text(const Explanation& e, std::ostream& out) {
  if (!e.reached) {
    out << "not reached: a change to " << e.from << " does not reach " << e.to << '\n';
    return;
  }
  out << "reached: a change to " << e.from << " reaches " << e.to << " in " << e.distance
      << (e.distance == 1 ? " hop" : " hops") << '\n';
  out << "each path starts at the reached node; every `->` line is the edge kind and evidence "
         "of what it depends on next, down to the change\n";
  for (std::size_t i = 0; i < e.paths.size(); ++i) {
    const auto& path = e.paths[i];
    out << "\npath " << (i + 1) << ":\n";
    for (std::size_t n = 0; n < path.nodes.size(); ++n) {
      write_node_line(path.nodes[n], out);
      if (n < path.hops.size()) write_hop_line(path.hops[n], out);
    }
  }
  if (e.more_paths) {
    out << "\nmore shortest paths exist; raise --all-paths to list them\n";
  }
}

void write_explain_json(const Explanation& e, std::ostream& out) {
  json::Json doc;
  doc["schema"] = k_explain_schema;
  doc["from"] = e.from;
  doc["to"] = e.to;
  doc["reached"] = e.reached;
  doc["distance"] = e.distance;
  doc["more_paths"] = e.more_paths;
  json::Json paths = json::Json::array();
  for (const auto& path : e.paths) {
    json::Json nodes = json::Json::array();
    for (const auto& node : path.nodes) nodes.push_back(node_json(node));
    json::Json hops = json::Json::array();
    for (const auto& hop : path.hops) hops.push_back(hop_json(hop));
    json::Json entry;
    entry["nodes"] = std::move(nodes);
    entry["hops"] = std::move(hops);
    paths.push_back(std::move(entry));
  }
  doc["paths"] = std::move(paths);
  json::write(doc, out);
}

}  // namespace blastgraph::analyzer
