#pragma once
// A policy document written in Terraform, whatever its form, with what the analyzer needs on
// top of the parsed document: which of its values name resources of the tree, and which
// statements hold values that could not be evaluated.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/parsers/iam.hpp"
#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::iam_terraform {

struct StatementFacts {
  // (pattern as it stands in the statement, node) for values that are a resource's ARN.
  std::vector<std::pair<std::string, std::string>> bound;
  bool guessed = false;  // some value of the statement is symbolic
};

struct TerraformPolicy {
  iam::PolicyDocument document;
  std::string file;
  std::map<SourcePosition, StatementFacts> facts;  // by the statement's position

  [[nodiscard]] const StatementFacts* facts_of(const iam::Statement& statement) const {
    auto it = facts.find(statement.position);
    return it == facts.end() ? nullptr : &it->second;
  }
};

// Turns an evaluated policy (the JSON shape, as jsonencode or aws_iam_policy_document give it)
// into a parsed document whose positions are those of the values in `file`: the JSON text is
// generated, parsed with the IAM parser, and every position mapped back. Problems are
// appended to `diagnostics` with positions in `file`.
[[nodiscard]] std::optional<TerraformPolicy> policy_from_value(
    const terraform_link::StaticValue& root, const std::string& file,
    std::vector<Diagnostic>& diagnostics);

// Appends statements of `overriding` to `base`: one with the Sid of a statement already in
// `base` replaces it, others are appended (the AWS provider's merge by Sid).
void merge_by_sid(TerraformPolicy& base, const TerraformPolicy& overriding);

}  // namespace blastgraph::analyzer::iam_terraform
