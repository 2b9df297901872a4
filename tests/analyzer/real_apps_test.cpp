// Golden reports on trees written the way public applications are (fixtures/real-apps): the
// services and the score a reviewer reading them would expect. The expected files under
// fixtures/golden/real-apps/ are read and reviewed by people; BLASTGRAPH_UPDATE_GOLDEN=1
// rewrites them.
#include <gtest/gtest.h>

#include <sstream>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/report.hpp"
#include "support/golden.hpp"

namespace blastgraph::testing {
namespace {

std::filesystem::path golden_dir() {
  return fixtures_dir() / "golden" / "real-apps";
}

// The tree loaded as the CLI does, with its own policy file when it has one.
struct LoadedTree {
  analyzer::Config config;
  analyzer::Workspace workspace;
};

LoadedTree load_tree(const std::string& name) {
  const auto root = fixtures_dir() / "real-apps" / name;
  auto loaded = analyzer::find_config(root);
  EXPECT_TRUE(loaded.has_value());
  EXPECT_TRUE(loaded->diagnostics.empty());
  auto config = loaded ? loaded->config : analyzer::Config{};
  auto workspace = load(root, config);
  return {std::move(config), std::move(workspace)};
}

std::string score_text(const LoadedTree& tree, const std::string& id) {
  std::vector<std::string> ids{id};
  const auto changes =
      analyzer::select_changes(tree.workspace.graph, ids, analyzer::ChangeAction::update);
  EXPECT_TRUE(changes.unmatched_patterns.empty()) << id;
  const auto report = analyzer::score_change(tree.workspace, changes, tree.config.score);
  std::ostringstream out;
  analyzer::write_score_text(report, out);
  return portable(out.str());
}

TEST(RealApps, StoreScan) {
  const auto tree = load_tree("store");
  std::ostringstream out;
  analyzer::write_scan_text(analyzer::summarize(tree.workspace), tree.workspace, out);
  expect_golden(golden_dir(), "store-scan.txt", portable(out.str()));
}

// The cache: the cart calls it by a bare REDIS_HOST, the frontend calls the cart.
TEST(RealApps, StoreRedisChange) {
  expect_golden(golden_dir(), "store-redis.txt",
                score_text(load_tree("store"), "k8s:store/Deployment/redis"));
}

// The brokers: checkout and the email API list the StatefulSet's pods.
TEST(RealApps, StoreKafkaChange) {
  expect_golden(golden_dir(), "store-kafka.txt",
                score_text(load_tree("store"), "k8s:store/StatefulSet/kafka"));
}

// The database: the catalog reaches it from its init container and its Secret.
TEST(RealApps, StorePostgresChange) {
  expect_golden(golden_dir(), "store-postgres.txt",
                score_text(load_tree("store"), "k8s:store/Service/postgres"));
}

// The VPC inside the installed registry module reaches the root's database.
TEST(RealApps, NetworkVpcChange) {
  expect_golden(golden_dir(), "network-vpc.txt",
                score_text(load_tree("network"), ".:module.vpc.aws_vpc.this"));
}

TEST(RealApps, NetworkScan) {
  const auto tree = load_tree("network");
  std::ostringstream out;
  analyzer::write_scan_text(analyzer::summarize(tree.workspace), tree.workspace, out);
  expect_golden(golden_dir(), "network-scan.txt", portable(out.str()));
}

}  // namespace
}  // namespace blastgraph::testing
