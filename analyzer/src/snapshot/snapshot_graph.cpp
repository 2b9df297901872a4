#include <atomic>
#include <string_view>
#include <unordered_map>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_invoke.h>

#include "snapshot/snapshot_codec.hpp"

namespace blastgraph::analyzer::snapshot {
namespace {

// NOTE: node types, services, applications, files and attributes repeat across a graph (a
// million nodes share a few thousand files), so they are written once in a table and nodes
// and edges refer to them by index; ids are unique and written in place.
class StringTable {
 public:
  std::uint32_t index(std::string_view value) {
    const auto [it, added] =
        m_index.try_emplace(value, static_cast<std::uint32_t>(m_values.size()));
    if (added) m_values.push_back(value);
    return it->second;
  }
  void write(ByteWriter& out) const {
    out.u64(m_values.size());
    for (const std::string_view value : m_values) out.str(value);
  }

 private:
  std::unordered_map<std::string_view, std::uint32_t> m_index;
  std::vector<std::string_view> m_values;
};

StringTable collect_strings(const graph::Graph& graph) {
  StringTable table;
  for (const graph::Node& node : graph.nodes()) {
    table.index(node.type);
    table.index(node.service);
    table.index(node.application);
    table.index(node.span.file);
  }
  for (const graph::Edge& edge : graph.edges()) {
    table.index(edge.evidence.file);
    table.index(edge.evidence.attribute);
  }
  return table;
}

// The table is read into symbols once, so that a node or edge copies its names, not interns
// them again.
Symbol lookup(ByteReader& in, const std::vector<Symbol>& table) {
  const std::uint32_t index = in.u32();
  if (index < table.size()) return table[index];
  in.fail();
  return {};
}

// The fewest bytes a node takes, to bound counts read from a damaged file; every edge takes
// the same.
constexpr std::size_t k_min_node_bytes = 4 + 1 + 4 + 1 + 4 + 4 + 4 + 4 + 4 + 1;
constexpr std::size_t k_edge_bytes = 4 + 4 + 1 + 4 + 4 + 4 + 1;

}  // namespace

void put_graph(ByteWriter& out, const graph::Graph& graph) {
  StringTable table = collect_strings(graph);
  table.write(out);
  out.u64(graph.node_count());
  // The nodes' size lets a reader find the edges without reading the nodes first.
  ByteWriter nodes;
  for (const graph::Node& node : graph.nodes()) {
    nodes.str(node.id);
    put_enum(nodes, node.domain);
    nodes.u32(table.index(node.type));
    put_enum(nodes, node.role);
    nodes.u32(table.index(node.service));
    nodes.u32(table.index(node.application));
    nodes.u32(table.index(node.span.file));
    nodes.u32(node.span.first_line);
    nodes.u32(node.span.last_line);
    put_enum(nodes, node.criticality);
  }
  out.u64(nodes.bytes().size());
  out.bytes_append(nodes.bytes());
  out.u64(graph.edge_count());
  for (const graph::Edge& edge : graph.edges()) {
    out.u32(edge.source);
    out.u32(edge.target);
    put_enum(out, edge.kind);
    out.u32(table.index(edge.evidence.file));
    out.u32(edge.evidence.line);
    out.u32(table.index(edge.evidence.attribute));
    out.u8(edge.evidence.weak ? 1 : 0);
  }
}

namespace {

void get_nodes(ByteReader& in, const std::vector<Symbol>& table, std::vector<graph::Node>& nodes) {
  for (graph::Node& node : nodes) {
    node.id = in.str();
    node.domain = get_enum(in, graph::Domain::external);
    node.type = lookup(in, table);
    node.role = get_enum(in, graph::Role::external);
    node.service = lookup(in, table);
    node.application = lookup(in, table);
    node.span.file = lookup(in, table);
    node.span.first_line = in.u32();
    node.span.last_line = in.u32();
    node.criticality = get_enum(in, graph::Criticality::account);
  }
  if (!in.at_end()) in.fail();
}

// Edges are records of one size, so ranges of them are read in parallel; false when one is
// damaged.
bool get_edges(std::string_view bytes, const std::vector<Symbol>& table,
               std::vector<graph::Edge>& edges) {
  std::atomic<bool> damaged = false;
  using Range = tbb::blocked_range<std::size_t>;
  tbb::parallel_for(Range(0, edges.size(), 1U << 14U), [&](const Range& range) {
    ByteReader in(bytes.substr(range.begin() * k_edge_bytes, range.size() * k_edge_bytes));
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      graph::Edge& edge = edges[i];
      edge.source = in.u32();
      edge.target = in.u32();
      edge.kind = get_enum(in, graph::EdgeKind::acts_on);
      edge.evidence.file = lookup(in, table);
      edge.evidence.line = in.u32();
      edge.evidence.attribute = lookup(in, table);
      const std::uint8_t weak = in.u8();
      if (weak > 1) in.fail();
      edge.evidence.weak = weak == 1;
    }
    if (in.failed()) damaged = true;
  });
  return !damaged;
}

}  // namespace

std::optional<graph::Graph> get_graph(ByteReader& in) {
  std::vector<Symbol> table(in.count(4));
  for (Symbol& value : table) value = in.str();
  std::vector<graph::Node> nodes(in.count(k_min_node_bytes));
  const std::string_view node_bytes = in.bytes(in.count(1));
  std::vector<graph::Edge> edges(in.count(k_edge_bytes));
  const std::string_view edge_bytes = in.bytes(edges.size() * k_edge_bytes);
  if (in.failed()) return std::nullopt;
  bool nodes_read = false;
  bool edges_read = false;
  tbb::parallel_invoke(
      [&] {
        ByteReader node_in(node_bytes);
        get_nodes(node_in, table, nodes);
        nodes_read = !node_in.failed();
      },
      [&] { edges_read = get_edges(edge_bytes, table, edges); });
  if (!nodes_read || !edges_read) return std::nullopt;
  return graph::assemble_graph(std::move(nodes), std::move(edges));
}

}  // namespace blastgraph::analyzer::snapshot
