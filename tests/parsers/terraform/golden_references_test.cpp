// Golden tests for reference extraction: each fixtures/parsers/terraform/references/<case>/
// holds a main.tf and the expected.txt rendering of what parse_file finds in it.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "render.hpp"

namespace blastgraph::terraform {
namespace {

using testing::fixtures_dir;

std::filesystem::path cases_dir() {
  return fixtures_dir() / "references";
}

bool is_case_dir(const std::filesystem::path& path) {
  return std::filesystem::exists(path / "main.tf");
}

class GoldenReferences : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenReferences, MatchesExpected) {
  const std::filesystem::path dir = cases_dir() / GetParam();
  const std::string text = testing::read_text(dir / "main.tf");
  const std::string expected = testing::read_text(dir / "expected.txt");
  ASSERT_FALSE(expected.empty()) << "missing " << (dir / "expected.txt");
  const File file = parse_file("main.tf", text);
  EXPECT_EQ(testing::render_references(file), expected);
}

TEST(GoldenReferencesCorpus, HasEveryExpressionForm) {
  EXPECT_GE(testing::list_directory(cases_dir(), is_case_dir).size(), 25U);
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenReferences,
                         ::testing::ValuesIn(testing::list_directory(cases_dir(), is_case_dir)),
                         [](const ::testing::TestParamInfo<std::string>& case_info) {
                           return case_info.param;
                         });

}  // namespace
}  // namespace blastgraph::terraform
