#include "kubernetes/link.hpp"

namespace blastgraph::analyzer::k8s_link {

void Linker::edge(const std::string& from, const std::string& to, graph::EdgeKind kind,
                  const kubernetes::Object& object, SourcePosition position,
                  const std::string& path, bool weak) {
  m_builder.add_edge(from, to, kind, {object.span.file, position.line, path, weak});
}

namespace {

Linker::Targets declared(const std::vector<const PlacedObject*>& found) {
  Linker::Targets out{{}, true};
  for (const auto* placed : found) out.ids.push_back(placed->id);
  return out;
}

}  // namespace

Linker::Targets Linker::targets(const PlacedObject& from, std::string_view kind,
                                const std::string& ns, const std::string& name) {
  const auto found = m_index.resolve(from, kind, ns, name);
  if (found.empty() && (kubernetes::is_placeholder(name) || kubernetes::is_placeholder(ns))) {
    return {};
  }
  if (found.empty()) return placeholder(m_index.placeholder_id(from, kind, ns, name), kind, ns);
  return declared(found);
}

Linker::Targets Linker::targets_anywhere(std::string_view kind, const std::string& ns,
                                         const std::string& name) {
  const auto found = m_index.everywhere(kind, ns, name);
  if (found.empty()) return placeholder(object_id(kind, ns, name), kind, ns);
  return declared(found);
}

Linker::Targets Linker::placeholder(std::string id, std::string_view kind, const std::string& ns) {
  if (kind == "ServiceAccount") note_service_account(id, ns);
  if (!m_builder.has_node(id)) {
    graph::Node node;
    node.id = id;
    node.domain = graph::Domain::kubernetes;
    node.type = std::string(kind);
    node.role = graph::Role::external;
    node.criticality = classify_kind(kind);
    m_builder.add_node(std::move(node));
  }
  return {{std::move(id)}, false};
}

void Linker::ensure_external(const std::string& id, const std::string& type) {
  m_builder.add_external(id, type);
}

void Linker::report_unknown(const PlacedObject& from, const kubernetes::ObjectRef& ref) {
  if (ref.implicit) return;
  report(*from.object, ref.position, Severity::note, "k8s-symbolic-reference",
         from.id + " refers to " + ref.kind + " \"" + ref.name + "\"" +
             (ref.namespace_name.empty() ? "" : " in namespace \"" + ref.namespace_name + "\"") +
             ", a placeholder filled in before it is applied; what it names is unknown");
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
    node.service = placed.service;
    node.application = placed.application;
    node.span = object.span;
    node.criticality = classify_object(object);
    builder.add_node(std::move(node));
    // NOTE: names written outside the manifests (a cloud identity bound to
    // "<ns>/<ServiceAccount>") find the object whatever its scope.
    if (index.scoped()) {
      builder.add_alias(object_id(object.kind, placed.ns, object.name), placed.id);
    }
  }
}

void add_kubernetes_edges(Linker& linker, const CloudIdentities& identities) {
  for (const auto& placed : linker.index().objects()) {
    if (placed.object->kind == "ServiceAccount") linker.note_service_account(placed.id, placed.ns);
  }
  add_reference_edges(linker);
  add_rbac_subject_edges(linker);
  add_selector_edges(linker);
  add_call_edges(linker);
  add_cluster_edges(linker);
  add_identity_edges(linker, identities);
}

}  // namespace blastgraph::analyzer::k8s_link
