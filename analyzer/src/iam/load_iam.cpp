#include "iam/load_iam.hpp"

#include <algorithm>

#include "workspace/parse_files.hpp"

namespace blastgraph::analyzer::iam_link {
namespace {

// A JSON file is a policy when it holds documents, or when it says `"Statement"` but could not
// be read as one (a broken policy is reported; a broken package.json is not ours to judge).
bool is_policy_file(const iam::PolicyFile& file, bool mentions_statement) {
  return !file.documents.empty() || !file.principals.empty() || mentions_statement;
}

std::string node_type(const iam::PolicyFile& file) {
  if (!file.principals.empty()) return "iam_account_snapshot";
  if (file.documents.empty()) return "iam_policy";
  return "iam_" + std::string(iam::to_string(file.documents.front().origin.kind)) + "_policy";
}

}  // namespace

std::string policy_file_id(const std::string& path) { return "iam:" + path; }

std::unique_ptr<IamInput> load_iam(const std::filesystem::path& root,
                                   const DiscoveredFiles& discovered,
                                   const std::vector<std::string>& kubernetes_files,
                                   const LoadOptions& options, Workspace& workspace) {
  std::vector<std::string> paths;
  for (const auto& path : discovered.documents) {
    if (!path.ends_with(".json")) continue;
    if (std::binary_search(kubernetes_files.begin(), kubernetes_files.end(), path)) continue;
    paths.push_back(path);
  }
  struct Parsed {
    iam::PolicyFile file;
    bool mentions_statement = false;
    std::uint32_t lines = 0;
  };
  auto parsed = parse_files<Parsed>(
      root, paths, options,
      [](const std::string& path, const std::string& text) {
        const auto lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
        return Parsed{iam::parse_policy(path, text), text.find("\"Statement\"") != std::string::npos,
                      std::max<std::uint32_t>(lines, 1)};
      },
      [](const std::string& path, const std::string& why) {
        Parsed p;
        p.file.path = path;
        p.file.diagnostics.push_back(unreadable_file(path, why));
        return p;
      });
  auto input = std::make_unique<IamInput>();
  for (auto& p : parsed) {
    if (!is_policy_file(p.file, p.mentions_statement)) continue;
    ++workspace.coverage.files_scanned;
    // Files with errors are counted after linking, from every diagnostic.
    if (p.file.documents.empty() && p.file.principals.empty()) {
      workspace.coverage.unread_files.push_back({p.file.path, ReadProblem::unparsed, {}, {}, {}});
    }
    workspace.diagnostics.insert(workspace.diagnostics.end(), p.file.diagnostics.begin(),
                                 p.file.diagnostics.end());
    input->files.push_back({std::move(p.file), p.lines});
  }
  return input;
}

void add_iam_nodes(const IamInput& input, graph::GraphBuilder& builder) {
  for (const auto& [file, lines] : input.files) {
    graph::Node node;
    node.id = policy_file_id(file.path);
    node.domain = graph::Domain::iam;
    node.type = node_type(file);
    node.role = graph::Role::resource;
    node.criticality = graph::Criticality::iam;
    for (const auto& doc : file.documents) {
      if (doc.origin.kind == iam::DocumentKind::scp) node.criticality = graph::Criticality::account;
    }
    node.span.file = file.path;
    node.span.first_line = 1;
    node.span.last_line = lines;
    builder.add_node(std::move(node));
  }
}

}  // namespace blastgraph::analyzer::iam_link
