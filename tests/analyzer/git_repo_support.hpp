#pragma once
// A real git repository in a temporary directory, for --git tests: write files, commit, and
// compare the working tree (or a range) as `score --git` does.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/change_sources.hpp"
#include "blastgraph/analyzer/score.hpp"

namespace blastgraph::testing {

class GitRepoTest : public ::testing::Test {
 protected:
  // Initializes the repository on branch main; derived fixtures write and commit a base.
  void SetUp() override;

  // Runs git in the repository; its standard output.
  std::string git(std::vector<std::string> args);
  void commit(const std::string& message);
  void remove(const std::string& relative);

  // The working tree (or a range) against `range`, as `score --git` runs it; m_ws becomes the
  // head workspace.
  analyzer::ChangeFindings compare(const std::string& range = "main");

  // compare() against main, extended, merged and scored as `score --git main` does.
  analyzer::ScoreReport score(const analyzer::ScorePolicy& policy = {});

  TempTree m_tree;
  analyzer::Workspace m_ws;
};

}  // namespace blastgraph::testing
