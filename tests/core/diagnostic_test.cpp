#include "blastgraph/core/diagnostic.hpp"

#include <gtest/gtest.h>

namespace blastgraph {
namespace {

TEST(Diagnostic, FormatsLikeACompiler) {
  Diagnostic d{"envs/prod/main.tf", {12, 5}, Severity::error, "hcl-syntax", "unexpected '}'"};
  EXPECT_EQ(format_diagnostic(d), "envs/prod/main.tf:12:5: error: unexpected '}' [hcl-syntax]");
}

TEST(Diagnostic, OmitsUnknownPositionAndNamesTheToolForRunLevelProblems) {
  Diagnostic file_level{"a.tf", {}, Severity::warning, "file-too-large", "skipped"};
  EXPECT_EQ(format_diagnostic(file_level), "a.tf: warning: skipped [file-too-large]");
  Diagnostic run_level{"", {}, Severity::note, "x", "y"};
  EXPECT_EQ(format_diagnostic(run_level), "blastgraph: note: y [x]");
}

TEST(Diagnostic, SortIsTotalAndDropsDuplicates) {
  std::vector<Diagnostic> ds{
      {"b.tf", {1, 1}, Severity::error, "c", "m"},
      {"a.tf", {9, 1}, Severity::error, "c", "m"},
      {"a.tf", {2, 3}, Severity::error, "c", "m"},
      {"a.tf", {9, 1}, Severity::error, "c", "m"},
  };
  sort_diagnostics(ds);
  ASSERT_EQ(ds.size(), 3U);
  EXPECT_EQ(ds[0].position.line, 2U);
  EXPECT_EQ(ds[1].file, "a.tf");
  EXPECT_EQ(ds[1].position.line, 9U);
  EXPECT_EQ(ds[2].file, "b.tf");
}

}  // namespace
}  // namespace blastgraph
