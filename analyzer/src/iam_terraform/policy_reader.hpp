#pragma once
// Reads the policy documents Terraform attributes hold, in every form: a heredoc or string
// (with interpolations evaluated), jsonencode() of an object, a data
// "aws_iam_policy_document" (with source_policy_documents / override_policy_documents merged
// by Sid), file() of a policy file in the tree, and variables/locals/module outputs that
// carry one of those. Each document is read once per holder node; its problems become
// diagnostics and its risk factors are attributed to its holder.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "iam/load_iam.hpp"
#include "iam_terraform/known_policy.hpp"
#include "iam_terraform/terraform_policy.hpp"
#include "terraform/instances.hpp"

namespace blastgraph::analyzer::iam_terraform {

class PolicyReader {
 public:
  PolicyReader(const iam_link::IamInput& files, terraform_link::ReferenceHook hook,
               std::vector<Diagnostic>& diagnostics, std::vector<PolicyRisk>& risks);

  // The documents attribute `name` of `block` in `instance` holds; empty when it has none
  // or it cannot be read. The result lives as long as the reader.
  std::vector<const TerraformPolicy*> read_attribute(const terraform_link::Instance& instance,
                                                     const terraform::Block& block,
                                                     const terraform::Value& value);

  // The document of a `data "aws_iam_policy_document"` block; nullptr when unreadable.
  const TerraformPolicy* read_document_data(const terraform_link::Instance& instance,
                                            const terraform::Block& block);

  // A reader of the same files with empty caches, reporting into `diagnostics` and `risks`:
  // one per task when documents are read in parallel, each then absorbed in task order.
  [[nodiscard]] PolicyReader fork(std::vector<Diagnostic>& diagnostics,
                                  std::vector<PolicyRisk>& risks) const;
  // Takes over what `other` (a fork) read and reported, as if this reader had read it next:
  // the documents this one has not read, and the diagnostics and risks `other` reported (its
  // notes only where this reader has noted nothing yet, keeping one note per place).
  void absorb(PolicyReader&& other);

 private:
  PolicyReader(const PolicyReader& base, std::vector<Diagnostic>& diagnostics,
               std::vector<PolicyRisk>& risks);
  std::vector<const TerraformPolicy*> read_expression(const terraform_link::Instance& instance,
                                                      const std::string& holder,
                                                      const terraform::Value& value,
                                                      const std::string& file, int depth);
  const TerraformPolicy* read_data(const terraform_link::Instance& instance,
                                   const terraform::Block& block, int depth);
  const TerraformPolicy* read_text(const std::string& holder, const terraform::Value& value,
                                   const std::string& file);
  const TerraformPolicy* read_evaluated(const terraform_link::Instance& instance,
                                        const std::string& holder, const terraform::Value& value,
                                        const std::string& file);
  const TerraformPolicy* keep(const std::string& key, std::optional<TerraformPolicy> policy,
                              const std::string& holder);
  void note_unknowns(const std::vector<UnknownPlace>& places, const std::string& file);

  std::map<std::string, std::vector<const iam::PolicyDocument*>> m_files;  // by path
  std::map<std::string, std::unique_ptr<TerraformPolicy>> m_file_policies;
  terraform_link::ReferenceHook m_hook;
  std::vector<Diagnostic>& m_diagnostics;
  std::vector<PolicyRisk>& m_risks;
  std::map<std::string, std::unique_ptr<TerraformPolicy>> m_read;  // by holder + attribute
  std::set<std::pair<std::string, SourcePosition>> m_noted;        // one note per place
};

}  // namespace blastgraph::analyzer::iam_terraform
