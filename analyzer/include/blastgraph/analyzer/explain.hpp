#pragma once
// Why a change to one node reaches another: the shortest dependency paths between them, each
// hop with its edge kind and evidence. The first path is the one the score report shows
// (graph::path_to_source).

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/result.hpp"
#include "blastgraph/graph/graph.hpp"

namespace blastgraph::analyzer {

inline constexpr std::string_view k_explain_schema = "blastgraph.explain/v1";

// One node on a path.
struct PathNode {
  std::string id;
  std::string type;
  std::string service;  // may be empty
  std::string file;     // relative to the scanned root; empty for external nodes
  std::uint32_t line = 0;
  std::string application;  // what the service is part of; may be empty
};

// One hop: `dependent -> dependency` (dependent depends on dependency), so a change to the
// dependency reaches the dependent.
struct PathHop {
  std::string dependent;
  std::string dependency;
  graph::EdgeKind kind = graph::EdgeKind::reference;
  graph::Evidence evidence;
};

// A path written dependent first: nodes[0] is the reached node (`to`), nodes.back() the
// changed node (`from`); hops[i] joins nodes[i] and nodes[i + 1].
struct ExplainPath {
  std::vector<PathNode> nodes;
  std::vector<PathHop> hops;
};

struct Explanation {
  std::string from;  // the changed node
  std::string to;    // the node asked about
  bool reached = false;
  std::size_t distance = 0;        // hops of every path; 0 when not reached or from == to
  std::vector<ExplainPath> paths;  // empty when not reached; else 1..max_paths
  bool more_paths = false;         // more shortest paths exist than were listed
};

// The shortest paths along which a change to `from` reaches `to`, at most `max_paths` of them
// (0 is taken as 1), in a fixed order: at each node the dependency with the smallest index
// first, so the first path is graph::path_to_source's. Enumeration stops after max_paths + 1
// paths, so the cost is O(V + E) for the reach plus O(max_paths * distance * degree).
// Returns an error "no node <id>" when either id is not in the graph; "not reached" is an
// answer (reached == false), not an error.
[[nodiscard]] Result<Explanation> explain(const graph::Graph& graph, std::string_view from,
                                          std::string_view to, std::size_t max_paths = 1);

// For a person: each path from the reached node to the change, one hop per line with its
// edge kind and evidence (file:line and attribute).
void write_explain_text(const Explanation& explanation, std::ostream& out);
// As JSON, schema k_explain_schema (schemas/explain.v1.schema.json).
void write_explain_json(const Explanation& explanation, std::ostream& out);

}  // namespace blastgraph::analyzer
