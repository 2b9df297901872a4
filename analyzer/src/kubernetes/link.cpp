#include "kubernetes/link.hpp"

namespace blastgraph::analyzer::k8s_link {

void Linker::edge(const std::string& from, const std::string& to, graph::EdgeKind kind,
                  const kubernetes::Object& object, SourcePosition position,
                  const std::string& path) {
  m_builder.add_edge(from, to, kind, {object.span.file, position.line, path});
}

bool Linker::ensure_target(const std::string& id, const std::string& kind) {
  if (kind == "ServiceAccount") note_service_account(id);
  if (m_index.find(id) != nullptr) return true;
  if (!m_builder.has_node(id)) {
    graph::Node node;
    node.id = id;
    node.domain = graph::Domain::kubernetes;
    node.type = kind;
    node.role = graph::Role::external;
    node.criticality = classify_kind(kind);
    m_builder.add_node(std::move(node));
  }
  return false;
}

void Linker::ensure_external(const std::string& id, const std::string& type) {
  m_builder.add_external(id, type);
}

void Linker::report(const kubernetes::Object& object, SourcePosition position, Severity severity,
                    std::string code, std::string message) {
  m_diagnostics.push_back(
      {object.span.file, position, severity, std::move(code), std::move(message)});
}

void add_kubernetes_nodes(const ObjectIndex& index, graph::GraphBuilder& builder) {
  for (const auto& placed : index.objects()) {
    const auto& object = *placed.object;
    graph::Node node;
    node.id = placed.id;
    node.domain = graph::Domain::kubernetes;
    node.type = object.kind;
    node.role = graph::Role::resource;
    node.service = service_of(object);
    node.span = object.span;
    node.criticality = classify_kind(object.kind);
    builder.add_node(std::move(node));
  }
}

void add_kubernetes_edges(Linker& linker, const CloudIdentities& identities) {
  for (const auto& placed : linker.index().objects()) {
    if (placed.object->kind == "ServiceAccount") linker.note_service_account(placed.id);
  }
  add_reference_edges(linker);
  add_rbac_subject_edges(linker);
  add_selector_edges(linker);
  add_call_edges(linker);
  add_cluster_edges(linker);
  add_identity_edges(linker, identities);
}

}  // namespace blastgraph::analyzer::k8s_link
