// The broken-file corpus: each fixtures/parsers/terraform/broken/<case>.tf has a
// <case>.expected listing the diagnostics parse_file reports and the blocks it still recovers.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "render.hpp"

namespace blastgraph::terraform {
namespace {

std::filesystem::path corpus_dir() {
  return testing::fixtures_dir() / "broken";
}

bool is_tf_file(const std::filesystem::path& path) {
  return path.extension() == ".tf";
}

std::string case_name(const std::string& file_name) {
  return std::filesystem::path(file_name).stem().string();
}

class BrokenCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(BrokenCorpus, ReportsDiagnosticsAndRecoversIntactBlocks) {
  const std::filesystem::path input = corpus_dir() / GetParam();
  const std::filesystem::path expected_path = corpus_dir() / (case_name(GetParam()) + ".expected");
  const std::string expected = testing::read_text(expected_path);
  ASSERT_FALSE(expected.empty()) << "missing " << expected_path;
  const File file = parse_file(GetParam(), testing::read_text(input));
  EXPECT_EQ(testing::render_recovery(file), expected);
}

TEST(BrokenCorpusFiles, CoverTheListedMistakes) {
  for (const char* name : {"unclosed_brace", "missing_equals", "stray_token", "unterminated_string",
                           "unterminated_heredoc", "missing_labels", "unknown_block",
                           "binary_garbage", "deep_nesting", "empty"}) {
    EXPECT_TRUE(std::filesystem::exists(corpus_dir() / (std::string(name) + ".tf"))) << name;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, BrokenCorpus,
                         ::testing::ValuesIn(testing::list_directory(corpus_dir(), is_tf_file)),
                         [](const ::testing::TestParamInfo<std::string>& case_info) {
                           return case_name(case_info.param);
                         });

}  // namespace
}  // namespace blastgraph::terraform
