// `blastgraph explain` and `blastgraph hotspots` through the real binary: exit codes, unknown
// ids, "not reached", JSON shape.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/run_binary.hpp"
#include "support/temp_tree.hpp"

namespace blastgraph::testing {
namespace {

std::string acme() {
  return (fixtures_dir() / "acme").string();
}

constexpr const char* k_boundary = "terraform/envs/prod:module.iam.aws_iam_policy.boundary";
constexpr const char* k_checkout = "k8s:kubernetes/shop:shop/Deployment/checkout";

std::string explain_args(const std::string& from, const std::string& to) {
  return "explain " + acme() + " --from '" + from + "' --to '" + to + "'";
}

TEST(ExplainCli, TextShowsEachHopWithItsKindAndEvidence) {
  const auto r = run_binary(explain_args(k_boundary, k_checkout), " 2>/dev/null");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("reached: a change to " + std::string(k_boundary)), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("-> service_account"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("-> permission_boundary"), std::string::npos) << r.out;
  // The dependent first: the Deployment's line comes before the boundary's.
  EXPECT_LT(r.out.find("  " + std::string(k_checkout)), r.out.find("  " + std::string(k_boundary)));
}

TEST(ExplainCli, JsonIsVersionedAndNamesTheRealPath) {
  const auto r =
      run_binary(explain_args(k_boundary, k_checkout) + " --format json", " 2>/dev/null");
  ASSERT_EQ(r.code, 0) << r.out;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["schema"], "blastgraph.explain/v1");
  EXPECT_EQ(doc["reached"], true);
  ASSERT_EQ(doc["paths"].size(), 1U);
  const auto& path = doc["paths"][0];
  EXPECT_EQ(path["nodes"].front()["id"], k_checkout);
  EXPECT_EQ(path["nodes"].back()["id"], k_boundary);
  EXPECT_EQ(path["hops"].size() + 1, path["nodes"].size());
  EXPECT_EQ(path["hops"].size(), doc["distance"]);
  for (const auto& hop : path["hops"]) {
    EXPECT_FALSE(hop["file"].get<std::string>().empty()) << hop;
    EXPECT_GT(hop["line"].get<int>(), 0) << hop;
  }
}

TEST(ExplainCli, NotReachedExitsZeroAndSaysSo) {
  // Direction matters: the boundary does not depend on the Deployment.
  const auto text = run_binary(explain_args(k_checkout, k_boundary), " 2>/dev/null");
  EXPECT_EQ(text.code, 0);
  EXPECT_NE(text.out.find("not reached"), std::string::npos) << text.out;
  const auto json =
      run_binary(explain_args(k_checkout, k_boundary) + " --format json", " 2>/dev/null");
  ASSERT_EQ(json.code, 0);
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc["reached"], false);
  EXPECT_TRUE(doc["paths"].empty());
}

TEST(ExplainCli, UnknownIdExitsThreeWithAClearError) {
  const auto r =
      run_binary(explain_args(k_boundary, "k8s:kubernetes/shop:shop/Deployment/nope"), " 2>&1 >/dev/null");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("blastgraph: error: no node k8s:kubernetes/shop:shop/Deployment/nope"), std::string::npos)
      << r.out;
  EXPECT_EQ(run_binary(explain_args("nope", k_checkout)).code, 3);
}

TEST(ExplainCli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_binary("explain " + acme() + " --to x").code, 2);  // --from is required
  EXPECT_EQ(run_binary(explain_args(k_boundary, k_checkout) + " --all-paths 0").code, 2);
  EXPECT_EQ(run_binary(explain_args(k_boundary, k_checkout) + " --format dot").code, 2);
  EXPECT_EQ(run_binary("hotspots " + acme() + " --top many").code, 2);
  EXPECT_EQ(run_binary("hotspots " + acme() + " --sketch-size 16").code, 2);  // needs --estimate
  EXPECT_EQ(run_binary("hotspots " + acme() + " --estimate --sketch-size 2").code, 2);
  EXPECT_EQ(run_binary("explain /nonexistent/blastgraph --from a --to b").code, 3);
}

TEST(ExplainCli, AllPathsListsSeveralWhenThereAreSeveral) {
  TempTree tree;
  tree.write("main.tf", R"(resource "aws_vpc" "main" {}
resource "aws_subnet" "a" { vpc_id = aws_vpc.main.id }
resource "aws_subnet" "b" { vpc_id = aws_vpc.main.id }
resource "aws_instance" "web" {
  subnet_id = aws_subnet.a.id
  vpc_security_group_ids = [aws_subnet.b.id]
}
)");
  const auto base = "explain " + tree.root().string() +
                    " --from .:aws_vpc.main --to .:aws_instance.web --format json";
  const auto one = nlohmann::json::parse(run_binary(base, " 2>/dev/null").out);
  EXPECT_EQ(one["paths"].size(), 1U);
  EXPECT_EQ(one["more_paths"], true);
  const auto all = nlohmann::json::parse(run_binary(base + " --all-paths 5", " 2>/dev/null").out);
  ASSERT_EQ(all["paths"].size(), 2U);
  EXPECT_EQ(all["more_paths"], false);
  EXPECT_EQ(all["paths"][0]["nodes"][1]["id"], ".:aws_subnet.a");
  EXPECT_EQ(all["paths"][1]["nodes"][1]["id"], ".:aws_subnet.b");
}

TEST(HotspotsCli, TopNInTextAndJson) {
  const auto json = run_binary("hotspots " + acme() + " --top 3 --format json", " 2>/dev/null");
  ASSERT_EQ(json.code, 0) << json.out;
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc["schema"], "blastgraph.hotspots/v1");
  ASSERT_EQ(doc["hotspots"].size(), 3U);
  EXPECT_GT(doc["resources_ranked"].get<int>(), 100);
  EXPECT_GE(doc["hotspots"][0]["services_reached"], doc["hotspots"][1]["services_reached"]);
  const auto text = run_binary("hotspots " + acme() + " --top 3", " 2>/dev/null");
  EXPECT_EQ(text.code, 0);
  EXPECT_NE(text.out.find(doc["hotspots"][0]["id"].get<std::string>()), std::string::npos);
  EXPECT_NE(text.out.find("hotspots: 3 of "), std::string::npos) << text.out;
}

}  // namespace
}  // namespace blastgraph::testing
