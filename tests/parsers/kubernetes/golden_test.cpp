// Golden tests: each fixtures/parsers/kubernetes/<case>/ holds an input file, a `command`
// line naming what reads it (`yaml`, `manifests` or `kustomization`, then the input's file
// name), and expected.txt, the rendering of the result including diagnostics.
// BLASTGRAPH_UPDATE_GOLDEN=1 rewrites expected.txt; review the diff before keeping it.

#include <gtest/gtest.h>

#include <sstream>

#include "render.hpp"
#include "support/golden.hpp"

namespace blastgraph::kubernetes {
namespace {

using testing::fixtures_dir;
using testing::read_text;

std::string run_case(const std::filesystem::path& dir) {
  std::istringstream command(read_text(dir / "command"));
  std::string tool;
  std::string input;
  command >> tool >> input;
  const std::string text = read_text(dir / input);
  if (tool == "yaml") return testing::render_stream(yaml::load(input, text));
  if (tool == "manifests") return testing::render_manifests(parse_manifests(input, text));
  if (tool == "kustomization")
    return testing::render_kustomization(parse_kustomization(input, text));
  return "unknown command '" + tool + "'\n";
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, MatchesExpected) {
  const std::filesystem::path dir = fixtures_dir() / GetParam();
  blastgraph::testing::expect_golden(dir, "expected.txt", run_case(dir));
}

TEST(GoldenCorpus, CoversEveryFeature) {
  EXPECT_GE(testing::list_cases(fixtures_dir()).size(), 40U);
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, ::testing::ValuesIn(testing::list_cases(fixtures_dir())),
                         [](const ::testing::TestParamInfo<std::string>& case_info) {
                           return case_info.param;
                         });

}  // namespace
}  // namespace blastgraph::kubernetes
