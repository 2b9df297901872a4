// parse_manifests: documents -> objects, with List flattening and per-kind extraction.

#include <algorithm>
#include <array>

#include "kubernetes/extract.hpp"

namespace blastgraph::kubernetes {
namespace {

using Extractor = void (*)(detail::Extraction&, yaml::Node);

struct KindExtractor {
  std::string_view kind;
  Extractor extract;
};

// Pod templates are found for every kind (extract_workload); these are the rest.
constexpr std::array<KindExtractor, 27> k_extractors{{
    {"Application", detail::extract_app_sources},
    {"ApplicationSet", detail::extract_app_sources},
    {"Kustomization", detail::extract_app_sources},
    {"Service", detail::extract_service},
    {"ConfigMap", detail::extract_config_data},
    {"Secret", detail::extract_config_data},
    {"PersistentVolumeClaim", detail::extract_storage_refs},
    {"PersistentVolume", detail::extract_storage_refs},
    {"Ingress", detail::extract_ingress_refs},
    {"Gateway", detail::extract_gateway_refs},
    {"HTTPRoute", detail::extract_gateway_refs},
    {"GRPCRoute", detail::extract_gateway_refs},
    {"TLSRoute", detail::extract_gateway_refs},
    {"TCPRoute", detail::extract_gateway_refs},
    {"UDPRoute", detail::extract_gateway_refs},
    {"ReferenceGrant", detail::extract_reference_grant},
    {"RoleBinding", detail::extract_rbac_refs},
    {"ClusterRoleBinding", detail::extract_rbac_refs},
    {"HorizontalPodAutoscaler", detail::extract_scaling_refs},
    {"VerticalPodAutoscaler", detail::extract_scaling_refs},
    {"ScaledObject", detail::extract_scaling_refs},
    {"PodDisruptionBudget", detail::extract_scaling_refs},
    {"NetworkPolicy", detail::extract_network_policy},
    {"MutatingWebhookConfiguration", detail::extract_admission_refs},
    {"ValidatingWebhookConfiguration", detail::extract_admission_refs},
    {"APIService", detail::extract_admission_refs},
    {"CustomResourceDefinition", detail::extract_custom_resource_definition},
}};

class ObjectReader {
 public:
  explicit ObjectReader(ManifestFile& file) : m_file(file) {}

  // Reads `root` as an object, or as the items of a List.
  void read(yaml::Node root, std::size_t document_index, std::uint32_t first_line,
            std::uint32_t last_line);

 private:
  void read_list(yaml::Node items, std::size_t document_index);
  void read_object(yaml::Node root, std::size_t document_index, std::uint32_t first_line,
                   std::uint32_t last_line);
  void warn(yaml::Node at, std::string code, std::string message) {
    m_file.diagnostics.push_back(Diagnostic{m_file.path, at.position(), Severity::warning,
                                            std::move(code), std::move(message)});
  }

  ManifestFile& m_file;
};

// apiVersion and kind as kubectl requires them: present, and not empty. A quoted `""` or an
// empty tagged scalar (`kind: !!str`) is text YAML-wise, yet names no kind.
bool has_type(yaml::Node root) {
  yaml::Node api_version = root.find("apiVersion");
  yaml::Node kind = root.find("kind");
  return api_version.is_text() && !api_version.scalar().empty() && kind.is_text() &&
         !kind.scalar().empty();
}

bool is_list_kind(std::string_view kind, yaml::Node root) {
  return kind.ends_with("List") && root.find("items").is_sequence();
}

void ObjectReader::read(yaml::Node root, std::size_t document_index, std::uint32_t first_line,
                        std::uint32_t last_line) {
  if (!has_type(root)) return;  // not Kubernetes
  if (is_list_kind(root.find("kind").scalar(), root)) {
    read_list(root.find("items"), document_index);
  } else {
    read_object(root, document_index, first_line, last_line);
  }
}

void ObjectReader::read_list(yaml::Node items, std::size_t document_index) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    yaml::Node item = items.item(i);
    if (!has_type(item)) {
      warn(item, "k8s-list-item", "List item without apiVersion and kind is ignored");
      continue;
    }
    // Nested Lists are flattened too; YAML nesting is bounded, so this recursion is.
    read(item, document_index, item.position().line, item.last_line());
  }
}

void ObjectReader::read_object(yaml::Node root, std::size_t document_index,
                               std::uint32_t first_line, std::uint32_t last_line) {
  std::string api_version(root.find("apiVersion").scalar());
  if (api_version.starts_with("kustomize.config.k8s.io/")) return;  // build input, not an object
  Object object;
  object.api_version = std::move(api_version);
  object.kind = std::string(root.find("kind").scalar());
  object.span = SourceSpan{m_file.path, first_line, last_line};
  object.document_index = document_index;
  object.position = root.position();
  detail::Extraction x(object, m_file.diagnostics, m_file.path);
  detail::extract_metadata(x, root);
  if (object.name.empty()) {
    warn(root, "k8s-missing-name", object.kind + " without metadata.name is ignored");
    return;
  }
  detail::extract_workload(x, root);
  for (const KindExtractor& entry : k_extractors) {
    if (entry.kind == object.kind) entry.extract(x, root);
  }
  std::stable_sort(object.references.begin(), object.references.end(),
                   [](const ObjectRef& a, const ObjectRef& b) { return a.position < b.position; });
  m_file.objects.push_back(std::move(object));
}

// A mapping key that is itself a collection: what an unquoted `{{ ... }}` reads as in YAML,
// and never a Kubernetes field. Walks shared (aliased) nodes again; the loader bounds that.
bool has_collection_key(yaml::Node node) {
  for (std::size_t i = 0; i < node.size(); ++i) {
    if (node.is_sequence()) {
      if (has_collection_key(node.item(i))) return true;
    } else if (!node.key(i).is_scalar() || has_collection_key(node.value(i))) {
      return true;
    }
  }
  return false;
}

bool reads_as_template(const yaml::Stream& stream) {
  bool syntax_error = std::any_of(stream.diagnostics.begin(), stream.diagnostics.end(),
                                  [](const Diagnostic& d) { return d.code == "yaml-syntax"; });
  return syntax_error ||
         std::any_of(stream.documents.begin(), stream.documents.end(),
                     [](const yaml::Document& d) { return has_collection_key(d.root); });
}

void mark_helm_template(ManifestFile& file, SourcePosition at, std::string_view why) {
  file.unparsed = true;
  file.diagnostics.push_back(Diagnostic{file.path, at, Severity::warning, "k8s-helm-template",
                                        std::string(why) + "; not read as manifests"});
}

// The text with each `{{` read as `${`: a plain YAML scalar where `{{` would open a flow
// mapping, at the same length, so every position stays. A value holding one is then a
// placeholder, as envsubst's `${VAR}` is (is_placeholder).
std::string actions_as_placeholders(std::string_view text) {
  std::string out(text);
  for (auto at = out.find("{{"); at != std::string::npos; at = out.find("{{", at + 2)) {
    out[at] = '$';
  }
  return out;
}

}  // namespace

void detail::read_document(ManifestFile& file, yaml::Node root, std::size_t document_index,
                           std::uint32_t first_line, std::uint32_t last_line) {
  ObjectReader reader(file);
  reader.read(root, document_index, first_line, last_line);
}

detail::ManifestStream detail::load_manifest_stream(std::string_view path, std::string_view text) {
  ManifestStream out;
  if (auto at = find_template_action(text, ActionKind::helm)) {
    out.template_at = at;
    out.template_why = "Helm chart template";
    return out;
  }
  out.stream = yaml::load(path, text);
  // Go-template text that only parses as YAML by accident (`name: {{ template "x" . }}` is a
  // flow mapping) or not at all is read again with its actions as placeholders (a script's
  // `{{cell}}`); only when that does not parse either is the file a template.
  const auto at = find_template_action(text, ActionKind::any);
  if (!at || !reads_as_template(out.stream)) return out;
  out.stream = yaml::load(path, actions_as_placeholders(text));
  if (reads_as_template(out.stream)) {
    out.stream = yaml::Stream();
    out.template_at = at;
    out.template_why = "template actions outside YAML strings";
  } else {
    out.placeholder_at = at;
  }
  return out;
}

ManifestFile parse_manifests(std::string_view path, std::string_view text) {
  ManifestFile file;
  file.path = std::string(path);
  const auto loaded = detail::load_manifest_stream(path, text);
  if (loaded.template_at) {
    mark_helm_template(file, *loaded.template_at, loaded.template_why);
    return file;
  }
  if (loaded.placeholder_at) {
    file.diagnostics.push_back(
        Diagnostic{file.path, *loaded.placeholder_at, Severity::note, "k8s-template-placeholder",
                   "template actions outside YAML strings are read as placeholders: a name, "
                   "namespace or label holding one is unknown"});
  }
  const yaml::Stream& stream = loaded.stream;
  file.helm_rendered =
      text.starts_with("# Source: ") || text.find("\n# Source: ") != std::string_view::npos;
  file.unparsed = std::any_of(stream.diagnostics.begin(), stream.diagnostics.end(),
                              [](const Diagnostic& d) { return d.severity == Severity::error; });
  file.diagnostics.insert(file.diagnostics.end(), stream.diagnostics.begin(),
                          stream.diagnostics.end());
  ObjectReader reader(file);
  for (const yaml::Document& document : stream.documents) {
    reader.read(document.root, document.index, document.first_line, document.last_line);
  }
  return file;
}

}  // namespace blastgraph::kubernetes
