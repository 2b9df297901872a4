// hotspots: resources ranked by the blast radius a change to each alone would have.
#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/hotspots.hpp"
#include "blastgraph/graph/reach.hpp"
#include "blastgraph/graph/reach_counts.hpp"

namespace blastgraph::testing {
namespace {

// web uses both subnets, api one; the bucket is used by nothing; a variable is not ranked.
constexpr std::string_view k_network = R"(variable "cidr" {}
resource "aws_vpc" "main" {
  cidr_block = var.cidr
  tags       = { service = "net" }
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

std::vector<std::string> ranked_ids(const analyzer::Hotspots& h) {
  std::vector<std::string> out;
  for (const auto& spot : h.hotspots) out.push_back(spot.id);
  return out;
}

TEST(Hotspots, RankByServicesThenResourcesThenId) {
  TempTree tree;
  tree.write("main.tf", k_network);
  const auto ws = load(tree.root());
  const auto h = analyzer::rank_hotspots(ws.graph, 0);
  EXPECT_EQ(h.resources_ranked, 6U);  // the variable is not a resource
  EXPECT_EQ(ranked_ids(h),
            (std::vector<std::string>{".:aws_vpc.main", ".:aws_subnet.b", ".:aws_subnet.a",
                                      ".:aws_instance.api", ".:aws_instance.web",
                                      ".:aws_s3_bucket.logs"}));
  ASSERT_EQ(h.hotspots.size(), 6U);
  const auto& vpc = h.hotspots[0];
  EXPECT_EQ(vpc.services_reached, 3U);   // net, web, api
  EXPECT_EQ(vpc.resources_reached, 4U);  // two subnets, two instances
  EXPECT_EQ(vpc.type, "aws_vpc");
  EXPECT_EQ(vpc.file, "main.tf");
  EXPECT_EQ(vpc.line, 2U);
  EXPECT_EQ(h.hotspots[1].services_reached, 3U);
  EXPECT_EQ(h.hotspots[1].resources_reached, 2U);
  EXPECT_EQ(h.hotspots[2].services_reached, 2U);
  EXPECT_EQ(h.hotspots[2].resources_reached, 1U);
  EXPECT_EQ(h.hotspots[5].services_reached, 1U);  // its own
  EXPECT_EQ(h.hotspots[5].resources_reached, 0U);
}

TEST(Hotspots, TopCutsTheRanking) {
  TempTree tree;
  tree.write("main.tf", k_network);
  const auto ws = load(tree.root());
  const auto h = analyzer::rank_hotspots(ws.graph, 2);
  EXPECT_EQ(h.resources_ranked, 6U);
  EXPECT_EQ(ranked_ids(h), (std::vector<std::string>{".:aws_vpc.main", ".:aws_subnet.b"}));
  EXPECT_TRUE(analyzer::rank_hotspots(graph::Graph{}, 5).hotspots.empty());
}

std::string render_acme(std::size_t threads, const analyzer::Workspace& ws) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  std::ostringstream out;
  analyzer::write_hotspots_json(analyzer::rank_hotspots(ws.graph, 0), out);
  return out.str();
}

TEST(Hotspots, AcmeSameBytesWithOneAndFourThreads) {
  const auto ws = load(fixtures_dir() / "acme");
  const auto one = render_acme(1, ws);
  EXPECT_EQ(render_acme(4, ws), one);
  const auto doc = nlohmann::json::parse(one);
  EXPECT_EQ(doc["schema"], "blastgraph.hotspots/v1");
  EXPECT_GT(doc["hotspots"].size(), 100U);
}

TEST(Hotspots, AcmeRanksTheSharedBoundaryAndTheNetworkOnTop) {
  const auto ws = load(fixtures_dir() / "acme");
  const auto h = analyzer::rank_hotspots(ws.graph, 10);
  ASSERT_EQ(h.hotspots.size(), 10U);
  const auto top = ranked_ids(h);
  const auto rank = [&](const std::string& id) {
    return std::find(top.begin(), top.end(), id) - top.begin();
  };
  const std::string vpc = "terraform/envs/prod:module.network.aws_vpc.this";
  const std::string subnet = "terraform/envs/prod:module.network.aws_subnet.private";
  const std::string boundary = "terraform/envs/prod:module.iam.aws_iam_policy.boundary";
  // The admission webhook intercepts every workload: cluster-wide reach comes first.
  EXPECT_EQ(top[0].rfind("k8s:", 0), 0U) << top[0];
  EXPECT_LT(rank(vpc), 10);
  EXPECT_LT(rank(boundary), 10);
  EXPECT_LT(rank(vpc), rank(subnet));  // the VPC reaches everything its subnets reach
  for (std::size_t i = 1; i < h.hotspots.size(); ++i) {
    EXPECT_GE(h.hotspots[i - 1].services_reached, h.hotspots[i].services_reached);
  }
  EXPECT_GE(h.hotspots[static_cast<std::size_t>(rank(boundary))].services_reached, 10U);
}

// The sizes one reach from the resource gives: what the ranking must equal.
void expect_measured_by_one_reach(const graph::Graph& graph, const analyzer::Hotspot& spot) {
  const std::array source{graph.find(spot.id)};
  const auto reach = graph::reach(graph, source, graph::Direction::dependents);
  std::set<std::string_view> services;
  std::size_t resources = 0;
  for (const auto reached : reach.nodes) {
    const auto& node = graph.node(reached);
    if (node.role != graph::Role::resource) continue;
    if (!node.service.empty()) services.insert(node.service);
    if (reached != source[0]) ++resources;
  }
  EXPECT_EQ(spot.services_reached, services.size()) << spot.id;
  EXPECT_EQ(spot.resources_reached, resources) << spot.id;
  EXPECT_EQ(spot.nodes_reached, reach.nodes.size() - 1) << spot.id;
}

TEST(Hotspots, AcmeCountsEqualOneReachPerResource) {
  const auto ws = load(fixtures_dir() / "acme");
  const auto h = analyzer::rank_hotspots(ws.graph, 0);
  ASSERT_EQ(h.hotspots.size(), h.resources_ranked);
  EXPECT_EQ(h.sketch_size, 0U);
  for (const auto& spot : h.hotspots) expect_measured_by_one_reach(ws.graph, spot);
}

TEST(Hotspots, EstimateWithSketchesLargerThanEveryReachIsExact) {
  const auto ws = load(fixtures_dir() / "acme");
  const auto exact = analyzer::rank_hotspots(ws.graph, 0);
  const auto estimated = analyzer::rank_hotspots(ws.graph, {0, 100000});
  EXPECT_EQ(estimated.sketch_size, 100000U);
  ASSERT_EQ(ranked_ids(estimated), ranked_ids(exact));
  for (std::size_t i = 0; i < exact.hotspots.size(); ++i) {
    EXPECT_EQ(estimated.hotspots[i].resources_reached, exact.hotspots[i].resources_reached);
    EXPECT_EQ(estimated.hotspots[i].nodes_reached, exact.hotspots[i].nodes_reached);
  }
}

TEST(Hotspots, SmallSketchesStayWithinTheirBoundAndSaySo) {
  const auto ws = load(fixtures_dir() / "acme");
  const auto exact = analyzer::rank_hotspots(ws.graph, 0);
  constexpr std::size_t k = 16;
  const auto estimated = analyzer::rank_hotspots(ws.graph, {0, k});
  const double bound = 6 * graph::sketch_relative_error(k);
  std::map<std::string, std::size_t> exact_nodes;
  for (const auto& spot : exact.hotspots) exact_nodes[spot.id] = spot.nodes_reached;
  for (const auto& spot : estimated.hotspots) {
    const double truth = static_cast<double>(exact_nodes.at(spot.id));
    EXPECT_LE(std::abs(static_cast<double>(spot.nodes_reached) - truth), bound * truth + 1)
        << spot.id;
  }
  std::ostringstream json_out;
  analyzer::write_hotspots_json(estimated, json_out);
  const auto doc = nlohmann::json::parse(json_out.str());
  EXPECT_EQ(doc["estimate"]["k"], k);
  EXPECT_EQ(doc["estimate"]["method"], "bottom-k");
  std::ostringstream text_out;
  analyzer::write_hotspots_text(estimated, text_out);
  EXPECT_NE(text_out.str().find("estimated from bottom-16 sketches"), std::string::npos);
}

// With sketches far smaller than the reach sets, the estimate alone orders near-equal
// resources arbitrarily; the recounted leaders are the exact leaders, with exact counts.
TEST(Hotspots, EstimateRecountsItsLeadersExactly) {
  const auto ws = load(fixtures_dir() / "acme");
  const auto exact = analyzer::rank_hotspots(ws.graph, 5);
  const auto estimated = analyzer::rank_hotspots(ws.graph, {5, 16});
  ASSERT_EQ(ranked_ids(estimated), ranked_ids(exact));
  for (std::size_t i = 0; i < exact.hotspots.size(); ++i) {
    EXPECT_FALSE(estimated.hotspots[i].estimated) << i;
    EXPECT_EQ(estimated.hotspots[i].services_reached, exact.hotspots[i].services_reached);
    EXPECT_EQ(estimated.hotspots[i].resources_reached, exact.hotspots[i].resources_reached);
    EXPECT_EQ(estimated.hotspots[i].nodes_reached, exact.hotspots[i].nodes_reached);
  }
  std::ostringstream json_out;
  analyzer::write_hotspots_json(estimated, json_out);
  const auto doc = nlohmann::json::parse(json_out.str());
  EXPECT_TRUE(estimated.leaders_recounted);
  EXPECT_EQ(doc["estimate"]["leaders_recounted"], true);
  EXPECT_EQ(doc["hotspots"][0]["estimated"], false);
  std::ostringstream exact_json;
  analyzer::write_hotspots_json(exact, exact_json);
  EXPECT_FALSE(nlohmann::json::parse(exact_json.str())["hotspots"][0].contains("estimated"));
}

// Ranking every resource makes every one a leader: too many to recount, so none is, and the
// output says so rather than ranking some recounted ones above near-equal estimated ones.
TEST(Hotspots, TooManyLeadersStayEstimatesAndSaySo) {
  const auto ws = load(fixtures_dir() / "acme");
  const auto estimated = analyzer::rank_hotspots(ws.graph, {0, 3});
  ASSERT_GT(estimated.hotspots.size(), 64U);
  EXPECT_FALSE(estimated.leaders_recounted);
  for (const auto& spot : estimated.hotspots) EXPECT_TRUE(spot.estimated) << spot.id;
  std::ostringstream text_out;
  analyzer::write_hotspots_text(estimated, text_out);
  EXPECT_NE(text_out.str().find("too many resources are near the last one shown"),
            std::string::npos);
  EXPECT_NE(text_out.str().find(", estimated)"), std::string::npos);
  std::ostringstream json_out;
  analyzer::write_hotspots_json(estimated, json_out);
  EXPECT_EQ(nlohmann::json::parse(json_out.str())["estimate"]["leaders_recounted"], false);
}

}  // namespace
}  // namespace blastgraph::testing
