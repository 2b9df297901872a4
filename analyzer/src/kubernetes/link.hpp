#pragma once
// Turns Kubernetes objects into graph nodes and edges (DESIGN.md "Edge kinds", Kubernetes).

#include <set>
#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/graph/graph.hpp"
#include "identity/cloud_identities.hpp"
#include "kubernetes/objects.hpp"

namespace blastgraph::analyzer::k8s_link {

// Shared by the edge passes: the builder, where problems go, and the objects.
class Linker {
 public:
  Linker(graph::GraphBuilder& builder, std::vector<Diagnostic>& diagnostics,
         const ObjectIndex& index)
      : m_builder(builder), m_diagnostics(diagnostics), m_index(index) {}

  [[nodiscard]] const ObjectIndex& index() const { return m_index; }

  // Adds `from -> to` (from depends on to). Evidence: the object's file, `position`, `path`.
  void edge(const std::string& from, const std::string& to, graph::EdgeKind kind,
            const kubernetes::Object& object, SourcePosition position, const std::string& path);

  // Adds `from -> to` with explicit evidence (for edges not written in a manifest).
  void raw_edge(const std::string& from, const std::string& to, graph::EdgeKind kind,
                graph::Evidence evidence) {
    m_builder.add_edge(from, to, kind, std::move(evidence));
  }

  // The id of the object named, adding a placeholder node (role external) when the manifests
  // do not declare it. Returns whether it was declared.
  bool ensure_target(const std::string& id, const std::string& kind);

  // Adds an external-domain node (something outside the cluster) unless it exists.
  void ensure_external(const std::string& id, const std::string& type);

  void report(const kubernetes::Object& object, SourcePosition position, Severity severity,
              std::string code, std::string message);

  // Every ServiceAccount node, declared or placeholder.
  [[nodiscard]] const std::set<std::string>& service_accounts() const { return m_service_accounts; }
  void note_service_account(const std::string& id) { m_service_accounts.insert(id); }

 private:
  graph::GraphBuilder& m_builder;
  std::vector<Diagnostic>& m_diagnostics;
  const ObjectIndex& m_index;
  std::set<std::string> m_service_accounts;
};

void add_kubernetes_nodes(const ObjectIndex& index, graph::GraphBuilder& builder);

// Precondition: add_kubernetes_nodes (and every other domain's nodes) ran; `identities` holds
// the cloud identities the other domains declared.
void add_kubernetes_edges(Linker& linker, const CloudIdentities& identities);

// The passes add_kubernetes_edges runs, in order.
void add_reference_edges(Linker& linker);     // names: config, secrets, accounts, storage, ...
void add_rbac_subject_edges(Linker& linker);  // after the accounts exist
void add_selector_edges(Linker& linker);      // Service, PDB, NetworkPolicy selectors
void add_call_edges(Linker& linker);          // service-to-service calls from addresses
void add_cluster_edges(Linker& linker);       // namespaces, admission webhooks
void add_identity_edges(Linker& linker, const CloudIdentities& identities);  // runs-as roles

}  // namespace blastgraph::analyzer::k8s_link
