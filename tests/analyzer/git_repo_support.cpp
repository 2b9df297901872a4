#include "git_repo_support.hpp"

#include "change/process.hpp"
#include "change_test_support.hpp"

namespace blastgraph::testing {

void GitRepoTest::SetUp() {
  git({"init", "-q", "-b", "main"});
}

std::string GitRepoTest::git(std::vector<std::string> args) {
  std::vector<std::string> argv{"git",
                                "-C",
                                m_tree.root().string(),
                                "-c",
                                "user.name=t",
                                "-c",
                                "user.email=t@t",
                                "-c",
                                "commit.gpgsign=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto run = analyzer::process::run(argv);
  EXPECT_TRUE(run.has_value());
  if (!run) return {};
  EXPECT_EQ(run->status, 0) << run->err;
  return run->out;
}

void GitRepoTest::commit(const std::string& message) {
  git({"add", "-A"});
  git({"commit", "-q", "-m", message});
}

void GitRepoTest::remove(const std::string& relative) {
  std::filesystem::remove(m_tree.root() / relative);
}

analyzer::ChangeFindings GitRepoTest::compare(const std::string& range) {
  m_ws = load(m_tree.root());
  auto result = analyzer::git_changes(m_ws, range);
  EXPECT_TRUE(result.has_value()) << (result ? "" : result.error().message);
  if (!result) return {};
  if (result->head) m_ws = std::move(*result->head);
  return std::move(result->findings);
}

analyzer::ScoreReport GitRepoTest::score(const analyzer::ScorePolicy& policy) {
  std::vector<analyzer::ChangeFindings> all;
  all.push_back(compare());
  return score_findings(m_ws, std::move(all), policy);
}

}  // namespace blastgraph::testing
