#pragma once
// Graph exporters. Output is deterministic: nodes in id order, edges in (source, target, kind)
// order.

#include <ostream>

#include "blastgraph/graph/graph.hpp"

namespace blastgraph::graph {

// Graphviz DOT: one statement per node (label = id, shape by role) and edge (label = kind).
void write_dot(const Graph& graph, std::ostream& out);

// The node-link JSON contract other tools read (documented in README.md):
// {"schema":"blastgraph.graph/v1","nodes":[{id,domain,type,role,service,[application,]file,
//  line,last_line,criticality}],"edges":[{source,target,kind,evidence:{file,line,attribute}}]}
void write_json(const Graph& graph, std::ostream& out);

}  // namespace blastgraph::graph
