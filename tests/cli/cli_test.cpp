// The real binary: exit codes (README.md "Exit codes"), help, formats, streams.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "support/run_binary.hpp"
#include "support/temp_tree.hpp"

namespace blastgraph::testing {
namespace {

std::string example() { return (fixtures_dir() / "acme" / "terraform").string(); }

TEST(Cli, HelpForEveryCommand) {
  for (const auto* command : {"", "scan", "score", "export", "explain", "hotspots"}) {
    const auto r = run_binary(std::string(command) + " --help");
    EXPECT_EQ(r.code, 0) << command;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << command;
  }
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_binary("").code, 2);
  EXPECT_EQ(run_binary("frobnicate").code, 2);
  EXPECT_EQ(run_binary("score " + example()).code, 2);  // --changed is required
  EXPECT_EQ(run_binary("scan " + example() + " --format yaml").code, 2);
  EXPECT_EQ(run_binary("score " + example() + " -c x --action explode").code, 2);
}

TEST(Cli, UnreadablePathOrUnmatchedChangeExitsThree) {
  const auto missing = run_binary("scan /nonexistent/blastgraph");
  EXPECT_EQ(missing.code, 3);
  EXPECT_NE(missing.out.find("not a directory"), std::string::npos);
  const auto unmatched = run_binary("score " + example() + " --changed 'envs/prod:nope.*'");
  EXPECT_EQ(unmatched.code, 3);
  EXPECT_NE(unmatched.out.find("selects no node"), std::string::npos);
}

TEST(Cli, ScoreJsonIsAVersionedReport) {
  const auto r = run_binary(
      "score " + example() +
      " --changed envs/prod:module.iam.aws_iam_policy.boundary --format json 2>/dev/null");
  ASSERT_EQ(r.code, 0) << r.out;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["schema"], "blastgraph.report/v2");
  EXPECT_EQ(doc["tier"], "CRITICAL");
  EXPECT_GE(doc["score"].get<int>(), 75);
  EXPECT_GE(doc["services"].size(), 10U);
}

TEST(Cli, StrictTurnsDiagnosticsIntoExitFour) {
  TempTree tree;
  tree.write("main.tf", "resource \"aws_sqs_queue\" \"q\" {\n  name = aws_x.missing.id\n}\n");
  const auto root = tree.root().string();
  EXPECT_EQ(run_binary("scan " + root).code, 0);
  const auto strict = run_binary("scan " + root + " --strict");
  EXPECT_EQ(strict.code, 4);
  EXPECT_NE(strict.out.find("main.tf:2:10: warning:"), std::string::npos) << strict.out;
}

TEST(Cli, ExportDotAndJsonToAFile) {
  TempTree tree;
  tree.write("main.tf", "resource \"aws_vpc\" \"v\" {}\nresource \"aws_subnet\" \"s\" { vpc_id = aws_vpc.v.id }\n");
  const auto root = tree.root().string();
  const auto dot = run_binary("export " + root + " --format dot");
  EXPECT_EQ(dot.code, 0);
  EXPECT_NE(dot.out.find("digraph"), std::string::npos);
  EXPECT_NE(dot.out.find(".:aws_subnet.s"), std::string::npos);

  const auto file = (tree.root() / "graph.json").string();
  ASSERT_EQ(run_binary("export " + root + " -o " + file).code, 0);
  auto text = std::string();
  {
    std::ifstream in(file);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto doc = nlohmann::json::parse(text);
  ASSERT_EQ(doc["edges"].size(), 1U);
  EXPECT_EQ(doc["edges"][0]["source"], ".:aws_subnet.s");
  EXPECT_EQ(doc["edges"][0]["target"], ".:aws_vpc.v");
  EXPECT_EQ(doc["edges"][0]["kind"], "reference");
}

TEST(Cli, ThreadCountDoesNotChangeTheOutput) {
  const auto args = "score " + example() + " -c 'envs/*:module.network.aws_vpc.this' --format json";
  const auto one = run_binary("--threads 1 " + args);
  const auto two = run_binary("--threads 2 " + args);
  EXPECT_EQ(one.code, 0);
  EXPECT_EQ(one.out, two.out);
}

}  // namespace
}  // namespace blastgraph::testing
