#pragma once
// Risk factors of the policy documents a workspace holds, keyed by the node that holds them.

#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/parsers/iam.hpp"
#include "iam/load_iam.hpp"

namespace blastgraph::analyzer::iam_link {

// Appends the risks of every document of `document` to `out`, attributed to `node`.
void add_document_risks(const iam::PolicyDocument& document, const std::string& node,
                        const std::string& file, std::vector<PolicyRisk>& out);

// Risks of every standalone policy file.
void add_file_risks(const IamInput& input, std::vector<PolicyRisk>& out);

}  // namespace blastgraph::analyzer::iam_link
