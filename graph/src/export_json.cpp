#include <nlohmann/json.hpp>

#include "blastgraph/graph/export.hpp"

namespace blastgraph::graph {
namespace {

// ordered_json keeps keys in insertion order, which is the documented field order.
using Json = nlohmann::ordered_json;

constexpr std::string_view k_schema = "blastgraph.graph/v1";

Json node_json(const Node& node) {
  Json json;
  json["id"] = node.id;
  json["domain"] = to_string(node.domain);
  json["type"] = node.type;
  json["role"] = to_string(node.role);
  json["service"] = node.service;
  if (!node.application.empty()) json["application"] = node.application;
  json["file"] = node.span.file;
  json["line"] = node.span.first_line;
  json["last_line"] = node.span.last_line;
  json["criticality"] = to_string(node.criticality);
  return json;
}

Json edge_json(const Graph& graph, const Edge& edge) {
  Json json;
  json["source"] = graph.node(edge.source).id;
  json["target"] = graph.node(edge.target).id;
  json["kind"] = to_string(edge.kind);
  Json evidence;
  evidence["file"] = edge.evidence.file;
  evidence["line"] = edge.evidence.line;
  evidence["attribute"] = edge.evidence.attribute;
  if (edge.evidence.weak) evidence["weak"] = true;
  json["evidence"] = std::move(evidence);
  return json;
}

// Compact, and bytes that are not UTF-8 (ids come from arbitrary files) become U+FFFD
// instead of an exception.
void write_compact(const Json& json, std::ostream& out) {
  out << json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

// NOTE: one node or edge per line, written as it is produced, so exporting a million-node
// graph never holds the whole document in memory and the output diffs line by line.
void write_json(const Graph& graph, std::ostream& out) {
  out << "{\"schema\":";
  write_compact(Json(k_schema), out);
  out << ",\"nodes\":[";
  const char* separator = "\n";
  for (const Node& node : graph.nodes()) {
    out << separator;
    write_compact(node_json(node), out);
    separator = ",\n";
  }
  out << "\n],\"edges\":[";
  separator = "\n";
  for (const Edge& edge : graph.edges()) {
    out << separator;
    write_compact(edge_json(graph, edge), out);
    separator = ",\n";
  }
  out << "\n]}\n";
}

}  // namespace blastgraph::graph
