// The policy file through the real binary: --config, --change-source, exit codes 3 and 7.
#include <gtest/gtest.h>

#include <string>

#include "support/run_binary.hpp"
#include "support/temp_tree.hpp"

namespace blastgraph::testing {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

constexpr std::string_view k_queue = "resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n}\n";

TEST(GateCli, ABrokenPolicyFileExitsThreeAfterTheReport) {
  TempTree tree;
  tree.write("main.tf", k_queue);
  tree.write("policy.yaml", "version: v1\nscore:\n  weigths: {action: 20}\n");
  const auto root = tree.root().string();
  const auto r = run_binary("score " + root + " --changed '.:aws_sqs_queue.q' --config " + root +
                            "/policy.yaml");
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_TRUE(contains(r.out, root + "/policy.yaml:3:3: error: unknown key 'weigths' in score; "
                                     "did you mean 'weights'?"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "[config-unknown-key]")) << r.out;
  EXPECT_TRUE(contains(r.out, ".:aws_sqs_queue.q")) << r.out;  // the report is still rendered
}

TEST(GateCli, ThePolicyFileAtTheRootIsReadByEveryCommand) {
  TempTree tree;
  tree.write("main.tf", k_queue);
  tree.write(".blastgraph.yaml", "score:\n  thresholds: {medium: 60, high: 50}\n");
  const auto root = tree.root().string();
  for (const auto* command : {"scan ", "export "}) {
    const auto r = run_binary(command + root);
    EXPECT_EQ(r.code, 3) << command << r.out;
    EXPECT_TRUE(contains(r.out, ".blastgraph.yaml:2:15: error:")) << r.out;
    EXPECT_TRUE(contains(r.out, "[config-thresholds]")) << r.out;
  }
  // A good file exits 0; a missing --config file is an input error.
  tree.write(".blastgraph.yaml", "version: ok\n");
  EXPECT_EQ(run_binary("scan " + root).code, 0);
  const auto missing = run_binary("scan " + root + " --config " + root + "/nope.yaml");
  EXPECT_EQ(missing.code, 3);
  EXPECT_TRUE(contains(missing.out, "policy file")) << missing.out;
}

TEST(GateCli, ServiceRulesReachTheExport) {
  TempTree tree;
  tree.write("main.tf", k_queue);
  tree.write("p.yaml", "services:\n  - service: billing\n    paths: ['*.tf']\n");
  const auto root = tree.root().string();
  const auto r = run_binary("export " + root + " --config " + root + "/p.yaml");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "\"service\":\"billing\"")) << r.out;
}

TEST(GateCli, AnAiAgentChangingTheAcmeBoundaryIsDenied) {
  const auto acme = (fixtures_dir() / "acme").string();
  const std::string change = " --changed 'terraform/envs/prod:module.iam.aws_iam_policy.boundary'";
  const auto agent = run_binary("score " + acme + change + " --change-source ai-agent");
  EXPECT_EQ(agent.code, 7) << agent.out;
  EXPECT_TRUE(contains(agent.out, "blastgraph: deny: scope rule 'ai-agent-infrastructure-core'"))
      << agent.out;
  EXPECT_TRUE(contains(agent.out, "AI agents may not change IAM")) << agent.out;
  const auto human = run_binary("score " + acme + change);
  EXPECT_EQ(human.code, 0) << human.out;
  EXPECT_FALSE(contains(human.out, "deny")) << human.out;
}

TEST(GateCli, TheLowestExitCodeWins) {
  TempTree tree;
  tree.write("main.tf", k_queue);
  tree.write(".blastgraph.yaml",
             "scope:\n  - name: no-queues\n    types: [aws_sqs_queue]\n  - name: broken\n");
  const auto root = tree.root().string();
  const auto r = run_binary("score " + root + " --changed '.:aws_sqs_queue.q'");
  EXPECT_EQ(r.code, 3) << r.out;  // the broken rule (3) outranks the deny (7)
  EXPECT_TRUE(contains(r.out, "scope rule 'no-queues'")) << r.out;
}

}  // namespace
}  // namespace blastgraph::testing
