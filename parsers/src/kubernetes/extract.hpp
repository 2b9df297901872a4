#pragma once
// Shared by the per-kind extractors: the object being filled, and small readers of the YAML
// shapes Kubernetes uses everywhere (string maps, label selectors, named list items).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/parsers/kubernetes.hpp"
#include "blastgraph/parsers/yaml.hpp"

namespace blastgraph::kubernetes::detail {

class Extraction {
 public:
  Extraction(Object& object, std::vector<Diagnostic>& diagnostics, std::string_view file)
      : m_object(object), m_diagnostics(diagnostics), m_file(file) {}

  [[nodiscard]] Object& object() { return m_object; }

  // Adds a reference named by the scalar `name` (nothing when it is missing or empty).
  // `namespace_node` may be invalid (the object's own namespace).
  void add_ref(std::string_view kind, yaml::Node name, RefVia via, std::string path,
               yaml::Node namespace_node = {}, bool optional = false);
  // Adds a reference whose name is not a node of the document (implicit defaults).
  void add_implicit_ref(std::string_view kind, std::string_view name, RefVia via, std::string path,
                        SourcePosition position);
  void add_selector(SelectorRef selector) { m_object.selectors.push_back(std::move(selector)); }
  // Records the scalar `value`, written under `key`, as an address site when it holds text.
  // `via` says what kind of text it is (AddressSite::Via).
  void add_address(yaml::Node value, std::string key, std::string path,
                   AddressSite::Via via = AddressSite::Via::value);
  // The same with text that is not the node's own (a decoded Secret value) at `position`.
  void add_address_text(std::string value, std::string key, std::string path,
                        SourcePosition position, AddressSite::Via via);

  void warn(yaml::Node at, std::string code, std::string message);

 private:
  Object& m_object;
  std::vector<Diagnostic>& m_diagnostics;
  std::string_view m_file;
};

// The scalar's text, or "" when the node is missing, null or not a scalar.
[[nodiscard]] std::string text_of(yaml::Node node);

// A mapping of scalar to scalar (labels, annotations, selectors); other entries are skipped.
[[nodiscard]] Labels read_string_map(yaml::Node node);

// A metav1.LabelSelector. Requirements with an unknown operator are dropped with a warning:
// dropping one only widens the selection, which never shrinks a blast radius.
[[nodiscard]] LabelSelector read_label_selector(Extraction& x, yaml::Node node);

// "[name]" for a list item with a `name` (or other `key`), "[index]" otherwise.
[[nodiscard]] std::string item_label(yaml::Node item, std::size_t index,
                                     std::string_view key = "name");

// The item's `optional` field, read as Kubernetes reads booleans.
[[nodiscard]] bool is_optional(yaml::Node holder);

enum class ActionKind { any, helm };
// Where the first `{{ ... }}` template action is (of the given kind), if any.
[[nodiscard]] std::optional<SourcePosition> find_template_action(std::string_view text,
                                                                 ActionKind kind);

// A manifest file's YAML as parse_manifests reads it: a Helm template or Go-template text that
// does not read as YAML is a template (no stream); text that reads once each `{{` is read as
// `${` has placeholders.
struct ManifestStream {
  yaml::Stream stream;
  std::optional<SourcePosition> template_at;  // set: a template, not read; the first action
  std::string_view template_why;              // what kind of template
  std::optional<SourcePosition> placeholder_at;  // set: read with actions as placeholders
};
[[nodiscard]] ManifestStream load_manifest_stream(std::string_view path, std::string_view text);

// Reads one document's root as an object (or the items of a List) into `file`, as
// parse_manifests does for each document of a file.
void read_document(ManifestFile& file, yaml::Node root, std::size_t document_index,
                   std::uint32_t first_line, std::uint32_t last_line);

// Per-kind extractors, each reading `root` (the object's mapping) into x.object().
void extract_metadata(Extraction& x, yaml::Node root);
void extract_app_sources(Extraction& x, yaml::Node root);  // Argo CD and Flux applications
void extract_workload(Extraction& x, yaml::Node root);  // pod templates, any kind
void extract_pod_spec(Extraction& x, yaml::Node spec, const std::string& path);
void extract_service(Extraction& x, yaml::Node root);
void extract_config_data(Extraction& x, yaml::Node root);
void extract_storage_refs(Extraction& x, yaml::Node root);
void extract_ingress_refs(Extraction& x, yaml::Node root);
void extract_gateway_refs(Extraction& x, yaml::Node root);
void extract_reference_grant(Extraction& x, yaml::Node root);
void extract_rbac_refs(Extraction& x, yaml::Node root);
void extract_scaling_refs(Extraction& x, yaml::Node root);
void extract_network_policy(Extraction& x, yaml::Node root);
void extract_admission_refs(Extraction& x, yaml::Node root);
void extract_admission_hooks(Extraction& x, yaml::Node root);  // rules and selectors
void extract_custom_resource_definition(Extraction& x, yaml::Node root);

}  // namespace blastgraph::kubernetes::detail
