#pragma once
// The organization's graph assembled from its repositories' frozen graphs, without a builder:
// each graph is already in id order, and every id of another repository starts with its
// "<repo>::", so each of them is one run of the joined order; merged with the repository under
// review, the nodes come out sorted in one pass, and the edges follow their nodes.

#include <cstdint>
#include <vector>

#include "blastgraph/graph/graph.hpp"
#include "blastgraph/graph/interface.hpp"
#include "members.hpp"

namespace blastgraph::org {

struct JoinedGraph {
  graph::Graph graph;
  std::vector<std::uint32_t> node_repository;  // by node: its member's position
};

// `graphs[i]` is `members[i]`'s graph, taken apart into the joined one. Nodes are renamed as their
// member names them (services
// `<repo>:<service>`); `links` become edges between them (one naming an id that is in no graph
// is left out). Of two nodes with one id, the first member's is kept; of two edges alike, the
// one with the smallest evidence, as GraphBuilder does.
[[nodiscard]] JoinedGraph join_graphs(std::vector<graph::Graph> graphs,
                                      const std::vector<Member>& members,
                                      const std::vector<graph::RepositoryLink>& links);

}  // namespace blastgraph::org
