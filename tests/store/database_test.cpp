// The schema, a repository's graph and interface stored and read back, and the reach the
// README's recursive query gives, against a real PostgreSQL server.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "analyzer_test_support.hpp"
#include "blastgraph/org/organization.hpp"
#include "blastgraph/store/database.hpp"
#include "org_test_support.hpp"
#include "postgres_support.hpp"

namespace blastgraph::testing {
namespace {

store::Database connect(const TestDatabase& test) {
  auto database = store::Database::connect(test.url());
  EXPECT_TRUE(database) << database.error().message;
  return std::move(*database);
}

// Publishes every repository of fixtures/org, in name order.
void publish_organization(store::Database& database) {
  std::int64_t time = 1'700'000'000;
  for (const auto& name : k_org_repositories) {
    const auto outcome =
        org::publish_repository(database, load_repository(name), {name, "c0ffee-" + name, time++});
    ASSERT_TRUE(outcome) << outcome.error().message;
    EXPECT_EQ(*outcome, store::PublishOutcome::published);
  }
}

TEST(Schema, MigrateCreatesItOnceAndRefusesANewerOne) {
  TestDatabase test;
  auto database = connect(test);
  EXPECT_EQ(*database.schema_version(), 0);
  EXPECT_EQ(*database.migrate(), 0);
  EXPECT_EQ(*database.schema_version(), store::k_schema_version);
  EXPECT_EQ(*database.migrate(), store::k_schema_version);  // nothing to do
  test.execute("UPDATE blastgraph_schema SET version = 99");
  const auto newer = database.migrate();
  ASSERT_FALSE(newer);
  EXPECT_NE(newer.error().message.find("newer than this blastgraph's"), std::string::npos);
  const auto load = database.load();
  ASSERT_FALSE(load);
  EXPECT_NE(load.error().message.find("version 99"), std::string::npos);
}

TEST(Schema, ADatabaseWithoutItSaysToMigrate) {
  TestDatabase test;
  auto database = connect(test);
  const auto load = database.load();
  ASSERT_FALSE(load);
  EXPECT_NE(load.error().message.find("run `blastgraph db migrate --db URL`"), std::string::npos);
}

TEST(Stored, EachRepositoryReadsBackAsItWasPublished) {
  TestDatabase test;
  auto database = connect(test);
  ASSERT_TRUE(database.migrate());
  publish_organization(database);
  auto loaded = database.load();
  ASSERT_TRUE(loaded) << loaded.error().message;
  ASSERT_EQ(loaded->size(), k_org_repositories.size());
  for (const auto& stored : *loaded) {
    const auto scanned = load_repository(stored.record.name);
    EXPECT_EQ(stored.record.commit, "c0ffee-" + stored.record.name);
    EXPECT_EQ(stored.interface, scanned.interface) << stored.record.name;
    EXPECT_EQ(edge_set(stored.graph), edge_set(scanned.graph)) << stored.record.name;
    ASSERT_EQ(stored.graph.node_count(), scanned.graph.node_count());
    for (std::size_t i = 0; i < scanned.graph.node_count(); ++i) {
      const auto& a = stored.graph.nodes()[i];
      const auto& b = scanned.graph.nodes()[i];
      EXPECT_EQ(
          std::tie(a.id, a.domain, a.type, a.role, a.service, a.application, a.span, a.criticality),
          std::tie(b.id, b.domain, b.type, b.role, b.service, b.application, b.span,
                   b.criticality));
    }
  }
}

TEST(Stored, TheOrganizationFromTheDatabaseJoinsAsFromSnapshots) {
  TestDatabase test;
  auto database = connect(test);
  ASSERT_TRUE(database.migrate());
  publish_organization(database);
  auto others = org::load_database(test.url());
  ASSERT_TRUE(others) << others.error().message;
  const auto from_database =
      org::join_repositories(load_repository("platform"), std::move(*others));
  const auto from_scans =
      org::join_repositories(load_repository("platform"), load_other_repositories("platform"));
  EXPECT_EQ(from_database.organization.links, from_scans.organization.links);
  EXPECT_EQ(edge_set(from_database.graph), edge_set(from_scans.graph));
}

TEST(Stored, TheLinksTableHoldsEveryLinkBetweenTwoRepositories) {
  TestDatabase test;
  auto database = connect(test);
  ASSERT_TRUE(database.migrate());
  publish_organization(database);
  // Each link is computed by whichever of its two repositories was published last.
  const auto stored = test.column(
      "SELECT source_repository || '::' || source_node || ' -> ' || target_repository || '::' "
      "|| target_node FROM links ORDER BY 1");
  std::set<std::string> expected;
  const auto joined =
      org::join_repositories(load_repository("platform"), load_other_repositories("platform"));
  for (const auto& link : joined.organization.links) {
    const auto name = [](const std::string& id, const std::string& repository) {
      return id.starts_with(repository + "::") ? id : repository + "::" + id;
    };
    expected.insert(name(link.source, link.source_repository) + " -> " +
                    name(link.target, link.target_repository));
  }
  EXPECT_EQ(std::set<std::string>(stored.begin(), stored.end()), expected);
}

// The repositories a publish of `name` reads: its counterparts, inside a transaction that is
// then rolled back.
std::set<std::string> counterparts_of(store::Database& database, const std::string& name) {
  std::set<std::string> names;
  const auto rolled_back = database.publish([&](store::Publication& publication) {
    auto others = publication.counterparts(name);
    EXPECT_TRUE(others) << others.error().message;
    if (others) {
      for (const auto& other : *others) names.insert(other.name);
    }
    return std::optional<Error>(Error{"rolled back"});
  });
  EXPECT_TRUE(rolled_back);
  return names;
}

TEST(Stored, APublishReadsOnlyTheRepositoriesItCanLinkWith) {
  TestDatabase test;
  auto database = connect(test);
  ASSERT_TRUE(database.migrate());
  publish_organization(database);
  // A repository that offers what nobody looks up and needs nothing.
  TempTree island;
  island.write("main.tf", R"(
resource "aws_sqs_queue" "jobs" {
  name = "island-jobs"
}
)");
  ASSERT_TRUE(org::publish_repository(database, load(island.root()), {"island", "c", 1}));
  const auto joined =
      org::join_repositories(load_repository("platform"), load_other_repositories("platform"));
  for (const auto& name : k_org_repositories) {
    const auto read = counterparts_of(database, name);
    EXPECT_FALSE(read.contains("island")) << name;
    EXPECT_FALSE(read.contains(name));
    // Every repository it links with, whichever side needs.
    for (const auto& link : joined.organization.links) {
      if (link.source_repository == name) {
        EXPECT_TRUE(read.contains(link.target_repository)) << link.source;
      }
      if (link.target_repository == name) {
        EXPECT_TRUE(read.contains(link.source_repository)) << link.source;
      }
    }
  }
  EXPECT_TRUE(counterparts_of(database, "island").empty());
  // The GitOps repository runs the services' roles, not the platform's: not read.
  EXPECT_EQ(counterparts_of(database, "platform"),
            (std::set<std::string>{"service-orders", "service-payments", "service-search"}));
}

std::string reach_query() {
  std::ifstream in(std::string(BLASTGRAPH_SOURCE_DIR) + "/store/sql/reach.sql");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(Stored, TheReadmesRecursiveQueryReachesWhatTheToolReaches) {
  TestDatabase test;
  auto database = connect(test);
  ASSERT_TRUE(database.migrate());
  publish_organization(database);
  const auto joined =
      org::join_repositories(load_repository("platform"), load_other_repositories("platform"));
  for (const std::string changed :
       {".:aws_iam_policy.boundary", ".:aws_vpc.main", ".:aws_iam_role.cluster"}) {
    std::set<std::string> tool;
    for (const auto& id : reached_ids(joined.graph, {changed})) {
      tool.insert(id.find("::") == std::string::npos || id.starts_with("ext:") ? "platform::" + id
                                                                               : id);
    }
    const auto query = "SELECT repository || '::' || node FROM (" + reach_query() + ") reach";
    std::string trimmed = query;
    trimmed.erase(trimmed.rfind(';'), 1);
    const auto sql = test.column(trimmed, {"platform", changed});
    EXPECT_EQ(std::set<std::string>(sql.begin(), sql.end()), tool) << changed;
    EXPECT_GT(tool.size(), 1U) << changed;
  }
}

}  // namespace
}  // namespace blastgraph::testing
