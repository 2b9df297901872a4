// for_each and count: a new key is a create of that instance, a removed one a delete.
#include <gtest/gtest.h>

#include "change/instance_keys.hpp"
#include "change_test_support.hpp"
#include "git_repo_support.hpp"

namespace blastgraph::testing {
namespace {

std::string queue(const std::string& meta) {
  return "resource \"aws_sqs_queue\" \"q\" {\n  " + meta + "\n  name = each.key\n}\n";
}

TEST(InstanceKeys, LiteralKeysOfForEachAndCount) {
  using Keys = std::vector<std::string>;
  EXPECT_EQ(
      analyzer::instances::literal_keys(terraform_block(queue("for_each = { a = 1, b = 2 }"))),
      (Keys{"a", "b"}));
  EXPECT_EQ(
      analyzer::instances::literal_keys(terraform_block(queue("for_each = toset([\"x\", \"y\"])"))),
      (Keys{"x", "y"}));
  EXPECT_EQ(analyzer::instances::literal_keys(terraform_block(queue("count = 2"))),
            (Keys{"0", "1"}));
  EXPECT_FALSE(analyzer::instances::literal_keys(terraform_block(queue("for_each = var.queues"))));
  EXPECT_FALSE(
      analyzer::instances::literal_keys(terraform_block(queue("count = 99999999999999999999999"))));
}

TEST(InstanceKeys, OnlyAddedOrRemovedKeysAreInstanceChanges) {
  const auto base = terraform_block(queue("for_each = { a = 1, b = 2 }"));
  const auto added = analyzer::instances::instance_change(
      base, terraform_block(queue("for_each = { a = 1, b = 2, c = 3 }")));
  ASSERT_TRUE(added);
  EXPECT_EQ(added->added, std::vector<std::string>{"c"});
  EXPECT_TRUE(added->removed.empty());
  const auto removed =
      analyzer::instances::instance_change(base, terraform_block(queue("for_each = { a = 1 }")));
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->removed, std::vector<std::string>{"b"});
  // A kept instance's value changes, or another argument does: an update of the block.
  EXPECT_FALSE(analyzer::instances::instance_change(
      base, terraform_block(queue("for_each = { a = 5, b = 2, c = 3 }"))));
  EXPECT_FALSE(analyzer::instances::instance_change(
      base,
      terraform_block("resource \"aws_sqs_queue\" \"q\" {\n  for_each = { a = 1, b = 2, c = 3 }\n"
                      "  name = \"fixed\"\n}\n")));
}

class InstanceChanges : public GitRepoTest {
 protected:
  void SetUp() override {
    GitRepoTest::SetUp();
    m_tree.write("main.tf", queue("for_each = { a = 1, b = 2 }"));
    commit("base");
  }
};

TEST_F(InstanceChanges, ANewKeyIsACreateAndARemovedOneADelete) {
  m_tree.write("main.tf", queue("for_each = { a = 1, b = 2, c = 3 }"));
  auto report = score();
  ASSERT_EQ(report.changed.size(), 1U);
  EXPECT_EQ(report.changed[0].action, analyzer::ChangeAction::create);
  EXPECT_EQ(report.changed[0].detail, "instances created: [\"c\"]; the others are unchanged");
  m_tree.write("main.tf", queue("for_each = { a = 1 }"));
  report = score();
  ASSERT_EQ(report.changed.size(), 1U);
  EXPECT_EQ(report.changed[0].action, analyzer::ChangeAction::destroy);
  EXPECT_EQ(report.changed[0].detail, "instances destroyed: [\"b\"]; the others are unchanged");
}

}  // namespace
}  // namespace blastgraph::testing
