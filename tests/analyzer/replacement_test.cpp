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

TEST(Replacement, NetworkPathsWhateverTheResourceType) {
  const auto base = terraform_block(
      "resource \"aws_launch_template\" \"web\" {\n  image_id = \"a\"\n"
      "  vpc_security_group_ids = [\"sg-1\"]\n  network_interfaces {\n"
      "    associate_public_ip_address = false\n  }\n}\n");
  const auto head = terraform_block(
      "resource \"aws_launch_template\" \"web\" {\n  image_id = \"b\"\n"
      "  vpc_security_group_ids = [\"sg-2\"]\n  network_interfaces {\n"
      "    associate_public_ip_address = true\n  }\n}\n");
  EXPECT_EQ(analyzer::replacement::network_paths(base, head),
            (std::vector<std::string>{"network_interfaces.associate_public_ip_address",
                                      "vpc_security_group_ids"}));
}

// A launch template is compute, but its security groups decide who reaches every instance it
// starts: changing them is a network change, with the network floor.
class NetworkArguments : public GitRepoTest {
 protected:
  void SetUp() override {
    GitRepoTest::SetUp();
    m_tree.write("main.tf", launch_template("ami-1", "sg-web"));
    commit("base");
  }
  static std::string launch_template(const std::string& image, const std::string& group) {
    return "resource \"aws_launch_template\" \"web\" {\n  image_id = \"" + image +
           "\"\n  vpc_security_group_ids = [\"" + group + "\"]\n}\n";
  }
};

TEST_F(NetworkArguments, ALaunchTemplatesSecurityGroupsAreANetworkChange) {
  m_tree.write("main.tf", launch_template("ami-1", "sg-open"));
  auto report = score();
  ASSERT_EQ(report.changed.size(), 1U);
  EXPECT_EQ(report.changed[0].detail, "network arguments: vpc_security_group_ids");
  EXPECT_EQ(report.floor.reason, "network arguments changed");
  EXPECT_EQ(report.tier, analyzer::Tier::high);
  // A new image is a compute change: no network floor.
  m_tree.write("main.tf", launch_template("ami-2", "sg-web"));
  report = score();
  ASSERT_EQ(report.changed.size(), 1U);
  EXPECT_EQ(report.changed[0].detail, "");
  EXPECT_NE(report.floor.reason, "network arguments changed");
  EXPECT_LT(report.tier, analyzer::Tier::high);
}

}  // namespace
}  // namespace blastgraph::testing
