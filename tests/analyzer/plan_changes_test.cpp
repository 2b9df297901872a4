// Terraform plan JSON: actions, instance addresses, moves, configuration edges, bad input.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/change_sources.hpp"
#include "change/addresses.hpp"
#include "change_test_support.hpp"

namespace blastgraph::testing {
namespace {

namespace addresses = analyzer::addresses;

TEST(PlanAddresses, InstanceKeysAreDropped) {
  EXPECT_EQ(addresses::strip_instance_keys("aws_x.y[0]"), "aws_x.y");
  EXPECT_EQ(addresses::strip_instance_keys("module.m[1].aws_x.y[\"a.b]c\"]"), "module.m.aws_x.y");
  EXPECT_EQ(addresses::strip_instance_keys("module.m[\"k\\\"q\"].x.y"), "module.m.x.y");
  EXPECT_EQ(addresses::reference_subject("aws_x.y.arn"), "aws_x.y");
  EXPECT_EQ(addresses::reference_subject("module.net.vpc_id"), "module.net.output.vpc_id");
  EXPECT_EQ(addresses::reference_subject("module.net"), "module.net");
  EXPECT_EQ(addresses::reference_subject("data.aws_ami.u.id"), "data.aws_ami.u");
  EXPECT_EQ(addresses::reference_subject("var.v"), "var.v");
  EXPECT_FALSE(addresses::reference_subject("count.index").has_value());
  EXPECT_FALSE(addresses::reference_subject("each.value").has_value());
  EXPECT_FALSE(addresses::reference_subject("var").has_value());
}

class AcmePlan : public ::testing::Test {
 protected:
  void SetUp() override { m_ws = load(fixtures_dir() / "acme" / "terraform"); }
  analyzer::ChangeFindings plan(const std::string& name) {
    return analyzer::plan_changes(m_ws, fixture_text("plans/" + name), name, "envs/prod");
  }
  analyzer::Workspace m_ws;
};

TEST_F(AcmePlan, ActionsMapToTheBlocksOfTheirInstances) {
  const auto found = plan("acme-prod.json");
  EXPECT_TRUE(found.diagnostics.empty());
  EXPECT_EQ(actions_by_id(found), (std::map<std::string, std::string>{
                                      {"envs/prod:aws_acm_certificate.shop", "replace"},
                                      {"envs/prod:aws_instance.bastion", "delete"},
                                      {"envs/prod:aws_route53_record.shop_cert_validation", "create"},
                                      {"envs/prod:aws_security_group.alb", "update"},
                                      {"envs/prod:module.checkout.aws_sqs_queue.this", "update"},
                                      {"envs/prod:module.iam.aws_iam_policy.boundary", "update"},
                                      {"envs/prod:module.network.aws_subnet.private", "delete"},
                                      {"envs/prod:module.orders_db.aws_db_instance.this", "replace"},
                                  }));
  // no-op (the for_each attachment) and read (the zone) are not changes.
  for (const auto& change : found.changes) {
    EXPECT_EQ(change.source, analyzer::ChangeSource::plan);
    EXPECT_EQ(change.file, "acme-prod.json");
    if (change.id == "envs/prod:module.orders_db.aws_db_instance.this") {
      EXPECT_EQ(change.detail, "replace: replace_because_cannot_update");
    }
    if (change.id == "envs/prod:aws_security_group.alb") {
      EXPECT_EQ(change.detail, "moved from envs/prod:aws_security_group.lb");
    }
  }
}

TEST_F(AcmePlan, ScoredReportKeepsReasonsAndListsUnknownAddresses) {
  const auto report = score_findings(m_ws, {plan("acme-prod.json")});
  EXPECT_EQ(report.tier, analyzer::Tier::critical);  // a database replaced
  EXPECT_EQ(report.changed.size(), 7U);               // the bastion is not in the graph
  EXPECT_EQ(unmapped_lines(report.unmapped),
            std::vector<std::string>{"envs/prod:aws_instance.bastion unassessable: no node with this id"});
  ASSERT_EQ(report.unmapped.size(), 1U);
  EXPECT_EQ(report.unmapped[0].file, "acme-prod.json");
  const auto db = std::find_if(report.changed.begin(), report.changed.end(), [](const auto& c) {
    return c.id == "envs/prod:module.orders_db.aws_db_instance.this";
  });
  ASSERT_NE(db, report.changed.end());
  EXPECT_EQ(db->action, analyzer::ChangeAction::replace);
  EXPECT_EQ(db->file, "modules/database/main.tf");
  EXPECT_EQ(db->line, 52U);
}

TEST_F(AcmePlan, ConfigurationReferencesTheHclAlreadyHasAddNoEdge) {
  const auto found = plan("acme-prod.json");
  EXPECT_FALSE(found.extra_edges.empty());
  const auto edges = m_ws.graph.edge_count();
  std::vector<analyzer::ChangeFindings> all{found};
  EXPECT_EQ(analyzer::extend_graph(m_ws, all), 0U);
  EXPECT_EQ(m_ws.graph.edge_count(), edges);
}

TEST_F(AcmePlan, TruncatedPlanKeepsTheChangesBeforeTheBreak) {
  const auto found = plan("truncated.json");
  EXPECT_EQ(actions_by_id(found), (std::map<std::string, std::string>{
                                      {"envs/prod:module.iam.aws_iam_policy.boundary", "update"},
                                      {"envs/prod:module.orders_db.aws_db_instance.this", "replace"},
                                  }));
  ASSERT_EQ(found.diagnostics.size(), 2U);
  EXPECT_EQ(found.diagnostics[0].code, "plan-syntax");
  EXPECT_EQ(found.diagnostics[0].severity, Severity::error);
  EXPECT_EQ(found.diagnostics[0].position.line, 26U);  // the last line, where the text stops
  EXPECT_EQ(found.diagnostics[1].code, "plan-format");  // the cut-off entry has no address
}

TEST_F(AcmePlan, UnexpectedShapesAreReportedAndSkipped) {
  const auto found = plan("bad-shapes.json");
  EXPECT_EQ(actions_by_id(found), (std::map<std::string, std::string>{
                                      {"envs/prod:module.payments.aws_sqs_queue.dlq", "update"}}));
  std::vector<std::string> messages;
  for (const auto& d : found.diagnostics) messages.push_back(d.message);
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "format_version 2.0 is not 1.x; read as 1.x",
                          "resource_changes[0] has no address; skipped",
                          "resource_changes[2] (module.payments.aws_sqs_queue.this) has no "
                          "change.actions; skipped",
                          "resource_changes[4] has no address; skipped",
                          "module.checkout.aws_sqs_queue.this: unknown actions [frobnicate]; "
                          "skipped",
                      }));
}

TEST(PlanChanges, NotJsonIsOneDiagnostic) {
  TempTree tree;
  tree.write("main.tf", "resource \"aws_sqs_queue\" \"q\" {}\n");
  const auto ws = load(tree.root());
  const auto found = analyzer::plan_changes(ws, "{\n  \"format_version\": \"1.2\",\n  oops", "p.json", ".");
  EXPECT_TRUE(found.changes.empty());
  EXPECT_EQ(diagnostic_lines(found.diagnostics), std::vector<std::string>{"3:3 error [plan-syntax]"});
  const auto other = analyzer::plan_changes(ws, "{}", "p.json", "nowhere");
  EXPECT_EQ(diagnostic_lines(other.diagnostics),
            (std::vector<std::string>{"0:0 warning [plan-format]", "0:0 error [plan-root]"}));
}

TEST(PlanChanges, ConfigurationReferencesExtendTheGraphAndTheReach) {
  TempTree tree;
  // The HCL gives no edge between the queue and the topic; the plan's configuration does.
  tree.write("main.tf", "resource \"aws_sqs_queue\" \"q\" {}\nresource \"aws_sns_topic\" \"t\" {}\n");
  auto ws = load(tree.root());
  const std::string plan = R"({"format_version": "1.2",
    "resource_changes": [{"address": "aws_sqs_queue.q", "change": {"actions": ["update"]}}],
    "configuration": {"root_module": {"resources": [
      {"address": "aws_sns_topic.t", "expressions": {"policy": {"references":
        ["aws_sqs_queue.q.arn", "aws_sqs_queue.q", "count.index"]}}}]}}})";
  auto found = analyzer::plan_changes(ws, plan, "p.json", ".");
  ASSERT_EQ(found.extra_edges.size(), 2U);  // count.index is not a reference
  EXPECT_EQ(found.extra_edges[0].source, ".:aws_sns_topic.t");
  EXPECT_EQ(found.extra_edges[0].target, ".:aws_sqs_queue.q");
  EXPECT_EQ(found.extra_edges[0].evidence.attribute, "policy");
  const auto report = score_findings(ws, {std::move(found)});
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_sns_topic.t", ".:aws_sqs_queue.q"), "reference");
  EXPECT_EQ(report.resources_reached, 1U);
}

TEST(PlanChanges, DefaultRootIsTheOnlyOne) {
  TempTree one;
  one.write("main.tf", "resource \"aws_sqs_queue\" \"q\" {}\n");
  EXPECT_EQ(*analyzer::default_plan_root(load(one.root())), ".");
  const auto acme = load(fixtures_dir() / "acme" / "terraform");
  const auto root = analyzer::default_plan_root(acme);
  ASSERT_FALSE(root.has_value());
  EXPECT_NE(root.error().message.find("envs/prod, envs/staging"), std::string::npos);
}

}  // namespace
}  // namespace blastgraph::testing
