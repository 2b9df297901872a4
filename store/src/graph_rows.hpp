#pragma once
// A graph as rows of the `nodes` and `edges` tables (COPY's text format), and back.

#include <string>

#include "blastgraph/core/result.hpp"
#include "blastgraph/graph/graph.hpp"

namespace blastgraph::store {

// The graph's nodes as `nodes` rows of `repository_id`, in the graph's order (idx).
[[nodiscard]] std::string node_rows(const graph::Graph& graph, const std::string& repository_id);

// The graph's edges as `edges` rows of `repository_id`.
[[nodiscard]] std::string edge_rows(const graph::Graph& graph, const std::string& repository_id);

// The columns node_rows and edge_rows write, for the COPY statements.
inline constexpr const char* k_node_columns =
    "(repository_id, idx, id, domain, type, role, service, application, file, first_line, "
    "last_line, criticality)";
inline constexpr const char* k_edge_columns =
    "(repository_id, source, target, kind, file, line, attribute, weak)";

// A graph from rows in those columns without repository_id, nodes by idx and edges by
// (source, target, kind); an error when a row cannot be read.
[[nodiscard]] Result<graph::Graph> graph_from_rows(const std::string& nodes,
                                                   const std::string& edges);

}  // namespace blastgraph::store
