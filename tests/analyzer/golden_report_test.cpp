// Golden reports on the bundled example. The expected files under fixtures/golden/ are read
// and reviewed by people; set BLASTGRAPH_UPDATE_GOLDEN=1 to rewrite them after a deliberate
// change, then read the diff.
#include <gtest/gtest.h>

#include <sstream>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/report.hpp"
#include "support/golden.hpp"

namespace blastgraph::testing {
namespace {

std::filesystem::path golden_dir() {
  return fixtures_dir() / "golden";
}

class GoldenReport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { s_ws = new analyzer::Workspace(load(fixtures_dir() / "acme" / "terraform")); }
  static void TearDownTestSuite() { delete s_ws; }

  static std::string score_output(const std::string& id, const std::string& format,
                                  analyzer::ChangeAction action = analyzer::ChangeAction::update) {
    std::vector<std::string> ids{id};
    const auto report = analyzer::score_change(*s_ws, analyzer::select_changes(s_ws->graph, ids, action));
    std::ostringstream out;
    if (format == "json") {
      analyzer::write_score_json(report, *s_ws, out);
    } else {
      analyzer::write_score_text(report, out);
    }
    return portable(out.str());
  }

  static analyzer::Workspace* s_ws;
};

analyzer::Workspace* GoldenReport::s_ws = nullptr;

TEST_F(GoldenReport, ScanText) {
  std::ostringstream out;
  analyzer::write_scan_text(analyzer::summarize(*s_ws), *s_ws, out);
  expect_golden(golden_dir(), "scan.txt", portable(out.str()));
}

TEST_F(GoldenReport, ScanJson) {
  std::ostringstream out;
  analyzer::write_scan_json(analyzer::summarize(*s_ws), *s_ws, out);
  expect_golden(golden_dir(), "scan.json", portable(out.str()));
}

TEST_F(GoldenReport, ScoreBoundaryText) {
  expect_golden(golden_dir(), "score-boundary.txt",
                score_output("envs/prod:module.iam.aws_iam_policy.boundary", "text"));
}

TEST_F(GoldenReport, ScoreBoundaryJson) {
  expect_golden(golden_dir(), "score-boundary.json",
                score_output("envs/prod:module.iam.aws_iam_policy.boundary", "json"));
}

TEST_F(GoldenReport, ScorePaymentsQueueText) {
  expect_golden(golden_dir(), "score-payments-queue.txt",
                score_output("envs/prod:module.payments.aws_sqs_queue.this", "text"));
}

TEST_F(GoldenReport, ScoreLogGroupText) {
  expect_golden(golden_dir(), "score-log-group.txt",
                score_output("envs/prod:module.search.aws_cloudwatch_log_group.this", "text"));
}

}  // namespace
}  // namespace blastgraph::testing
