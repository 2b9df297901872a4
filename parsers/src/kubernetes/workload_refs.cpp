// Pod-creating objects (their pod template, labels and selector, StatefulSet claim templates),
// Services, and the data of ConfigMaps and Secrets.

#include <algorithm>

#include "kubernetes/base64.hpp"
#include "kubernetes/extract.hpp"

namespace blastgraph::kubernetes::detail {
namespace {

struct PodTemplate {
  yaml::Node template_node;  // the PodTemplateSpec: metadata + spec
  yaml::Node workload_spec;  // where `selector` lives
  std::string path;          // of template_node
};

// Where the pod template sits. Kinds not listed here (Argo Rollouts, other workload CRDs)
// count when they have the usual spec.template.spec.containers shape.
std::optional<PodTemplate> find_pod_template(std::string_view kind, yaml::Node root) {
  yaml::Node spec = root.find("spec");
  if (kind == "CronJob") {
    yaml::Node job_spec = spec.find("jobTemplate").find("spec");
    return PodTemplate{job_spec.find("template"), job_spec, "spec.jobTemplate.spec.template"};
  }
  if (kind == "Deployment" || kind == "ReplicaSet" || kind == "StatefulSet" ||
      kind == "DaemonSet" || kind == "Job" || kind == "ReplicationController" ||
      spec.find("template").find("spec").find("containers").is_sequence()) {
    return PodTemplate{spec.find("template"), spec, "spec.template"};
  }
  return std::nullopt;
}

void extract_selector(Extraction& x, std::string_view kind, yaml::Node selector) {
  if (!selector.is_mapping()) return;
  // A ReplicationController's selector is a plain label map, not a LabelSelector.
  bool plain_map = kind == "ReplicationController" && !selector.find("matchLabels") &&
                   !selector.find("matchExpressions");
  if (plain_map) {
    x.object().selector = LabelSelector{read_string_map(selector), {}};
  } else {
    x.object().selector = read_label_selector(x, selector);
  }
}

void extract_claim_templates(Extraction& x, yaml::Node spec) {
  yaml::Node claims = spec.find("volumeClaimTemplates");
  for (std::size_t i = 0; i < claims.size() && claims.is_sequence(); ++i) {
    yaml::Node claim = claims.item(i);
    std::string path = "spec.volumeClaimTemplates[" + std::to_string(i) + "]";
    yaml::Node name = claim.find("metadata").find("name");
    if (name.is_text()) path = "spec.volumeClaimTemplates[" + std::string(name.scalar()) + "]";
    x.add_ref("PersistentVolumeClaim", name, RefVia::volume_claim_template, path);
    x.add_ref("StorageClass", claim.find("spec").find("storageClassName"), RefVia::storage_class,
              path + ".spec.storageClassName");
  }
}

}  // namespace

void extract_workload(Extraction& x, yaml::Node root) {
  Object& object = x.object();
  if (object.kind == "Pod") {
    object.has_pod_template = true;
    object.pod_template_labels = object.labels;
    extract_pod_spec(x, root.find("spec"), "spec");
    return;
  }
  std::optional<PodTemplate> pod = find_pod_template(object.kind, root);
  if (!pod) return;
  object.has_pod_template = true;
  object.pod_template_labels = read_string_map(pod->template_node.find("metadata").find("labels"));
  extract_selector(x, object.kind, pod->workload_spec.find("selector"));
  extract_pod_spec(x, pod->template_node.find("spec"), pod->path + ".spec");
  if (object.kind == "StatefulSet") {
    yaml::Node spec = root.find("spec");
    x.add_ref("Service", spec.find("serviceName"), RefVia::governing_service, "spec.serviceName");
    extract_claim_templates(x, spec);
  }
}

void extract_service(Extraction& x, yaml::Node root) {
  Object& object = x.object();
  yaml::Node spec = root.find("spec");
  if (spec.find("selector").is_mapping()) {
    object.service_selector = read_string_map(spec.find("selector"));
  }
  object.service_type = text_of(spec.find("type"));
  object.external_name = text_of(spec.find("externalName"));
}

namespace {

// Decoded text worth reading for addresses: printable, no control bytes but line breaks and
// tabs (a certificate or a binary key is not).
bool is_text(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 || c == '\n' || c == '\r' || c == '\t';
  });
}

// A Secret's `data`: base64, read decoded.
void extract_secret_data(Extraction& x, yaml::Node data) {
  for (std::size_t i = 0; i < data.size() && data.is_mapping(); ++i) {
    const yaml::Node value = data.value(i);
    if (!data.key(i).is_text() || !value.is_text()) continue;
    auto decoded = base64_decode(value.scalar());
    if (!decoded || decoded->empty() || !is_text(*decoded)) continue;
    std::string key(data.key(i).scalar());
    x.add_address_text(std::move(*decoded), key, "data." + key, value.position(),
                       AddressSite::Via::value);
  }
}

}  // namespace

void extract_config_data(Extraction& x, yaml::Node root) {
  const bool secret = x.object().kind == "Secret";
  // A Secret's `stringData` is plain text; its `data` and a ConfigMap's `binaryData` base64.
  std::string_view field = secret ? "stringData" : "data";
  yaml::Node data = root.find(field);
  for (std::size_t i = 0; i < data.size() && data.is_mapping(); ++i) {
    if (!data.key(i).is_text()) continue;
    std::string key(data.key(i).scalar());
    x.add_address(data.value(i), key, std::string(field) + "." + key);
  }
  if (secret) extract_secret_data(x, root.find("data"));
}

}  // namespace blastgraph::kubernetes::detail
