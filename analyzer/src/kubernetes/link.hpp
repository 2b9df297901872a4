#pragma once
// Turns Kubernetes objects into graph nodes and edges (DESIGN.md "Edge kinds", Kubernetes).

#include <map>
#include <string_view>
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
  // `weak`: read from text that may not mean it (graph::Evidence::weak).
  void edge(const std::string& from, const std::string& to, graph::EdgeKind kind,
            const kubernetes::Object& object, SourcePosition position, const std::string& path,
            bool weak = false);

  // Adds `from -> to` with explicit evidence (for edges not written in a manifest).
  void raw_edge(const std::string& from, const std::string& to, graph::EdgeKind kind,
                graph::Evidence evidence) {
    m_builder.add_edge(from, to, kind, std::move(evidence));
  }

  struct Targets {
    std::vector<std::string> ids;
    bool declared = false;
  };
  // The nodes of the object `from` names (ObjectIndex::resolve), or one placeholder node
  // (role external) in `from`'s scope when no manifest declares it. None when the name or
  // namespace holds a placeholder and nothing in the scope is written the same way: an
  // unknown object, never a node that unrelated names would share.
  Targets targets(const PlacedObject& from, std::string_view kind, const std::string& ns,
                  const std::string& name);
  // Every declaration of the object, whatever its scope, or an unscoped placeholder: for
  // names written outside the manifests (a cloud identity bound to a ServiceAccount).
  Targets targets_anywhere(std::string_view kind, const std::string& ns, const std::string& name);

  // Adds an external-domain node (something outside the cluster) unless it exists.
  void ensure_external(const std::string& id, const std::string& type);

  // A reference whose target is unknown (Targets without ids): a k8s-symbolic-reference note.
  void report_unknown(const PlacedObject& from, const kubernetes::ObjectRef& ref);

  void report(const kubernetes::Object& object, SourcePosition position, Severity severity,
              std::string code, std::string message);

  // Every ServiceAccount node, declared or placeholder, with its namespace.
  [[nodiscard]] const std::map<std::string, std::string>& service_accounts() const {
    return m_service_accounts;
  }
  void note_service_account(const std::string& id, const std::string& ns) {
    m_service_accounts.emplace(id, ns);
  }

 private:
  graph::GraphBuilder& m_builder;
  std::vector<Diagnostic>& m_diagnostics;
  const ObjectIndex& m_index;
  Targets placeholder(std::string id, std::string_view kind, const std::string& ns);

  std::map<std::string, std::string> m_service_accounts;
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
