#include <string>
#include <string_view>

#include "blastgraph/graph/export.hpp"

namespace blastgraph::graph {
namespace {

std::string_view shape_of(Role role) {
  switch (role) {
    case Role::resource:
      return "box";
    case Role::value:
      return "ellipse";
    case Role::module:
      return "component";
    case Role::external:
      return "diamond";
  }
  return "box";
}

// A DOT double-quoted string. Ids come from user files, so a quote, a backslash or a line
// break in one must not end the string or change the statement.
std::string quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

}  // namespace

void write_dot(const Graph& graph, std::ostream& out) {
  out << "digraph blastgraph {\n";
  for (const Node& node : graph.nodes()) {
    const std::string id = quoted(node.id);
    out << "  " << id << " [label=" << id << ", shape=" << shape_of(node.role) << "];\n";
  }
  for (const Edge& edge : graph.edges()) {
    out << "  " << quoted(graph.node(edge.source).id) << " -> "
        << quoted(graph.node(edge.target).id) << " [label=" << quoted(to_string(edge.kind))
        << "];\n";
  }
  out << "}\n";
}

}  // namespace blastgraph::graph
