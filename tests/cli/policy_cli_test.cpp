// `blastgraph policy` through the real binary: exit codes (README.md "Exit codes"), formats,
// and diagnostics on stderr.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "support/run_binary.hpp"
#include "support/temp_tree.hpp"

namespace blastgraph::testing {
namespace {

std::string policy_case(const std::string& name) {
  return (fixtures_dir() / "golden" / "policy" / (name + ".json")).string();
}

TEST(PolicyCli, HelpAndUsageErrors) {
  const auto help = run_binary("policy --help");
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("--fail-on-risk"), std::string::npos) << help.out;
  EXPECT_EQ(run_binary("policy").code, 2);  // FILE is required
  EXPECT_EQ(run_binary("policy " + policy_case("admin") + " --format dot").code, 2);
}

TEST(PolicyCli, CleanPolicyExitsZeroEvenWithEveryGate) {
  const auto r =
      run_binary("policy " + policy_case("least_privilege") + " --strict --fail-on-risk");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("dynamodb  Read"), std::string::npos) << r.out;
}

TEST(PolicyCli, RiskFailsOnlyWhenAsked) {
  EXPECT_EQ(run_binary("policy " + policy_case("admin")).code, 0);
  const auto r = run_binary("policy " + policy_case("least_privilege") + " " +
                            policy_case("escalation") + " --fail-on-risk");
  EXPECT_EQ(r.code, 5);
  EXPECT_NE(r.out.find("privilege-escalation [PassAnyRole]"), std::string::npos) << r.out;
}

TEST(PolicyCli, DiagnosticsGoToStderrAndStrictExitsFour) {
  const auto broken = policy_case("broken");
  const auto stdout_only = run_binary("policy " + broken + " --format json", " 2>/dev/null");
  EXPECT_EQ(stdout_only.code, 0);
  const auto doc = nlohmann::json::parse(stdout_only.out);
  EXPECT_EQ(doc["schema"], "blastgraph.policy/v1");
  EXPECT_GE(doc["totals"]["errors"].get<int>(), 1);

  const auto stderr_only =
      run_binary("policy " + broken + " --format json --strict", " 2>&1 >/dev/null");
  EXPECT_EQ(stderr_only.code, 4);
  EXPECT_NE(stderr_only.out.find("broken.json:19:7: error:"), std::string::npos) << stderr_only.out;
  EXPECT_NE(stderr_only.out.find("[iam-json]"), std::string::npos) << stderr_only.out;
}

TEST(PolicyCli, AnUnreadableFileExitsThreeAfterReviewingTheOthers) {
  TempTree tree;
  const auto missing = (tree.root() / "missing.json").string();
  const auto r = run_binary(
      "policy " + missing + " " + policy_case("escalation") + " --fail-on-risk --format json",
      " 2>/dev/null");
  EXPECT_EQ(r.code, 3);  // an incomplete review outranks the risk it found
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["files"].size(), 2U);
  EXPECT_EQ(doc["files"][0]["readable"], false);
  EXPECT_EQ(doc["diagnostics"][0]["code"], "file-unreadable");
  EXPECT_EQ(doc["files"][1]["documents"][0]["risk_factors"][0]["kind"], "privilege-escalation");
  // JSON lists every expanded action, each with its service, name and access level.
  const auto& launch = doc["files"][1]["documents"][0]["allow"][1]["actions"];
  EXPECT_EQ(launch["count"], launch["expanded"].size());
  const nlohmann::json run_instances = {
      {"service", "ec2"}, {"name", "RunInstances"}, {"access_level", "Write"}};
  EXPECT_NE(std::find(launch["expanded"].begin(), launch["expanded"].end(), run_instances),
            launch["expanded"].end());
}

}  // namespace
}  // namespace blastgraph::testing
