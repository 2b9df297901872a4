#include "change/settings_changes.hpp"

#include <algorithm>

#include "terraform/module_tree.hpp"

namespace blastgraph::analyzer::settings {
namespace {

// "examples/a:module.vpc.module.sub.aws_x.y" -> "aws_x.y": the address in its own module.
std::string_view own_address(std::string_view id) {
  auto rest = id.substr(id.find(':') + 1);
  while (rest.starts_with("module.")) {
    const auto dot = rest.find('.', 7);
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
  }
  return rest;
}

// "aws_iam_role" -> "aws"; "data.google_x" is never asked (data sources are not resources).
std::string_view provider_of(std::string_view type) {
  return type.substr(0, type.find('_'));
}

bool reaches(const revisions::SettingsChange& change, const graph::Node& node) {
  if (!change.addresses.empty() ||
      (change.block != "terraform" && !change.block.starts_with("provider."))) {
    const auto address = own_address(node.id);
    return std::any_of(change.addresses.begin(), change.addresses.end(), [&](const std::string& a) {
      return address == a ||
             (address.size() > a.size() && address.starts_with(a) && address[a.size()] == '.');
    });
  }
  if (change.providers.empty()) return true;
  const auto provider = provider_of(node.type);
  return std::find(change.providers.begin(), change.providers.end(), provider) !=
         change.providers.end();
}

}  // namespace

ModuleResources::ModuleResources(const graph::Graph& graph) : m_graph(graph) {
  for (graph::NodeIndex i = 0; i < graph.node_count(); ++i) {
    const auto& node = graph.node(i);
    if (node.domain != graph::Domain::terraform || node.role != graph::Role::resource) continue;
    if (node.span.file.empty()) continue;
    m_by_dir[terraform_link::parent_dir(node.span.file)].push_back(i);
  }
}

const std::vector<graph::NodeIndex>& ModuleResources::declared_in(const std::string& dir) const {
  static const std::vector<graph::NodeIndex> k_none;
  const auto found = m_by_dir.find(dir);
  return found == m_by_dir.end() ? k_none : found->second;
}

SettingsFindings settings_changes(const ModuleResources& resources, const std::string& file,
                                  const std::vector<revisions::SettingsChange>& changed) {
  SettingsFindings out;
  std::vector<bool> matched(changed.size(), false);
  for (const auto index : resources.declared_in(terraform_link::parent_dir(file))) {
    const auto& node = resources.graph().node(index);
    std::string blocks;
    for (std::size_t i = 0; i < changed.size(); ++i) {
      if (!reaches(changed[i], node)) continue;
      matched[i] = true;
      blocks += (blocks.empty() ? "" : ", ") + changed[i].block;
    }
    if (blocks.empty()) continue;
    out.changes.push_back({node.id,
                           ChangeAction::update,
                           ChangeSource::git,
                           "Terraform settings changed: " + blocks + " (" + file + ")",
                           {},
                           true});
  }
  for (std::size_t i = 0; i < changed.size(); ++i) {
    if (!matched[i]) out.unmatched.push_back(changed[i].block);
  }
  return out;
}

}  // namespace blastgraph::analyzer::settings
