// Opt-in module changes: what a caller that keeps the module's defaults gets.
#include <gtest/gtest.h>

#include "blastgraph/parsers/terraform.hpp"
#include "change/defaults_eval.hpp"
#include "change/terraform_updates.hpp"
#include "change_test_support.hpp"
#include "git_repo_support.hpp"

namespace blastgraph::testing {
namespace {

using analyzer::opt_in::Defaults;
using analyzer::opt_in::evaluate;
using Kind = analyzer::opt_in::Worth::Kind;

const Defaults k_defaults{{"enabled", "false"},
                          {"on", "true"},
                          {"names", "[]"},
                          {"path", "null"},
                          {"operator", "\"StringLike\""},
                          {"chain", "var.enabled"},
                          {"required", std::nullopt}};

TEST(DefaultsEval, LiteralsVariablesAndFallbacks) {
  EXPECT_TRUE(evaluate("null", k_defaults).inert());
  EXPECT_TRUE(evaluate("var.path", k_defaults).inert());
  EXPECT_TRUE(evaluate("var.names", k_defaults).inert());
  EXPECT_TRUE(evaluate("var.chain", k_defaults).inert());  // a default naming another variable
  EXPECT_TRUE(evaluate("lookup(each.value, \"asn\", null)", k_defaults).inert());
  EXPECT_TRUE(evaluate("try(each.value.x, var.defaults.x, [])", k_defaults).inert());
  EXPECT_FALSE(evaluate("var.required", k_defaults).known());
  EXPECT_FALSE(evaluate("var.on", k_defaults).inert());
  EXPECT_FALSE(evaluate("[\"a\"]", k_defaults).inert());
  EXPECT_FALSE(evaluate("\"${var.path}-x\"", k_defaults).known());  // a template
  EXPECT_EQ(evaluate("var.operator", k_defaults).text, "StringLike");
}

TEST(DefaultsEval, ConditionsAndCounts) {
  EXPECT_TRUE(evaluate("var.enabled ? 1 : 0", k_defaults).inert());
  EXPECT_TRUE(evaluate("local.create && var.enabled ? 1 : 0", k_defaults).inert());
  EXPECT_FALSE(evaluate("local.create && var.on ? 1 : 0", k_defaults).known());
  EXPECT_TRUE(evaluate("!var.on", k_defaults).inert());
  // Ordering comparisons are not read: unknown, never a guess.
  EXPECT_FALSE(evaluate("length(var.names) > 0 ? 1 : 0", k_defaults).known());
  EXPECT_EQ(evaluate("var.enabled || var.on", k_defaults).text, "true");
  EXPECT_EQ(evaluate("var.operator == \"StringLike\"", k_defaults).text, "true");
  EXPECT_FALSE(evaluate("var.enabled +", k_defaults).known());  // unreadable: unknown
}

bool inert(const std::string& before, const std::string& after) {
  return analyzer::opt_in::inert_update(terraform_block(before), terraform_block(after),
                                        k_defaults);
}

TEST(OptIn, NewArgumentsAndBlocksThatAreNullOrEmptyByDefault) {
  const std::string role = "resource \"aws_iam_role\" \"r\" {\n  name = \"r\"\n}\n";
  EXPECT_TRUE(
      inert(role, "resource \"aws_iam_role\" \"r\" {\n  name = \"r\"\n  path = var.path\n}\n"));
  EXPECT_FALSE(
      inert(role, "resource \"aws_iam_role\" \"r\" {\n  name = \"r\"\n  path = \"/x/\"\n}\n"));
  EXPECT_TRUE(inert(role,
                    "resource \"aws_iam_role\" \"r\" {\n  name = \"r\"\n"
                    "  dynamic \"tag\" {\n    for_each = var.names\n    content {}\n  }\n}\n"));
  EXPECT_FALSE(inert(role, "resource \"aws_iam_role\" \"r\" {\n  name = \"r\"\n  tag {}\n}\n"));
}

TEST(OptIn, ALiteralBecomesAnInputThatDefaultsToIt) {
  const std::string before =
      "data \"x\" \"d\" {\n  statement {\n    test = \"StringLike\"\n  }\n}\n";
  EXPECT_TRUE(
      inert(before, "data \"x\" \"d\" {\n  statement {\n    test = var.operator\n  }\n}\n"));
  // One input replaced by another is a break for callers that set the first.
  EXPECT_FALSE(inert("resource \"x\" \"r\" {\n  name = var.path\n}\n",
                     "resource \"x\" \"r\" {\n  name = var.enabled\n}\n"));
}

TEST(OptIn, AConditionExtendedWithAToggleThatDefaultsToKeepingIt) {
  const std::string before =
      "resource \"aws_route\" \"r\" {\n  count = local.a && var.b ? 2 : 0\n}\n";
  EXPECT_TRUE(inert(
      before, "resource \"aws_route\" \"r\" {\n  count = local.a && var.b && var.on ? 2 : 0\n}\n"));
  EXPECT_FALSE(inert(
      before,
      "resource \"aws_route\" \"r\" {\n  count = local.a && var.b && var.enabled ? 2 : 0\n}\n"));
  EXPECT_TRUE(inert(
      before,
      "resource \"aws_route\" \"r\" {\n  count = local.a && var.b || var.enabled ? 2 : 0\n}\n"));
}

TEST(OptIn, NewResourcesAndInputs) {
  EXPECT_TRUE(analyzer::opt_in::inert_create(
      terraform_block("resource \"aws_iam_policy\" \"p\" {\n  count = var.enabled ? 1 : 0\n}\n"),
      k_defaults));
  EXPECT_FALSE(analyzer::opt_in::inert_create(
      terraform_block("resource \"aws_iam_policy\" \"p\" {\n  count = var.on ? 1 : 0\n}\n"),
      k_defaults));
  EXPECT_TRUE(analyzer::opt_in::inert_create(
      terraform_block("variable \"v\" {\n  default = 3\n}\n"), k_defaults));
  EXPECT_FALSE(analyzer::opt_in::inert_create(terraform_block("variable \"v\" {}\n"), k_defaults));
}

constexpr std::string_view k_role = R"(resource "aws_iam_role" "this" {
  name = "app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}
)";

class OptInModule : public GitRepoTest {
 protected:
  void SetUp() override {
    GitRepoTest::SetUp();
    m_tree.write("main.tf", k_role);
    m_tree.write("examples/complete/main.tf",
                 "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n\nmodule \"app\" {\n"
                 "  source = \"../../\"\n}\n");
    commit("base");
  }
};

TEST_F(OptInModule, AnOptInInputOfAPublishedModuleIsMediumNotHigh) {
  auto text = std::string(k_role);
  text.replace(text.find("  name = \"app\""), 0, "  path = var.role_path\n");
  m_tree.write("main.tf", text);
  m_tree.write("variables.tf",
               "variable \"role_path\" {\n  type    = string\n  default = null\n}\n");
  const auto report = score();
  ASSERT_EQ(report.changed.size(), 2U);
  EXPECT_EQ(report.changed[0].id, "examples/complete:module.app.aws_iam_role.this");
  EXPECT_EQ(report.changed[0].detail,
            "opt-in: nothing changes at the module's defaults; module code, scored as "
            "examples/complete calls it");
  EXPECT_EQ(report.tier, analyzer::Tier::medium);  // no IAM floor: callers opt in
  EXPECT_EQ(report.floor.reason.substr(0, 24), "published module changed");

  // The same argument with a value set is an IAM change for every caller.
  text.replace(text.find("var.role_path"), 13, "\"/apps/\"");
  m_tree.write("main.tf", text);
  EXPECT_EQ(score().tier, analyzer::Tier::high);
}

}  // namespace
}  // namespace blastgraph::testing
