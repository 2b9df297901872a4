#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "blastgraph/graph/export.hpp"
#include "graph_test_support.hpp"

namespace blastgraph::graph {
namespace {

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(BLASTGRAPH_FIXTURES_DIR) + "/graph/" + name, std::ios::binary);
  EXPECT_TRUE(in) << "missing fixture " << name;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Node make_node(std::string id, Domain domain, std::string type, Role role, std::string service,
               SourceSpan span, Criticality criticality) {
  return {std::move(id),      domain, std::move(type), role, std::move(service), {},
          std::move(span), criticality};
}

// One node of each role and domain, added out of id order, with a collapsed duplicate edge.
// fixtures/graph/small.{dot,json} hold the expected exports.
Graph make_small_graph() {
  GraphBuilder builder;
  EXPECT_TRUE(builder.add_node(make_node("k8s:shop/Deployment/checkout", Domain::kubernetes,
                                         "Deployment", Role::resource, "checkout",
                                         {"k8s/checkout.yaml", 1, 40}, Criticality::compute)));
  EXPECT_TRUE(
      builder.add_node(make_node("envs/prod:var.region", Domain::terraform, "var", Role::value, "",
                                 {"envs/prod/variables.tf", 1, 4}, Criticality::normal)));
  EXPECT_TRUE(builder.add_node(make_node("ext:arn:aws:s3:::logs", Domain::external, "aws_s3_bucket",
                                         Role::external, "", {}, Criticality::storage)));
  EXPECT_TRUE(builder.add_node(make_node("envs/prod:aws_iam_role.app", Domain::terraform,
                                         "aws_iam_role", Role::resource, "payments",
                                         {"envs/prod/iam.tf", 3, 12}, Criticality::iam)));
  EXPECT_TRUE(
      builder.add_node(make_node("envs/prod:module.vpc", Domain::terraform, "module", Role::module,
                                 "network", {"envs/prod/main.tf", 20, 25}, Criticality::network)));
  const std::string role = "envs/prod:aws_iam_role.app";
  EXPECT_TRUE(builder.add_edge(
      "k8s:shop/Deployment/checkout", role, EdgeKind::runs_as,
      {"k8s/checkout.yaml", 7, "metadata.annotations.eks.amazonaws.com/role-arn"}));
  EXPECT_TRUE(builder.add_edge(role, "ext:arn:aws:s3:::logs", EdgeKind::acts_on,
                               {"envs/prod/iam.tf", 9, "policy"}));
  EXPECT_TRUE(builder.add_edge(role, "envs/prod:var.region", EdgeKind::reference,
                               {"envs/prod/iam.tf", 5, "name"}));
  EXPECT_TRUE(builder.add_edge(role, "envs/prod:var.region", EdgeKind::reference,
                               {"envs/prod/iam.tf", 4, "tags"}));
  EXPECT_TRUE(builder.add_edge("envs/prod:module.vpc", "envs/prod:var.region",
                               EdgeKind::module_input, {"envs/prod/main.tf", 22, "region"}));
  EXPECT_TRUE(builder.add_edge(role, "envs/prod:module.vpc", EdgeKind::depends_on,
                               {"envs/prod/iam.tf", 11, "depends_on"}));
  return builder.build();
}

std::string dot_of(const Graph& graph) {
  std::ostringstream out;
  write_dot(graph, out);
  return out.str();
}

std::string json_of(const Graph& graph) {
  std::ostringstream out;
  write_json(graph, out);
  return out.str();
}

TEST(ExportDot, MatchesGolden) {
  EXPECT_EQ(dot_of(make_small_graph()), read_fixture("small.dot"));
}

TEST(ExportJson, MatchesGolden) {
  EXPECT_EQ(json_of(make_small_graph()), read_fixture("small.json"));
}

TEST(ExportJson, ParsesBackWithFieldsInContractOrder) {
  const Graph graph = make_small_graph();
  const auto json = nlohmann::ordered_json::parse(json_of(graph));
  std::vector<std::string> top;
  for (const auto& [key, value] : json.items()) {
    top.push_back(key);
  }
  EXPECT_EQ(top, (std::vector<std::string>{"schema", "nodes", "edges"}));
  EXPECT_EQ(json["schema"], "blastgraph.graph/v1");
  ASSERT_EQ(json["nodes"].size(), graph.node_count());
  ASSERT_EQ(json["edges"].size(), graph.edge_count());

  std::vector<std::string> node_keys;
  for (const auto& [key, value] : json["nodes"][0].items()) {
    node_keys.push_back(key);
  }
  EXPECT_EQ(node_keys, (std::vector<std::string>{"id", "domain", "type", "role", "service", "file",
                                                 "line", "last_line", "criticality"}));
  std::vector<std::string> edge_keys;
  for (const auto& [key, value] : json["edges"][0].items()) {
    edge_keys.push_back(key);
  }
  EXPECT_EQ(edge_keys, (std::vector<std::string>{"source", "target", "kind", "evidence"}));
  for (std::size_t i = 0; i < graph.edge_count(); ++i) {
    const auto& edge = json["edges"][i];
    EXPECT_EQ(parse_edge_kind(edge["kind"].get<std::string>()), graph.edges()[i].kind);
    EXPECT_EQ(edge["source"], graph.node(graph.edges()[i].source).id);
    EXPECT_EQ(edge["evidence"]["line"], graph.edges()[i].evidence.line);
  }
}

Graph make_awkward_graph() {
  return testing::make_graph({"we\"ird", "back\\slash", "multi\nline", "plain"},
                             {{"we\"ird", "back\\slash"}, {"multi\nline", "plain"}});
}

TEST(ExportDot, EscapesQuotesBackslashesAndNewlines) {
  const std::string dot = dot_of(make_awkward_graph());
  EXPECT_NE(dot.find(R"("we\"ird" [label="we\"ird", shape=box];)"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"("back\\slash" [label="back\\slash", shape=box];)"), std::string::npos);
  EXPECT_NE(dot.find(R"("multi\nline" -> "plain" [label="reference"];)"), std::string::npos);
  EXPECT_NE(dot.find(R"("we\"ird" -> "back\\slash")"), std::string::npos);
  // Four nodes, two edges and the two braces: a raw line break would add a line.
  EXPECT_EQ(std::count(dot.begin(), dot.end(), '\n'), 8);
}

TEST(ExportJson, EscapedIdsRoundTrip) {
  const Graph graph = make_awkward_graph();
  const auto json = nlohmann::json::parse(json_of(graph));
  ASSERT_EQ(json["nodes"].size(), graph.node_count());
  for (std::size_t i = 0; i < graph.node_count(); ++i) {
    EXPECT_EQ(json["nodes"][i]["id"].get<std::string>(), graph.nodes()[i].id);
  }
  // Edges in source order: multi\nline -> plain, then we"ird -> back\slash.
  EXPECT_EQ(json["edges"][0]["source"].get<std::string>(), "multi\nline");
  EXPECT_EQ(json["edges"][1]["target"].get<std::string>(), "back\\slash");
}

TEST(ExportJson, InvalidUtf8DoesNotThrow) {
  const Graph graph = testing::make_graph({"bad\xff"
                                           "byte",
                                           "ok"},
                                          {{"ok",
                                            "bad\xff"
                                            "byte"}});
  std::string text;
  ASSERT_NO_THROW(text = json_of(graph));
  const auto json = nlohmann::json::parse(text);
  EXPECT_EQ(json["nodes"][0]["id"].get<std::string>(),
            "bad\xef\xbf\xbd"
            "byte");
}

TEST(Export, EmptyGraph) {
  const Graph graph;
  EXPECT_EQ(dot_of(graph), "digraph blastgraph {\n}\n");
  const auto json = nlohmann::json::parse(json_of(graph));
  EXPECT_TRUE(json["nodes"].empty());
  EXPECT_TRUE(json["edges"].empty());
}

TEST(Export, ByteIdenticalWhateverTheInsertionOrder) {
  const Graph forward =
      testing::make_graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}, {"a", "d"}, {"d", "c"}});
  const Graph backward =
      testing::make_graph({"d", "c", "b", "a"}, {{"d", "c"}, {"a", "d"}, {"b", "c"}, {"a", "b"}});
  EXPECT_EQ(dot_of(forward), dot_of(backward));
  EXPECT_EQ(json_of(forward), json_of(backward));
}

}  // namespace
}  // namespace blastgraph::graph
