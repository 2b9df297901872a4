#include "graph_rows.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "connection.hpp"

namespace blastgraph::store {
namespace {

// The enumerator of `Enum` whose to_string is `name`, trying each up to `last`.
template <typename Enum>
std::optional<Enum> parse_enum(std::string_view name, Enum last) {
  for (int i = 0; i <= static_cast<int>(last); ++i) {
    const auto value = static_cast<Enum>(i);
    if (graph::to_string(value) == name) return value;
  }
  return std::nullopt;
}

std::optional<std::uint32_t> parse_number(std::string_view text) {
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

class RowWriter {
 public:
  explicit RowWriter(const std::string& repository_id) : m_repository(repository_id) {}
  RowWriter& field(std::string_view value) {
    m_out += '\t';
    append_copy_field(m_out, value);
    return *this;
  }
  RowWriter& number(std::uint64_t value) { return field(std::to_string(value)); }
  void start() { m_out += m_repository; }
  void end() { m_out += '\n'; }
  std::string take() { return std::move(m_out); }

 private:
  std::string m_repository;
  std::string m_out;
};

// Names repeat across rows (a repository names few types, files and services): each distinct
// text is interned once, not once per row.
class Names {
 public:
  Symbol operator()(const std::string& text) {
    if (const auto it = m_done.find(text); it != m_done.end()) return it->second;
    return m_done.emplace(text, Symbol(text)).first->second;
  }

 private:
  std::unordered_map<std::string, Symbol> m_done;
};

// Calls `row` with the fields of each line of `text`; stops at the first false.
template <typename Row>
bool for_each_row(const std::string& text, Row row) {
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    if (!row(split_copy_line(std::string_view(text).substr(at, end - at)))) return false;
    at = end + 1;
  }
  return true;
}

}  // namespace

std::string node_rows(const graph::Graph& graph, const std::string& repository_id) {
  RowWriter out(repository_id);
  const auto nodes = graph.nodes();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const auto& node = nodes[i];
    out.start();
    out.number(i).field(node.id).field(graph::to_string(node.domain)).field(node.type);
    out.field(graph::to_string(node.role)).field(node.service).field(node.application);
    out.field(node.span.file).number(node.span.first_line).number(node.span.last_line);
    out.field(graph::to_string(node.criticality));
    out.end();
  }
  return out.take();
}

std::string edge_rows(const graph::Graph& graph, const std::string& repository_id) {
  RowWriter out(repository_id);
  for (const auto& edge : graph.edges()) {
    out.start();
    out.number(edge.source).number(edge.target).field(graph::to_string(edge.kind));
    out.field(edge.evidence.file).number(edge.evidence.line).field(edge.evidence.attribute);
    out.field(edge.evidence.weak ? "t" : "f");
    out.end();
  }
  return out.take();
}

Result<graph::Graph> graph_from_rows(const std::string& node_text, const std::string& edge_text) {
  Names names;
  std::vector<graph::Node> nodes;
  const bool nodes_read = for_each_row(node_text, [&](const std::vector<std::string>& f) {
    if (f.size() != 11 || parse_number(f[0]) != nodes.size()) return false;
    graph::Node node;
    node.id = f[1];
    const auto domain = parse_enum(f[2], graph::Domain::external);
    const auto role = parse_enum(f[4], graph::Role::external);
    const auto criticality = parse_enum(f[10], graph::Criticality::account);
    const auto first = parse_number(f[8]);
    const auto last = parse_number(f[9]);
    if (!domain || !role || !criticality || !first || !last) return false;
    node.domain = *domain;
    node.type = names(f[3]);
    node.role = *role;
    node.service = names(f[5]);
    node.application = names(f[6]);
    node.span = {names(f[7]), *first, *last};
    node.criticality = *criticality;
    nodes.push_back(std::move(node));
    return true;
  });
  if (!nodes_read) return Error{"a stored node cannot be read"};
  std::vector<graph::Edge> edges;
  const bool edges_read = for_each_row(edge_text, [&](const std::vector<std::string>& f) {
    if (f.size() != 7) return false;
    const auto source = parse_number(f[0]);
    const auto target = parse_number(f[1]);
    const auto kind = graph::parse_edge_kind(f[2]);
    const auto line = parse_number(f[4]);
    if (!source || !target || !kind || !line) return false;
    edges.push_back({*source, *target, *kind, {names(f[3]), *line, names(f[5]), f[6] == "t"}});
    return true;
  });
  if (!edges_read) return Error{"a stored edge cannot be read"};
  std::sort(edges.begin(), edges.end(), [](const graph::Edge& a, const graph::Edge& b) {
    return std::tie(a.source, a.target, a.kind) < std::tie(b.source, b.target, b.kind);
  });
  auto graph = graph::assemble_graph(std::move(nodes), std::move(edges));
  if (!graph) return Error{"the stored nodes and edges are not a graph"};
  return std::move(*graph);
}

}  // namespace blastgraph::store
