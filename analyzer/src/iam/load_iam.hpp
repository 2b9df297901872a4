#pragma once
// Standalone IAM policy documents (JSON files with a `Statement`, or the AWS CLI's shapes
// that nest them): one `iam:<path>` node per file.

#include <memory>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/graph/graph.hpp"
#include "blastgraph/parsers/iam.hpp"
#include "workspace/discover.hpp"

namespace blastgraph::analyzer::iam_link {

struct IamFile {
  iam::PolicyFile policy;
  std::uint32_t lines = 0;  // the node's span covers the whole file
};

struct IamInput {
  std::vector<IamFile> files;  // only files that hold policy documents
};

// Reads the .json documents that are not Kubernetes manifests (`kubernetes_files` lists the
// ones that are). Problems go to workspace.diagnostics, counts to workspace.coverage.
[[nodiscard]] std::unique_ptr<IamInput> load_iam(const std::filesystem::path& root,
                                                 const DiscoveredFiles& discovered,
                                                 const std::vector<std::string>& kubernetes_files,
                                                 const LoadOptions& options, Workspace& workspace);

// "iam:<path>".
[[nodiscard]] std::string policy_file_id(const std::string& path);

void add_iam_nodes(const IamInput& input, graph::GraphBuilder& builder);

}  // namespace blastgraph::analyzer::iam_link
