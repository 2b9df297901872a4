#include "change_test_support.hpp"

#include <gtest/gtest.h>

#include "blastgraph/core/file_io.hpp"
#include "support/temp_tree.hpp"

namespace blastgraph::testing {

terraform::Block terraform_block(const std::string& text) {
  auto file = terraform::parse_file("main.tf", text);
  EXPECT_EQ(file.blocks.size(), 1U);
  return file.blocks.empty() ? terraform::Block{} : file.blocks.front();
}

std::string fixture_text(const std::string& relative) {
  auto text = read_file(fixtures_dir() / relative);
  EXPECT_TRUE(text.has_value()) << "missing fixture " << relative;
  return text ? *text : std::string();
}

std::map<std::string, std::string> actions_by_id(const analyzer::ChangeFindings& findings) {
  std::map<std::string, std::string> out;
  for (const auto& change : findings.changes) {
    out[change.id] = std::string(analyzer::to_string(change.action));
  }
  return out;
}

analyzer::ScoreReport score_findings(analyzer::Workspace& workspace,
                                     std::vector<analyzer::ChangeFindings> findings,
                                     const analyzer::ScorePolicy& policy) {
  analyzer::extend_graph(workspace, findings);
  const auto changes = analyzer::merge_changes(workspace.graph, findings);
  return analyzer::score_change(workspace, changes, policy);
}

std::vector<std::string> unmapped_lines(const std::vector<analyzer::UnmappedChange>& unmapped) {
  std::vector<std::string> out;
  for (const auto& u : unmapped) {
    std::string line = u.subject.empty() ? u.file : u.subject;
    if (u.first_line > 0)
      line += ":" + std::to_string(u.first_line) + "-" + std::to_string(u.last_line);
    out.push_back(line + " " + std::string(to_string(u.kind)) + ": " + u.reason);
  }
  return out;
}

std::vector<std::string> diagnostic_lines(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) {
    out.push_back(std::to_string(d.position.line) + ":" + std::to_string(d.position.column) + " " +
                  std::string(to_string(d.severity)) + " [" + d.code + "]");
  }
  return out;
}

}  // namespace blastgraph::testing
