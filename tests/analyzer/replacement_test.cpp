// Arguments that force replacement, from the providers' schemas: a change to one is a replace.
#include <gtest/gtest.h>

#include "change/replacement.hpp"
#include "change_test_support.hpp"
#include "git_repo_support.hpp"

namespace blastgraph::testing {
namespace {

TEST(Replacement, TheTableComesFromTheProvidersSchemas) {
  using analyzer::replacement::forces_replacement;
  EXPECT_TRUE(forces_replacement("aws_iam_role", "name"));
  EXPECT_TRUE(forces_replacement("aws_subnet", "cidr_block"));
  EXPECT_TRUE(forces_replacement("aws_security_group", "vpc_id"));
  EXPECT_TRUE(forces_replacement("aws_instance", "ebs_block_device.volume_size"));  // nested
  EXPECT_TRUE(forces_replacement("google_storage_bucket", "name"));
  EXPECT_TRUE(forces_replacement("kubernetes_namespace", "metadata.name"));  // shared helper
  EXPECT_FALSE(forces_replacement("aws_iam_role", "max_session_duration"));
  EXPECT_FALSE(forces_replacement("aws_iam_role", "nam"));
  EXPECT_FALSE(forces_replacement("no_such_type", "name"));
}

TEST(Replacement, ChangedPathsOfArgumentsAndNestedBlocks) {
  const auto base = terraform_block(
      "resource \"aws_instance\" \"a\" {\n  ami = \"x\"\n  ebs_block_device {\n"
      "    device_name = \"/dev/a\"\n    volume_size = 8\n  }\n}\n");
  const auto head = terraform_block(
      "resource \"aws_instance\" \"a\" {\n  ami = \"y\"\n  ebs_block_device {\n"
      "    device_name = \"/dev/a\"\n    volume_size = 16\n  }\n  monitoring = true\n}\n");
  EXPECT_EQ(analyzer::replacement::changed_paths(base, head),
            (std::vector<std::string>{"ami", "ebs_block_device.volume_size", "monitoring"}));
}

class Replacements : public GitRepoTest {
 protected:
  void SetUp() override {
    GitRepoTest::SetUp();
    m_tree.write("main.tf", role("app", 3600));
    commit("base");
  }
  static std::string role(const std::string& name, int duration) {
    return "resource \"aws_iam_role\" \"app\" {\n  name = \"" + name +
           "\"\n  max_session_duration = " + std::to_string(duration) +
           "\n  assume_role_policy = jsonencode({ Version = \"2012-10-17\", Statement = [] })\n}\n";
  }
};

TEST_F(Replacements, ANameThatForcesReplacementIsAReplace) {
  m_tree.write("main.tf", role("app-v2", 3600));
  auto report = score();
  ASSERT_EQ(report.changed.size(), 1U);
  EXPECT_EQ(report.changed[0].action, analyzer::ChangeAction::replace);
  EXPECT_EQ(report.changed[0].detail, "replace: name forces replacement");
  m_tree.write("main.tf", role("app", 7200));
  report = score();
  ASSERT_EQ(report.changed.size(), 1U);
  EXPECT_EQ(report.changed[0].action, analyzer::ChangeAction::update);  // in place
}

}  // namespace
}  // namespace blastgraph::testing
