#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "blastgraph/graph/graph.hpp"
#include "graph_test_support.hpp"

namespace blastgraph::graph {
namespace {

using ::testing::ElementsAre;
using testing::index_of;
using testing::make_node;

TEST(GraphBuilder, KeepsTheFirstNodeOfAnId) {
  GraphBuilder builder;
  Node first = make_node("k8s:shop/Deployment/cart");
  first.type = "Deployment";
  Node second = make_node("k8s:shop/Deployment/cart");
  second.type = "StatefulSet";
  EXPECT_TRUE(builder.add_node(first));
  EXPECT_FALSE(builder.add_node(second));
  EXPECT_EQ(builder.node_count(), 1U);

  const Graph graph = builder.build();
  ASSERT_EQ(graph.node_count(), 1U);
  EXPECT_EQ(graph.node(0).type, "Deployment");
}

TEST(GraphBuilder, AddsAnExternalNodeOnlyWhenTheIdIsNew) {
  GraphBuilder builder;
  Node defined = make_node("ext:arn:aws:s3:::logs");
  defined.type = "aws_s3_bucket";
  EXPECT_TRUE(builder.add_external("ext:dns:api.example.com", "dns_name"));
  EXPECT_FALSE(builder.add_external("ext:dns:api.example.com", "other"));
  EXPECT_TRUE(builder.add_node(defined));
  EXPECT_FALSE(builder.add_external("ext:arn:aws:s3:::logs", "aws_resource"));

  const Graph graph = builder.build();
  ASSERT_EQ(graph.node_count(), 2U);
  const auto& dns = graph.node(graph.find("ext:dns:api.example.com"));
  EXPECT_EQ(dns.type, "dns_name");
  EXPECT_EQ(dns.domain, Domain::external);
  EXPECT_EQ(dns.role, Role::external);
  EXPECT_EQ(graph.node(graph.find("ext:arn:aws:s3:::logs")).type, "aws_s3_bucket");
}

TEST(GraphBuilder, FindsNodesItHolds) {
  GraphBuilder builder;
  EXPECT_TRUE(builder.add_node(make_node("a")));
  EXPECT_TRUE(builder.has_node("a"));
  EXPECT_FALSE(builder.has_node("b"));
  EXPECT_EQ(builder.find_node("b"), nullptr);

  Node* node = builder.find_node("a");
  ASSERT_NE(node, nullptr);
  node->service = "payments";  // edits through find_node reach the built graph
  const Graph graph = builder.build();
  EXPECT_EQ(graph.node(0).service, "payments");
}

TEST(GraphBuilder, RefusesEdgesToUnknownIdsAndSelfLoops) {
  GraphBuilder builder;
  EXPECT_TRUE(builder.add_node(make_node("a")));
  EXPECT_TRUE(builder.add_node(make_node("b")));
  EXPECT_FALSE(builder.add_edge("a", "missing", EdgeKind::reference, {}));
  EXPECT_FALSE(builder.add_edge("missing", "a", EdgeKind::reference, {}));
  EXPECT_FALSE(builder.add_edge("a", "a", EdgeKind::depends_on, {}));
  EXPECT_TRUE(builder.add_edge("a", "b", EdgeKind::reference, {}));

  const Graph graph = builder.build();
  ASSERT_EQ(graph.edge_count(), 1U);
  EXPECT_EQ(graph.edge(0).source, index_of(graph, "a"));
  EXPECT_EQ(graph.edge(0).target, index_of(graph, "b"));
}

TEST(GraphBuilder, CollapsesParallelEdgesOfOneKindKeepingTheSmallestEvidence) {
  GraphBuilder builder;
  EXPECT_TRUE(builder.add_node(make_node("a")));
  EXPECT_TRUE(builder.add_node(make_node("b")));
  EXPECT_TRUE(builder.add_edge("a", "b", EdgeKind::reference, {"main.tf", 9, "name"}));
  EXPECT_TRUE(builder.add_edge("a", "b", EdgeKind::reference, {"b.tf", 30, "tags"}));
  EXPECT_TRUE(builder.add_edge("a", "b", EdgeKind::reference, {"b.tf", 4, "policy"}));
  EXPECT_TRUE(builder.add_edge("a", "b", EdgeKind::depends_on, {"z.tf", 1, "depends_on"}));
  EXPECT_TRUE(builder.add_edge("b", "a", EdgeKind::reference, {"c.tf", 2, "x"}));

  const Graph graph = builder.build();
  ASSERT_EQ(graph.edge_count(), 3U);
  // (source, target, kind) order: a->b reference, a->b depends_on, b->a reference.
  EXPECT_EQ(graph.edge(0).kind, EdgeKind::reference);
  EXPECT_EQ(graph.edge(0).evidence, (Evidence{"b.tf", 4, "policy"}));
  EXPECT_EQ(graph.edge(1).kind, EdgeKind::depends_on);
  EXPECT_EQ(graph.edge(1).evidence, (Evidence{"z.tf", 1, "depends_on"}));
  EXPECT_EQ(graph.edge(2).source, index_of(graph, "b"));
  EXPECT_EQ(graph.edge(2).evidence, (Evidence{"c.tf", 2, "x"}));
}

TEST(GraphBuilder, IndicesFollowIdOrderNotInsertionOrder) {
  const Graph graph = testing::make_graph(
      {"zeta", "alpha", "mid", "beta"},
      {{"zeta", "alpha"}, {"alpha", "mid"}, {"beta", "zeta"}, {"alpha", "beta"}});
  std::vector<std::string> ids;
  for (const Node& node : graph.nodes()) {
    ids.push_back(node.id);
  }
  EXPECT_THAT(ids, ElementsAre("alpha", "beta", "mid", "zeta"));
  for (NodeIndex i = 0; i < 4; ++i) {
    EXPECT_EQ(graph.find(ids[i]), i);
  }
  EXPECT_EQ(graph.find("gamma"), k_no_node);
  EXPECT_EQ(graph.find(""), k_no_node);
  EXPECT_EQ(graph.find("zzz"), k_no_node);

  // alpha=0 beta=1 mid=2 zeta=3, edges sorted by (source, target).
  std::vector<std::pair<NodeIndex, NodeIndex>> endpoints;
  for (const Edge& edge : graph.edges()) {
    endpoints.emplace_back(edge.source, edge.target);
  }
  EXPECT_THAT(endpoints, ElementsAre(std::pair{0U, 1U}, std::pair{0U, 2U}, std::pair{1U, 3U},
                                     std::pair{3U, 0U}));
}

TEST(GraphBuilder, InsertionOrderDoesNotChangeTheGraph) {
  std::vector<std::string> ids;
  std::vector<testing::EdgeSpec> edges;
  for (int i = 0; i < 40; ++i) {
    ids.push_back("node" + std::to_string(i));
  }
  for (int i = 0; i < 40; ++i) {
    edges.push_back({ids[static_cast<std::size_t>(i)],
                     ids[static_cast<std::size_t>((i * 7 + 3) % 40)], EdgeKind::reference});
    edges.push_back({ids[static_cast<std::size_t>(i)],
                     ids[static_cast<std::size_t>((i * 11 + 5) % 40)], EdgeKind::owner});
  }
  const Graph first = testing::make_graph(ids, edges);
  std::mt19937 random(7);
  std::shuffle(ids.begin(), ids.end(), random);
  std::shuffle(edges.begin(), edges.end(), random);
  const Graph second = testing::make_graph(ids, edges);

  ASSERT_EQ(first.node_count(), second.node_count());
  ASSERT_EQ(first.edge_count(), second.edge_count());
  for (NodeIndex i = 0; i < first.node_count(); ++i) {
    EXPECT_EQ(first.node(i).id, second.node(i).id);
  }
  for (EdgeIndex i = 0; i < first.edge_count(); ++i) {
    EXPECT_EQ(first.edge(i).source, second.edge(i).source);
    EXPECT_EQ(first.edge(i).target, second.edge(i).target);
    EXPECT_EQ(first.edge(i).kind, second.edge(i).kind);
  }
}

TEST(GraphBuilder, IsEmptyAfterBuild) {
  GraphBuilder builder;
  EXPECT_TRUE(builder.add_node(make_node("a")));
  EXPECT_TRUE(builder.add_node(make_node("b")));
  EXPECT_TRUE(builder.add_edge("a", "b", EdgeKind::reference, {}));
  const Graph graph = builder.build();
  EXPECT_EQ(graph.node_count(), 2U);
  EXPECT_EQ(builder.node_count(), 0U);
  EXPECT_FALSE(builder.has_node("a"));

  const Graph empty = builder.build();
  EXPECT_EQ(empty.node_count(), 0U);
  EXPECT_EQ(empty.edge_count(), 0U);
  EXPECT_EQ(empty.find("a"), k_no_node);
}

TEST(Graph, DefaultConstructedIsEmpty) {
  const Graph graph;
  EXPECT_EQ(graph.node_count(), 0U);
  EXPECT_EQ(graph.edge_count(), 0U);
  EXPECT_TRUE(graph.nodes().empty());
  EXPECT_EQ(graph.find("x"), k_no_node);
}

TEST(Graph, DependentsAndDependenciesListEdgesInOrder) {
  // app depends on db, cache and queue; worker depends on db and queue; db depends on kms.
  const Graph graph = testing::make_graph({"worker", "queue", "kms", "db", "cache", "app"},
                                          {{"app", "db"},
                                           {"worker", "queue"},
                                           {"app", "queue"},
                                           {"db", "kms"},
                                           {"worker", "db"},
                                           {"app", "cache"},
                                           {"app", "db", EdgeKind::depends_on}});
  const auto sources_of = [&](const std::vector<EdgeIndex>& edges) {
    std::vector<std::string> ids;
    for (const EdgeIndex e : edges) {
      EXPECT_EQ(graph.edge(e).target, graph.edge(edges.front()).target);
      ids.push_back(graph.node(graph.edge(e).source).id);
    }
    return ids;
  };
  const auto targets_of = [&](const std::vector<EdgeIndex>& edges) {
    std::vector<std::string> ids;
    for (const EdgeIndex e : edges) {
      EXPECT_EQ(graph.edge(e).source, graph.edge(edges.front()).source);
      ids.push_back(graph.node(graph.edge(e).target).id);
    }
    return ids;
  };
  EXPECT_THAT(sources_of(graph.dependents(index_of(graph, "db"))),
              ElementsAre("app", "app", "worker"));
  EXPECT_THAT(sources_of(graph.dependents(index_of(graph, "queue"))), ElementsAre("app", "worker"));
  EXPECT_TRUE(graph.dependents(index_of(graph, "app")).empty());
  EXPECT_THAT(targets_of(graph.dependencies(index_of(graph, "app"))),
              ElementsAre("cache", "db", "db", "queue"));
  EXPECT_TRUE(graph.dependencies(index_of(graph, "kms")).empty());
  EXPECT_TRUE(graph.dependents(99).empty());
  EXPECT_TRUE(graph.dependencies(k_no_node).empty());

  const std::vector<EdgeIndex> db_dependents = graph.dependents(index_of(graph, "db"));
  EXPECT_TRUE(std::is_sorted(db_dependents.begin(), db_dependents.end()));
  EXPECT_EQ(graph.edge(db_dependents[0]).kind, EdgeKind::reference);
  EXPECT_EQ(graph.edge(db_dependents[1]).kind, EdgeKind::depends_on);
}

}  // namespace
}  // namespace blastgraph::graph
