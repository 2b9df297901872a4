#include "iam/risks.hpp"

#include "blastgraph/parsers/iam/risk.hpp"

namespace blastgraph::analyzer::iam_link {

void add_document_risks(const iam::PolicyDocument& document, const std::string& node,
                        const std::string& file, std::vector<PolicyRisk>& out) {
  for (const auto& factor : iam::find_risk_factors(document)) {
    out.push_back({node, std::string(iam::to_string(factor.kind)), factor.message, file,
                   factor.position});
  }
}

void add_file_risks(const IamInput& input, std::vector<PolicyRisk>& out) {
  for (const auto& [policy, lines] : input.files) {
    for (const auto& document : policy.documents) {
      // A managed policy version that is not in force grants nothing.
      if (!document.origin.default_version) continue;
      add_document_risks(document, policy_file_id(policy.path), policy.path, out);
    }
  }
}

}  // namespace blastgraph::analyzer::iam_link
