// `scan --save` and `--graph`: a snapshot gives what a scan gives, and one that no longer
// fits (other options, not a snapshot) is refused with exit code 3.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/run_binary.hpp"
#include "support/temp_tree.hpp"

namespace blastgraph::testing {
namespace {

constexpr const char* k_boundary = "terraform/envs/prod:module.iam.aws_iam_policy.boundary";
constexpr const char* k_checkout = "k8s:kubernetes/shop:shop/Deployment/checkout";

class SnapshotCli : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto saved =
        run_binary("scan " + acme() + " --save " + snapshot() + " --format json", " 2>/dev/null");
    ASSERT_EQ(saved.code, 0) << saved.out;
    ASSERT_EQ(nlohmann::json::parse(saved.out)["schema"], "blastgraph.scan/v1");
  }
  static std::string acme() { return (fixtures_dir() / "acme").string(); }
  std::string snapshot() const { return (m_tree.root() / "acme.snapshot").string(); }

  // Stdout and exit code with and without the snapshot must be equal.
  void expect_same(const std::string& command, const std::string& rest) const {
    const auto scanned = run_binary(command + " " + acme() + " " + rest, " 2>/dev/null");
    const auto loaded =
        run_binary(command + " " + acme() + " --graph " + snapshot() + " " + rest, " 2>/dev/null");
    EXPECT_EQ(loaded.code, scanned.code) << command;
    EXPECT_EQ(loaded.out, scanned.out) << command;
    EXPECT_FALSE(loaded.out.empty()) << command;
  }

  TempTree m_tree;
};

TEST_F(SnapshotCli, EveryCommandAnswersFromItAsFromAScan) {
  expect_same("score", "--changed '" + std::string(k_boundary) + "' --format json");
  expect_same("score", "--changed '" + std::string(k_boundary) + "'");
  expect_same("hotspots", "--top 5 --format json");
  expect_same("explain", "--from '" + std::string(k_boundary) + "' --to '" + k_checkout + "'");
  expect_same("export", "--format json");
}

TEST_F(SnapshotCli, OtherLoadOptionsAreRefused) {
  const auto r = run_binary("score " + acme() + " --graph " + snapshot() + " --namespace other " +
                                "--changed '" + k_boundary + "'",
                            " 2>&1 >/dev/null");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("blastgraph: error: " + snapshot() + ": written with other load options"),
            std::string::npos)
      << r.out;
}

TEST_F(SnapshotCli, AFileThatIsNotASnapshotIsRefused) {
  m_tree.write("not-a-snapshot", "hello\n");
  const auto r =
      run_binary("hotspots " + acme() + " --graph " + (m_tree.root() / "not-a-snapshot").string(),
                 " 2>&1 >/dev/null");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("not-a-snapshot: not a blastgraph snapshot"), std::string::npos) << r.out;
  const auto missing = run_binary("hotspots " + acme() + " --graph /nonexistent/snapshot");
  EXPECT_EQ(missing.code, 3);
}

TEST_F(SnapshotCli, GitComparesRevisionsItselfAndRefusesASnapshot) {
  const auto r = run_binary("score " + acme() + " --graph " + snapshot() + " --git HEAD~1",
                            " 2>&1 >/dev/null");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("drop --graph"), std::string::npos) << r.out;
}

TEST_F(SnapshotCli, AChangedTreeIsRefusedExceptAsTheBaseOfAScore) {
  TempTree tree;
  tree.write("main.tf",
             "resource \"aws_vpc\" \"v\" {}\nresource \"aws_subnet\" \"s\" {\n"
             "  vpc_id = aws_vpc.v.id\n}\n");
  const auto root = tree.root().string();
  const auto snapshot = (m_tree.root() / "small.snapshot").string();
  ASSERT_EQ(run_binary("scan " + root + " --save " + snapshot).code, 0);
  EXPECT_EQ(run_binary("hotspots " + root + " --graph " + snapshot).code, 0);
  tree.write("main.tf", "resource \"aws_vpc\" \"v\" {}\n");
  const auto stale = run_binary("hotspots " + root + " --graph " + snapshot, " 2>&1 >/dev/null");
  EXPECT_EQ(stale.code, 3);
  EXPECT_NE(stale.out.find("small.snapshot: stale: 1 file of " + root), std::string::npos)
      << stale.out;
  const auto scored =
      run_binary("score " + root + " --graph " + snapshot + " --changed '.:aws_vpc.v'", " 2>&1");
  EXPECT_EQ(scored.code, 0) << scored.out;
}

TEST_F(SnapshotCli, AnUnwritableSaveIsAnError) {
  const auto r = run_binary("scan " + acme() + " --save /nonexistent/dir/s", " 2>&1 >/dev/null");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("/nonexistent/dir/s: cannot be written"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace blastgraph::testing
