#include "analyzer_test_support.hpp"

#include <gtest/gtest.h>

#include "blastgraph/graph/reach.hpp"

namespace blastgraph::testing {

namespace {

analyzer::Workspace load_or_fail(const std::filesystem::path& root,
                                 const analyzer::LoadOptions& options) {
  auto workspace = analyzer::load_workspace(root, options);
  if (!workspace) {
    ADD_FAILURE() << workspace.error().message;
    return {};
  }
  return std::move(workspace).value();
}

}  // namespace

analyzer::Workspace load(const std::filesystem::path& root) {
  return load_or_fail(root, {});
}

analyzer::Workspace load(const std::filesystem::path& root, const analyzer::Config& config) {
  return load_or_fail(root, analyzer::load_options(config));
}

std::string edge_kind(const graph::Graph& graph, const std::string& source,
                      const std::string& target) {
  const auto s = graph.find(source);
  const auto t = graph.find(target);
  if (s == graph::k_no_node || t == graph::k_no_node) return "";
  for (auto e : graph.dependencies(s)) {
    if (graph.edge(e).target == t) return std::string(graph::to_string(graph.edge(e).kind));
  }
  return "";
}

std::optional<graph::Evidence> edge_evidence(const graph::Graph& graph, const std::string& source,
                                             const std::string& target) {
  const auto s = graph.find(source);
  const auto t = graph.find(target);
  if (s == graph::k_no_node || t == graph::k_no_node) return std::nullopt;
  for (auto e : graph.dependencies(s)) {
    if (graph.edge(e).target == t) return graph.edge(e).evidence;
  }
  return std::nullopt;
}

std::set<std::string> edge_set(const graph::Graph& graph) {
  std::set<std::string> out;
  for (const auto& e : graph.edges()) {
    out.insert(graph.node(e.source).id + " -> " + graph.node(e.target).id + " [" +
               std::string(graph::to_string(e.kind)) + "]");
  }
  return out;
}

std::set<std::string> reached_ids(const graph::Graph& graph, const std::vector<std::string>& changed) {
  std::vector<graph::NodeIndex> sources;
  for (const auto& id : changed) {
    const auto index = graph.find(id);
    EXPECT_NE(index, graph::k_no_node) << "no node " << id;
    if (index != graph::k_no_node) sources.push_back(index);
  }
  const auto reach = graph::reach(graph, sources);
  std::set<std::string> out;
  for (auto index : reach.nodes) out.insert(graph.node(index).id);
  return out;
}

std::string portable(std::string text) {
  const auto prefix = fixtures_dir().generic_string();
  for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
    text.replace(at, prefix.size(), "<fixtures>");
  }
  return text;
}

std::vector<std::string> diagnostic_codes(const analyzer::Workspace& workspace) {
  std::vector<std::string> out;
  for (const auto& d : workspace.diagnostics) out.push_back(d.code);
  return out;
}

std::vector<Diagnostic> diagnostics_with_code(const analyzer::Workspace& workspace,
                                              std::string_view code) {
  std::vector<Diagnostic> out;
  for (const auto& d : workspace.diagnostics) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

}  // namespace blastgraph::testing
