#pragma once
// The files that could not be fully read, counted once every diagnostic is in.

#include "blastgraph/analyzer/workspace.hpp"
#include "kubernetes/load_kubernetes.hpp"
#include "terraform/load_terraform.hpp"
#include "workspace/discover.hpp"

namespace blastgraph::analyzer {

// Completes workspace.coverage after linking. The loaders list the files they could not
// parse (coverage.unread_files, problem `unparsed`); every other input file with an error
// diagnostic from any stage (parsing, duplicate declarations, module expansion, IAM linking)
// is added as `errors`, one entry per file. Each entry gets what it could touch (UnreadFile),
// the list is sorted by file and files_unparsed / files_with_errors count it.
void count_unread_files(const terraform_link::TerraformInput& terraform,
                        const k8s_link::KubernetesInput& kubernetes,
                        const DiscoveredFiles& discovered, Workspace& workspace);

}  // namespace blastgraph::analyzer
