#include <algorithm>

#include <oneapi/tbb/parallel_invoke.h>

#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/core/memory.hpp"
#include "classify/support.hpp"
#include "config/node_rules.hpp"
#include "iam/load_iam.hpp"
#include "iam/risks.hpp"
#include "iam_terraform/link_iam.hpp"
#include "interface/image_needs.hpp"
#include "interface/needs.hpp"
#include "interface/offers.hpp"
#include "kubernetes/link.hpp"
#include "kubernetes/load_kubernetes.hpp"
#include "terraform/link.hpp"
#include "terraform/load_terraform.hpp"
#include "workspace/coverage.hpp"
#include "workspace/discover.hpp"

namespace blastgraph::analyzer {
namespace fs = std::filesystem;

namespace {

std::size_t count_code(const std::vector<Diagnostic>& diagnostics, std::string_view code) {
  return static_cast<std::size_t>(std::count_if(
      diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.code == code; }));
}

}  // namespace

Result<Workspace> load_workspace(const fs::path& root, const LoadOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return Error{"not a directory: " + root.string()};

  Workspace workspace;
  workspace.root = root;
  auto discovered = discover_files(root, options);
  workspace.diagnostics = std::move(discovered.diagnostics);

  auto terraform = terraform_link::load_terraform(root, discovered, options, workspace);
  auto kubernetes = k8s_link::load_kubernetes(root, discovered, options, workspace);
  auto policies =
      iam_link::load_iam(root, discovered, kubernetes->manifest_paths, options, workspace);

  // NOTE: every domain's nodes first, then every domain's edges: an edge needs both ends,
  // and links cross domains.
  graph::GraphBuilder builder;
  CloudIdentities identities;
  auto root_name = fs::weakly_canonical(root, ec).filename().string();
  workspace.repository = root_name.empty() ? "." : root_name;
  terraform_link::LinkContext tf_context{
      builder,    workspace.diagnostics, workspace.coverage, root_name.empty() ? "." : root_name,
      identities, workspace.policy_risks};
  terraform_link::add_terraform_nodes(terraform->forest, tf_context);
  k8s_link::add_kubernetes_nodes(*kubernetes->index, builder);
  iam_link::add_iam_nodes(*policies, builder);
  iam_link::add_file_risks(*policies, workspace.policy_risks);

  terraform_link::add_terraform_edges(terraform->forest, tf_context);
  iam_terraform::add_iam_terraform_edges(terraform->forest, *policies, tf_context);
  k8s_link::Linker k8s_linker(builder, workspace.diagnostics, *kubernetes->index);
  k8s_link::add_kubernetes_edges(k8s_linker, identities);
  config::apply_node_rules(builder, options.service_rules, options.criticality_rules);
  for (const auto& placed : kubernetes->index->objects()) {
    for (const auto& file : placed.object->shaped_by)
      workspace.shaped_by.emplace_back(file, placed.id);
  }
  std::sort(workspace.shaped_by.begin(), workspace.shaped_by.end());
  sort_diagnostics(workspace.diagnostics);
  count_unread_files(*terraform, *kubernetes, discovered, workspace);
  auto& offered = workspace.interface;
  offered.offers = interface::collect_offers(terraform->forest, options.root_accounts);
  offered.states = interface::collect_state_offers(terraform->forest);
  offered.needs = interface::collect_terraform_needs(terraform->forest, options.root_accounts);
  for (auto& need : interface::collect_image_needs(*kubernetes->index)) {
    offered.needs.push_back(std::move(need));
  }
  // NOTE: what was read is not needed once linked; freeing it first keeps it out of the
  // peak, which is the builder and the frozen graph side by side. The three are freed side
  // by side: a million resources' parse trees take over a second to free. Handing the freed
  // memory back keeps it from staying resident under the graph's arrays and whatever the
  // command computes next (a million resources: 1.2 GB resident afterwards instead of 2.7).
  tbb::parallel_invoke([&] { terraform.reset(); }, [&] { kubernetes.reset(); },
                       [&] { policies.reset(); });
  release_free_memory();
  workspace.graph = builder.build();
  for (auto& need : interface::collect_external_needs(workspace.graph)) {
    offered.needs.push_back(std::move(need));
  }
  std::sort(offered.offers.begin(), offered.offers.end());
  std::sort(offered.needs.begin(), offered.needs.end());
  offered.needs.erase(std::unique(offered.needs.begin(), offered.needs.end()), offered.needs.end());
  auto& risks = workspace.policy_risks;
  std::sort(risks.begin(), risks.end());
  risks.erase(std::unique(risks.begin(), risks.end()), risks.end());
  for (const auto& node : workspace.graph.nodes()) {
    if (is_unsupported_resource(node)) ++workspace.coverage.unsupported_types[node.type];
  }
  workspace.coverage.unresolved_references =
      count_code(workspace.diagnostics, "tf-unresolved-reference") +
      count_code(workspace.diagnostics, "k8s-unresolved-reference") +
      count_code(workspace.diagnostics, "k8s-dangling-call");
  return workspace;
}

}  // namespace blastgraph::analyzer
