// `scan --save --repo` per repository and `--org DIR` through the real binary: the organization
// of fixtures/org, scored, explained and refused when it cannot be read.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/run_binary.hpp"
#include "support/temp_tree.hpp"

namespace blastgraph::testing {
namespace {

constexpr const char* k_boundary = ".:aws_iam_policy.boundary";

std::string repository(const std::string& name) {
  return (fixtures_dir() / "org" / name).string();
}

class OrgCli : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto* name :
         {"platform", "service-orders", "service-payments", "service-search", "gitops"}) {
      const auto saved = run_binary(
          "scan " + repository(name) + " --save " + dir() + "/" + name + ".bg --repo " + name,
          " 2>&1 >/dev/null");
      ASSERT_EQ(saved.code, 0) << saved.out;
    }
  }
  std::string dir() const { return m_tree.root().string(); }
  std::string score_boundary(const std::string& format) const {
    return "score " + repository("platform") + " --org " + dir() + " --changed '" + k_boundary +
           "' --format " + format;
  }

  TempTree m_tree;
};

TEST_F(OrgCli, TheBoundaryEditIsCriticalAndNamesEveryRepositoryReached) {
  const auto r = run_binary(score_boundary("json"), " 2>/dev/null");
  ASSERT_EQ(r.code, 0) << r.out;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["tier"], "CRITICAL");
  ASSERT_EQ(doc["repositories"].size(), 5U);
  EXPECT_EQ(doc["repositories"][0]["repository"], "platform");
  EXPECT_EQ(doc["repositories"][0]["under_review"], true);
  bool literal = false;
  for (const auto& hop : doc["repository_hops"]) {
    if (hop["source"] != "service-orders::.:aws_iam_role.orders") continue;
    literal = true;
    EXPECT_EQ(hop["match"], "arn");
    EXPECT_EQ(hop["source_file"], "service-orders::main.tf");
    EXPECT_EQ(hop["target_file"], "main.tf");
  }
  EXPECT_TRUE(literal) << doc["repository_hops"].dump(2);
}

TEST_F(OrgCli, TheTextReportShowsEachHopWithBothPlaces) {
  const auto r = run_binary(score_boundary("text"), " 2>/dev/null");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("repositories reached (5)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("written at service-orders::main.tf:8 (permissions_boundary), declared "
                       "at main.tf:15"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("service-search:search"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("needs between repositories: 10, 2 offered by none, 0 not statically "
                       "known (matched nothing)"),
            std::string::npos)
      << r.out;
}

TEST_F(OrgCli, HotspotsAndExportSeeTheWholeOrganization) {
  const auto hotspots = run_binary(
      "hotspots " + repository("platform") + " --org " + dir() + " --top 1 --format json",
      " 2>/dev/null");
  ASSERT_EQ(hotspots.code, 0) << hotspots.out;
  const auto top = nlohmann::json::parse(hotspots.out)["hotspots"][0];
  EXPECT_EQ(top["id"], k_boundary) << hotspots.out;
  const auto exported = run_binary(
      "export " + repository("platform") + " --org " + dir() + " --format json", " 2>/dev/null");
  ASSERT_EQ(exported.code, 0);
  EXPECT_NE(exported.out.find("\"gitops::k8s:orders/Deployment/orders\""), std::string::npos);
}

TEST_F(OrgCli, EveryGateOutputNamesTheRepositoriesReached) {
  const auto markdown = run_binary(score_boundary("markdown"), " 2>/dev/null");
  EXPECT_NE(markdown.out.find("beyond the 1 changed, in 5 repositories"), std::string::npos)
      << markdown.out;
  EXPECT_NE(markdown.out.find("| `service-orders::.:aws_iam_role.orders` | "
                              "`.:aws_iam_policy.boundary` | arn: "
                              "arn:aws:iam::111122223333:policy/acme-boundary | "
                              "`service-orders::main.tf:8` | `main.tf:15` |"),
            std::string::npos)
      << markdown.out;
  const auto governance = run_binary(score_boundary("governance"), " 2>/dev/null");
  EXPECT_NE(governance.out.find("repositories_reached:\n  - platform (1 services, 1 resources)\n"),
            std::string::npos)
      << governance.out;
  const auto sarif = nlohmann::json::parse(run_binary(score_boundary("sarif"), " 2>/dev/null").out);
  EXPECT_EQ(sarif["runs"][0]["properties"]["repositories"].size(), 5U);
}

TEST_F(OrgCli, ExplainFollowsAPathIntoAnotherRepository) {
  const auto r = run_binary("explain " + repository("platform") + " --org " + dir() + " --from '" +
                                k_boundary + "' --to 'gitops::k8s:orders/Deployment/orders'",
                            " 2>/dev/null");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("service-orders::.:aws_iam_role.orders"), std::string::npos) << r.out;
}

TEST_F(OrgCli, WithoutTheOrganizationTheEditStaysInItsRepository) {
  const auto r = run_binary(
      "score " + repository("platform") + " --changed '" + k_boundary + "' --format json",
      " 2>/dev/null");
  ASSERT_EQ(r.code, 0) << r.out;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_NE(doc["tier"], "CRITICAL");
  EXPECT_FALSE(doc.contains("repositories"));
}

TEST_F(OrgCli, AnUnreadableOrganizationIsAnInputError) {
  const auto missing = run_binary("score " + repository("platform") +
                                  " --org /nonexistent/org --changed '" + k_boundary + "'");
  EXPECT_EQ(missing.code, 3);
  EXPECT_NE(missing.out.find("blastgraph: error: --org: /nonexistent/org: not a directory"),
            std::string::npos)
      << missing.out;
  m_tree.write("broken.bg", "not a snapshot\n");
  const auto broken = run_binary(score_boundary("text"));
  EXPECT_EQ(broken.code, 3);
  EXPECT_NE(broken.out.find("broken.bg: not a blastgraph snapshot"), std::string::npos)
      << broken.out;
}

TEST_F(OrgCli, ARepositoryNameWithAColonIsAUsageError) {
  const auto r = run_binary("scan " + repository("platform") + " --repo 'a:b'");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--repo"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace blastgraph::testing
