#pragma once
// `file("${path.module}/policy.json")` and `templatefile(...)`: a block that reads a policy
// file from the repository depends on that file's node.

#include "terraform/link.hpp"

namespace blastgraph::analyzer::terraform_link {

// The repository-relative paths of the file()/templatefile() calls in `expression` whose
// path is static, as Terraform resolves them from `instance`.
[[nodiscard]] std::vector<std::string> referenced_files(const Instance& instance,
                                                        std::string_view expression);

// Adds block -> `iam:<path>` for every file()/templatefile() of a top-level attribute whose
// path is static and names a policy file node.
void link_file_references(const Instance& instance, const terraform::Block& block,
                          LinkContext& context);

}  // namespace blastgraph::analyzer::terraform_link
