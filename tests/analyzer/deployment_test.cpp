// Examples and tests are not production; a published module is scored as one caller sees it.
#include <gtest/gtest.h>

#include <algorithm>

#include "change_test_support.hpp"
#include "git_repo_support.hpp"

namespace blastgraph::testing {
namespace {

constexpr std::string_view k_module = R"(resource "aws_iam_role" "this" {
  name = var.name
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_sqs_queue" "this" {
  name = var.name
}
)";

constexpr std::string_view k_variables = R"(variable "name" {
  type = string
}
)";

std::string example(const std::string& name) {
  return "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n\nmodule \"queue\" {\n  source = "
         "\"../../\"\n  name   = \"" +
         name + "\"\n}\n";
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

// A repository of one reusable module (its code at the top) and two examples that call it.
class PublishedModule : public GitRepoTest {
 protected:
  void SetUp() override {
    GitRepoTest::SetUp();
    m_tree.write("main.tf", k_module);
    m_tree.write("variables.tf", k_variables);
    m_tree.write("examples/complete/main.tf", example("complete"));
    m_tree.write("examples/simple/main.tf", example("simple"));
    commit("base");
  }
};

TEST_F(PublishedModule, ModuleCodeIsScoredOnceAsACallerSeesIt) {
  auto text = std::string(k_module);
  text.replace(text.find("ec2.amazonaws.com"), 17, "lambda.amazonaws.com");
  m_tree.write("main.tf", text);
  const auto report = score();
  ASSERT_EQ(report.changed.size(), 1U);  // not one per example
  EXPECT_EQ(report.changed[0].id, "examples/complete:module.queue.aws_iam_role.this");
  EXPECT_EQ(report.changed[0].detail,
            "module code, scored as examples/complete calls it (+1 instance in other callers)");
  EXPECT_EQ(report.tier, analyzer::Tier::high);  // an IAM change, as a caller gets it
  ASSERT_EQ(report.notes.size(), 1U);
  EXPECT_EQ(report.notes[0],
            "published module changed: scored as one caller sees it; 2 callers in this repository "
            "(examples, tests, wrappers); consumers outside it are not counted here");
}

TEST_F(PublishedModule, AnyModuleChangeIsAtLeastMedium) {
  m_tree.write("outputs.tf", "output \"queue_url\" {\n  value = aws_sqs_queue.this.url\n}\n");
  const auto report = score();
  EXPECT_EQ(report.tier, analyzer::Tier::medium);
  EXPECT_EQ(report.floor.reason.substr(0, 24), "published module changed");
}

TEST_F(PublishedModule, AnExampleIsListedButNotScored) {
  m_tree.write("examples/simple/main.tf",
               example("simple") +
                   "\nresource \"aws_iam_policy\" \"extra\" {\n  name = \"x\"\n"
                   "  policy = jsonencode({ Version = \"2012-10-17\", Statement = [] })\n}\n");
  const auto report = score();
  ASSERT_EQ(report.changed.size(), 1U);
  EXPECT_EQ(report.changed[0].id, "examples/simple:aws_iam_policy.extra");
  EXPECT_EQ(report.changed[0].detail, "not deployed: example or test");
  EXPECT_EQ(report.tier, analyzer::Tier::low);  // no IAM floor from an example
  EXPECT_GT(report.score, 0);                   // still a change
  EXPECT_TRUE(report.services.empty());
  EXPECT_TRUE(report.notes.empty());
}

TEST_F(PublishedModule, ANewExampleIsOneLinePerBlockOfItsOwn) {
  m_tree.write("examples/third/main.tf", example("third"));
  const auto report = score();
  ASSERT_EQ(report.changed.size(), 2U);
  EXPECT_EQ(report.changed[0].id, "examples/third:module.queue");
  EXPECT_EQ(report.changed[0].detail,
            "not deployed: example or test; with the 3 nodes of the module it calls");
  EXPECT_EQ(report.changed[1].id, "examples/third:provider.aws");
  EXPECT_EQ(report.tier, analyzer::Tier::low);
}

TEST_F(PublishedModule, ADeployedCallerIsScoredAsItIs) {
  m_tree.write("live/main.tf",
               "terraform {\n  backend \"s3\" {}\n}\n\nmodule \"queue\" {\n"
               "  source = \"../\"\n  name   = \"live\"\n}\n");
  commit("a deployed caller");
  auto text = std::string(k_module);
  text.replace(text.find("ec2.amazonaws.com"), 17, "lambda.amazonaws.com");
  m_tree.write("main.tf", text);
  const auto report = score();
  ASSERT_EQ(report.changed.size(), 1U);
  EXPECT_EQ(report.changed[0].id, "live:module.queue.aws_iam_role.this");
  EXPECT_EQ(report.changed[0].detail, "");
  EXPECT_TRUE(report.notes.empty());
  EXPECT_EQ(report.floor.reason, "IAM resource changed");
}

TEST_F(PublishedModule, ANewSubmoduleIsMediumForCallersOptIn) {
  m_tree.write("modules/extra/main.tf", k_module);
  m_tree.write("modules/extra/variables.tf", k_variables);
  m_tree.write("examples/extra/main.tf",
               replaced(example("extra"), "../../", "../../modules/extra"));
  const auto report = score();
  EXPECT_EQ(report.tier, analyzer::Tier::medium);  // its IAM role reaches no caller yet
  EXPECT_EQ(report.floor.reason.substr(0, 24), "published module changed");
  const auto role = std::find_if(report.changed.begin(), report.changed.end(), [](const auto& c) {
    return c.id == "examples/extra:module.queue.aws_iam_role.this";
  });
  ASSERT_NE(role, report.changed.end());
  EXPECT_EQ(role->detail, "new module code, scored as examples/extra calls it");
}

TEST_F(PublishedModule, AChangedInputDefaultIsHigh) {
  m_tree.write("variables.tf",
               "variable \"name\" {\n  type    = string\n  default = \"queue\"\n}\n");
  commit("a default");
  m_tree.write("variables.tf",
               "variable \"name\" {\n  type    = string\n  default = \"jobs\"\n}\n");
  const auto report = score();
  EXPECT_EQ(report.tier, analyzer::Tier::high);
  EXPECT_EQ(report.floor.reason,
            "a published module's input default changed: every caller that does not set it gets "
            "the new value");
  // Only its description: no effect at all.
  m_tree.write("variables.tf",
               "variable \"name\" {\n  description = \"Queue name\"\n"
               "  type    = string\n  default = \"queue\"\n}\n");
  EXPECT_EQ(score().tier, analyzer::Tier::low);
}

}  // namespace
}  // namespace blastgraph::testing
