// explain: the shortest paths along which a change reaches a node, with edge evidence.
#include <gtest/gtest.h>

#include <array>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/explain.hpp"
#include "blastgraph/graph/reach.hpp"

namespace blastgraph::testing {
namespace {

// Two subnets of one VPC; web uses both, api one of them; the bucket uses nothing.
constexpr std::string_view k_network = R"(resource "aws_vpc" "main" {
  tags = { service = "net" }
}
resource "aws_subnet" "a" {
  vpc_id = aws_vpc.main.id
  tags   = { service = "net" }
}
resource "aws_subnet" "b" {
  vpc_id = aws_vpc.main.id
  tags   = { service = "net" }
}
resource "aws_instance" "web" {
  subnet_id              = aws_subnet.a.id
  vpc_security_group_ids = [aws_subnet.b.id]
  tags                   = { service = "web" }
}
resource "aws_instance" "api" {
  subnet_id = aws_subnet.b.id
  tags      = { service = "api" }
}
resource "aws_s3_bucket" "logs" {
  tags = { service = "logs" }
}
)";

std::vector<std::string> ids(const analyzer::ExplainPath& path) {
  std::vector<std::string> out;
  for (const auto& node : path.nodes) out.push_back(node.id);
  return out;
}

class Explain : public ::testing::Test {
 protected:
  void SetUp() override {
    m_tree.write("main.tf", k_network);
    m_ws = load(m_tree.root());
  }
  TempTree m_tree;
  analyzer::Workspace m_ws;
};

TEST_F(Explain, ShortestPathRunsFromTheDependentToTheChangeWithEvidence) {
  const auto e = analyzer::explain(m_ws.graph, ".:aws_vpc.main", ".:aws_instance.web", 1);
  ASSERT_TRUE(e.has_value()) << e.error().message;
  EXPECT_TRUE(e->reached);
  EXPECT_EQ(e->distance, 2U);
  ASSERT_EQ(e->paths.size(), 1U);
  EXPECT_TRUE(e->more_paths);  // through subnet b as well
  const auto& path = e->paths[0];
  EXPECT_EQ(ids(path),
            (std::vector<std::string>{".:aws_instance.web", ".:aws_subnet.a", ".:aws_vpc.main"}));
  ASSERT_EQ(path.hops.size(), 2U);
  EXPECT_EQ(path.hops[0].dependent, ".:aws_instance.web");
  EXPECT_EQ(path.hops[0].dependency, ".:aws_subnet.a");
  EXPECT_EQ(path.hops[0].kind, graph::EdgeKind::reference);
  EXPECT_EQ(path.hops[0].evidence.file, "main.tf");
  EXPECT_EQ(path.hops[0].evidence.line, 13U);
  EXPECT_EQ(path.hops[0].evidence.attribute, "subnet_id");
  EXPECT_EQ(path.hops[1].evidence.line, 5U);
  EXPECT_EQ(path.hops[1].evidence.attribute, "vpc_id");
  EXPECT_EQ(path.nodes[0].type, "aws_instance");
  EXPECT_EQ(path.nodes[0].service, "web");
  EXPECT_EQ(path.nodes[0].line, 12U);
}

TEST_F(Explain, FirstPathIsTheOneTheScoreReportShows) {
  const auto source = m_ws.graph.find(".:aws_vpc.main");
  const std::array sources{source};
  const auto reach = graph::reach(m_ws.graph, sources);
  std::vector<std::string> expected;
  for (const auto index : graph::path_to_source(reach, m_ws.graph.find(".:aws_instance.web"))) {
    expected.push_back(m_ws.graph.node(index).id);
  }
  const auto e = analyzer::explain(m_ws.graph, ".:aws_vpc.main", ".:aws_instance.web", 5);
  ASSERT_TRUE(e.has_value());
  ASSERT_FALSE(e->paths.empty());
  EXPECT_EQ(ids(e->paths[0]), expected);
}

TEST_F(Explain, AllPathsListsEveryShortestPathInAFixedOrder) {
  const auto e = analyzer::explain(m_ws.graph, ".:aws_vpc.main", ".:aws_instance.web", 10);
  ASSERT_TRUE(e.has_value());
  EXPECT_FALSE(e->more_paths);
  ASSERT_EQ(e->paths.size(), 2U);
  EXPECT_EQ(ids(e->paths[1]),
            (std::vector<std::string>{".:aws_instance.web", ".:aws_subnet.b", ".:aws_vpc.main"}));
  EXPECT_EQ(e->paths[1].hops[0].evidence.attribute, "vpc_security_group_ids");
  // Exactly as many as exist: asking for 2 does not claim more.
  const auto two = analyzer::explain(m_ws.graph, ".:aws_vpc.main", ".:aws_instance.web", 2);
  ASSERT_TRUE(two.has_value());
  EXPECT_EQ(two->paths.size(), 2U);
  EXPECT_FALSE(two->more_paths);
}

TEST_F(Explain, NotReachedIsAnAnswerNotAnError) {
  const auto e = analyzer::explain(m_ws.graph, ".:aws_s3_bucket.logs", ".:aws_instance.web", 1);
  ASSERT_TRUE(e.has_value());
  EXPECT_FALSE(e->reached);
  EXPECT_TRUE(e->paths.empty());
  // Direction matters: the VPC does not depend on the instance.
  const auto back = analyzer::explain(m_ws.graph, ".:aws_instance.web", ".:aws_vpc.main", 1);
  ASSERT_TRUE(back.has_value());
  EXPECT_FALSE(back->reached);
  std::ostringstream text;
  analyzer::write_explain_text(*e, text);
  EXPECT_NE(text.str().find("not reached"), std::string::npos);
}

TEST_F(Explain, UnknownIdIsAnError) {
  const auto from = analyzer::explain(m_ws.graph, ".:aws_vpc.nope", ".:aws_instance.web", 1);
  ASSERT_FALSE(from.has_value());
  EXPECT_EQ(from.error().message, "no node .:aws_vpc.nope");
  const auto to = analyzer::explain(m_ws.graph, ".:aws_vpc.main", "k8s:x/Pod/y", 1);
  ASSERT_FALSE(to.has_value());
  EXPECT_EQ(to.error().message, "no node k8s:x/Pod/y");
}

TEST_F(Explain, ANodeReachesItselfInZeroHops) {
  const auto e = analyzer::explain(m_ws.graph, ".:aws_vpc.main", ".:aws_vpc.main", 3);
  ASSERT_TRUE(e.has_value());
  EXPECT_TRUE(e->reached);
  EXPECT_EQ(e->distance, 0U);
  ASSERT_EQ(e->paths.size(), 1U);
  EXPECT_EQ(ids(e->paths[0]), (std::vector<std::string>{".:aws_vpc.main"}));
  EXPECT_TRUE(e->paths[0].hops.empty());
}

TEST_F(Explain, JsonCarriesSchemaPathsAndEvidence) {
  const auto e = analyzer::explain(m_ws.graph, ".:aws_vpc.main", ".:aws_instance.web", 1);
  ASSERT_TRUE(e.has_value());
  std::ostringstream out;
  analyzer::write_explain_json(*e, out);
  const auto doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["schema"], "blastgraph.explain/v1");
  EXPECT_EQ(doc["reached"], true);
  EXPECT_EQ(doc["distance"], 2);
  EXPECT_EQ(doc["more_paths"], true);
  ASSERT_EQ(doc["paths"].size(), 1U);
  EXPECT_EQ(doc["paths"][0]["nodes"][0]["id"], ".:aws_instance.web");
  EXPECT_EQ(doc["paths"][0]["hops"][0]["kind"], "reference");
  EXPECT_EQ(doc["paths"][0]["hops"][0]["file"], "main.tf");
  EXPECT_EQ(doc["paths"][0]["hops"][0]["line"], 13);
  EXPECT_EQ(doc["paths"][0]["hops"][0]["attribute"], "subnet_id");
}

TEST_F(Explain, ALongChainDoesNotExhaustTheStack) {
  TempTree tree;
  std::string text = "resource \"null_resource\" \"n0\" {}\n";
  constexpr int k_length = 3000;
  for (int i = 1; i <= k_length; ++i) {
    text += "resource \"null_resource\" \"n" + std::to_string(i) +
            "\" {\n  triggers = { x = " + "null_resource.n" + std::to_string(i - 1) + ".id }\n}\n";
  }
  tree.write("main.tf", text);
  const auto ws = load(tree.root());
  const auto e = analyzer::explain(ws.graph, ".:null_resource.n0",
                                   ".:null_resource.n" + std::to_string(k_length), 1);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->distance, static_cast<std::size_t>(k_length));
  ASSERT_EQ(e->paths.size(), 1U);
  EXPECT_EQ(e->paths[0].hops.size(), static_cast<std::size_t>(k_length));
}

TEST(ExplainAcme, TheBoundaryReachesCheckoutThroughItsRoleAndServiceAccount) {
  const auto ws = load(fixtures_dir() / "acme");
  const auto e =
      analyzer::explain(ws.graph, "terraform/envs/prod:module.iam.aws_iam_policy.boundary",
                        "k8s:kubernetes/shop:shop/Deployment/checkout", 1);
  ASSERT_TRUE(e.has_value()) << e.error().message;
  ASSERT_TRUE(e->reached);
  ASSERT_EQ(e->paths.size(), 1U);
  const auto& path = e->paths[0];
  EXPECT_EQ(ids(path), (std::vector<std::string>{
                           "k8s:kubernetes/shop:shop/Deployment/checkout",
                           "k8s:kubernetes/shop:shop/ServiceAccount/checkout",
                           "terraform/envs/prod:module.checkout.aws_iam_role.this",
                           "terraform/envs/prod:module.checkout.var.permissions_boundary_arn",
                           "terraform/envs/prod:module.iam.output.boundary_arn",
                           "terraform/envs/prod:module.iam.aws_iam_policy.boundary",
                       }));
  ASSERT_EQ(path.hops.size(), 5U);
  EXPECT_EQ(path.hops[0].kind, graph::EdgeKind::service_account);
  EXPECT_EQ(path.hops[0].evidence.file, "kubernetes/shop/checkout.yaml");
  EXPECT_EQ(path.hops[0].evidence.attribute, "spec.template.spec.serviceAccountName");
  EXPECT_EQ(path.hops[1].kind, graph::EdgeKind::runs_as);
  EXPECT_EQ(path.hops[1].evidence.attribute, "metadata.annotations.eks.amazonaws.com/role-arn");
  EXPECT_EQ(path.hops[2].kind, graph::EdgeKind::permission_boundary);
  EXPECT_EQ(path.hops[2].evidence.file, "terraform/modules/service/iam.tf");
  EXPECT_EQ(path.hops[2].evidence.line, 30U);
  EXPECT_EQ(path.hops[3].kind, graph::EdgeKind::module_input);
  EXPECT_EQ(path.hops[4].kind, graph::EdgeKind::reference);
  EXPECT_EQ(e->distance, 5U);
}

}  // namespace
}  // namespace blastgraph::testing
