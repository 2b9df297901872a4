// Terraform roots are separate worlds (fixtures/two-roots): two environments declaring the
// same service account, roles and queue are linked inside each root, never to each other.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

class IamRoots : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_ws = new analyzer::Workspace(load(fixtures_dir() / "two-roots"));
  }
  static void TearDownTestSuite() {
    delete s_ws;
    s_ws = nullptr;
  }
  static const graph::Graph& graph() { return s_ws->graph; }

  static analyzer::Workspace* s_ws;
};

analyzer::Workspace* IamRoots::s_ws = nullptr;

const std::vector<std::pair<std::string, std::string>> k_pairs{{"envs/dev", "envs/prod"},
                                                               {"envs/prod", "envs/dev"}};

TEST_F(IamRoots, AServiceAccountByReferenceIsItsOwnRootsAccount) {
  for (const auto& [root, other] : k_pairs) {
    const auto app = root + ":google_service_account.app";
    EXPECT_EQ(edge_kind(graph(), app, root + ":google_storage_bucket.assets"), "acts_on") << root;
    EXPECT_EQ(edge_kind(graph(), app, root + ":google_storage_bucket_iam_member.app_reads_assets"),
              "policy_attachment")
        << root;
    const auto other_app = other + ":google_service_account.app";
    EXPECT_EQ(edge_kind(graph(), other_app, root + ":google_storage_bucket.assets"), "") << root;
    EXPECT_EQ(
        edge_kind(graph(), other_app, root + ":google_storage_bucket_iam_member.app_reads_assets"),
        "")
        << root;
  }
}

TEST_F(IamRoots, AnEmailWithAnUnknownProjectMatchesOnlyInItsRoot) {
  // `app@acme-dev.iam.gserviceaccount.com` may be dev's `app@*`; prod's is another project.
  for (const auto& [root, other] : k_pairs) {
    const auto grant = root + ":google_project_iam_member.app_writes_logs";
    EXPECT_EQ(edge_kind(graph(), root + ":google_service_account.app", grant), "policy_attachment")
        << root;
    EXPECT_EQ(edge_kind(graph(), other + ":google_service_account.app", grant), "") << root;
  }
}

TEST_F(IamRoots, RoleArnsWithAnUnknownAccountMatchOnlyInTheirRoot) {
  for (const auto& [root, other] : k_pairs) {
    // Same root: ci may assume the deployer (trust by a guessed ARN) and the auditor (trust of
    // an account), and send to its queue (policy by ARN pattern).
    EXPECT_EQ(edge_kind(graph(), root + ":aws_iam_role.ci", root + ":aws_iam_role.deployer"),
              "assume_role");
    EXPECT_EQ(edge_kind(graph(), root + ":aws_iam_role.ci", root + ":aws_iam_role.auditor"),
              "assume_role");
    EXPECT_EQ(edge_kind(graph(), root + ":aws_iam_role.ci", root + ":aws_sqs_queue.jobs"),
              "acts_on");
    // Another root's roles and queue of the same names are other accounts' for all the tree knows.
    EXPECT_EQ(edge_kind(graph(), other + ":aws_iam_role.ci", root + ":aws_iam_role.deployer"), "")
        << root;
    EXPECT_EQ(edge_kind(graph(), other + ":aws_iam_role.ci", root + ":aws_iam_role.auditor"), "")
        << root;
    EXPECT_EQ(edge_kind(graph(), other + ":aws_iam_role.ci", root + ":aws_sqs_queue.jobs"), "")
        << root;
  }
}

TEST_F(IamRoots, NoEdgeCrossesRoots) {
  for (const auto& edge : edge_set(graph())) {
    const bool dev = edge.find("envs/dev:") != std::string::npos;
    const bool prod = edge.find("envs/prod:") != std::string::npos;
    EXPECT_FALSE(dev && prod) << edge;
  }
}

}  // namespace
}  // namespace blastgraph::testing
