#pragma once
// Helpers for change-source tests: findings -> scored reports, and ids with actions.

#include <map>
#include <string>
#include <vector>

#include "blastgraph/analyzer/change_sources.hpp"
#include "blastgraph/analyzer/score.hpp"
#include "blastgraph/parsers/terraform.hpp"

namespace blastgraph::testing {

// The one block of a Terraform text (fails the test when it holds another number).
terraform::Block terraform_block(const std::string& text);

// Reads a fixture file (fails the test when it is missing).
std::string fixture_text(const std::string& relative);

// "id" -> "action" for every found change (the last one wins for a repeated id).
std::map<std::string, std::string> actions_by_id(const analyzer::ChangeFindings& findings);

// Extends the workspace with the findings, merges them and scores the result.
analyzer::ScoreReport score_findings(analyzer::Workspace& workspace,
                                     std::vector<analyzer::ChangeFindings> findings,
                                     const analyzer::ScorePolicy& policy = {});

// Unmapped entry as "file[:first-last] kind: reason" (the subject instead of the file when set).
std::vector<std::string> unmapped_lines(const std::vector<analyzer::UnmappedChange>& unmapped);

// Diagnostic as "line:col severity [code]".
std::vector<std::string> diagnostic_lines(const std::vector<Diagnostic>& diagnostics);

}  // namespace blastgraph::testing
