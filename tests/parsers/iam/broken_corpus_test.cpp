// The broken-document corpus: each fixtures/parsers/iam/broken/<case>.json has a
// <case>.expected listing the diagnostics parse_policy reports and the statements it keeps.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "render.hpp"

namespace blastgraph::iam {
namespace {

std::filesystem::path corpus_dir() { return testing::fixtures_dir() / "broken"; }

std::string case_name(const std::string& file_name) {
  return std::filesystem::path(file_name).stem().string();
}

class BrokenCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(BrokenCorpus, ReportsDiagnosticsAndKeepsTheGoodStatements) {
  const std::filesystem::path expected_path = corpus_dir() / (case_name(GetParam()) + ".expected");
  const std::string expected = testing::read_text(expected_path);
  ASSERT_FALSE(expected.empty()) << "missing " << expected_path;
  const PolicyFile file = parse_policy(GetParam(), testing::read_text(corpus_dir() / GetParam()));
  EXPECT_EQ(testing::render_summary(file), expected);
}

TEST(BrokenCorpusFiles, CoverTheListedMistakes) {
  for (const char* name :
       {"bad_json", "missing_effect", "bad_effect", "unknown_element", "action_and_notaction",
        "unknown_action", "empty", "truncated", "deep_nesting", "bad_values", "binary_garbage"}) {
    EXPECT_TRUE(std::filesystem::exists(corpus_dir() / (std::string(name) + ".json"))) << name;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, BrokenCorpus,
                         ::testing::ValuesIn(testing::list_files(corpus_dir(), ".json")),
                         [](const ::testing::TestParamInfo<std::string>& case_info) {
                           return case_name(case_info.param);
                         });

}  // namespace
}  // namespace blastgraph::iam
