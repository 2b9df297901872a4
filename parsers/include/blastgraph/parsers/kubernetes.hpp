#pragma once
// Kubernetes manifests: one file's text -> the objects it declares with every relationship
// the analyzer turns into an edge, plus diagnostics. All YAML walking happens here; the
// analyzer only reads these structs. Never throws on bad input.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/core/source_span.hpp"

namespace blastgraph::kubernetes {

using Labels = std::map<std::string, std::string>;

enum class SelectorOperator { in, not_in, exists, does_not_exist };

struct LabelRequirement {
  std::string key;
  SelectorOperator op = SelectorOperator::exists;
  std::vector<std::string> values;  // in / not_in only
  auto operator<=>(const LabelRequirement&) const = default;
};

// A metav1.LabelSelector. An empty selector matches everything.
struct LabelSelector {
  Labels match_labels;
  std::vector<LabelRequirement> match_expressions;
  auto operator<=>(const LabelSelector&) const = default;
};

// True when `labels` satisfy every matchLabels entry and every requirement.
[[nodiscard]] bool matches(const LabelSelector& selector, const Labels& labels);

// How an object names another; the analyzer maps each to an edge kind.
enum class RefVia {
  owner_reference,
  env_value_from,    // env[].valueFrom.configMapKeyRef / secretKeyRef
  env_from,          // envFrom[].configMapRef / secretRef
  volume,            // volumes[].configMap / secret / persistentVolumeClaim / csi secret
  projected_volume,  // volumes[].projected.sources[].configMap / secret
  image_pull_secret,
  service_account,  // pod spec serviceAccountName (`default` when absent)
  priority_class,
  volume_claim_template,  // StatefulSet: PVCs it owns, `<template>-<statefulset>-<ordinal>`
  governing_service,      // StatefulSet spec.serviceName
  storage_class,          // PVC / PV / claim template storageClassName
  persistent_volume,      // PVC spec.volumeName
  volume_claim,           // PV spec.claimRef
  ingress_backend,        // rules[].http.paths[].backend
  ingress_default_backend,
  ingress_tls,
  ingress_class,
  gateway_class,         // Gateway spec.gatewayClassName
  gateway_certificate,   // Gateway listeners[].tls.certificateRefs
  route_parent,          // *Route spec.parentRefs
  route_backend,         // *Route spec.rules[].backendRefs (and mirror filters)
  reference_grant_from,  // name empty: any object of that kind in that namespace
  reference_grant_to,    // name empty: any object of that kind
  role_ref,
  subject,          // ServiceAccount / User / Group
  scale_target,     // HPA / KEDA scaleTargetRef, VPA targetRef
  webhook_service,  // admission webhooks' clientConfig.service
  api_service,      // APIService spec.service
};

[[nodiscard]] std::string_view to_string(RefVia via);

// A reference by name. `namespace_name` empty means the referencing object's namespace (the
// analyzer resolves cluster-scoped kinds itself). Subjects keep group and user names verbatim
// (`system:serviceaccounts`, `system:serviceaccounts:<ns>`), except that a User named
// `system:serviceaccount:<ns>:<name>` is that ServiceAccount and is reported as one.
struct ObjectRef {
  std::string kind;
  std::string namespace_name;
  std::string name;
  RefVia via = RefVia::owner_reference;
  // Field path from the object root; list items by their name when they have one:
  // "spec.template.spec.containers[app].env[DB_URL].valueFrom.secretKeyRef".
  std::string path;
  SourcePosition position;
  bool optional = false;  // `optional: true`: the workload starts without it
  bool implicit = false;  // not written: serviceAccountName absent means "default"
  auto operator<=>(const ObjectRef&) const = default;
};

enum class SelectorVia {
  pod_disruption_budget,  // spec.selector
  network_policy_target,  // spec.podSelector: the pods the policy applies to
  network_policy_from,    // spec.ingress[].from[]
  network_policy_to,      // spec.egress[].to[]
};

// Pods chosen by label. A NetworkPolicy peer has a pod selector, a namespace selector or
// both (both: pods matching the first in namespaces matching the second); when only the pod
// selector is set the namespace is the policy's own.
struct SelectorRef {
  SelectorVia via = SelectorVia::pod_disruption_budget;
  std::optional<LabelSelector> pod_selector;
  std::optional<LabelSelector> namespace_selector;
  std::string path;
  SourcePosition position;
  auto operator<=>(const SelectorRef&) const = default;
};

// A string that may name a Service: an env var `value` (of any container, init containers
// too), ConfigMap `data`, Secret `stringData`, Secret `data` decoded from base64, or an item
// of a container's `command` or `args`. Collected as written (decoded for Secret `data`);
// find_called_services reads it.
struct AddressSite {
  // What the text is: a configuration value, or a command-line item, where a `host:port` is
  // weaker evidence of a call (a flag may name a host it serves, not one it calls).
  enum class Via : std::uint8_t { value, command_line };
  std::string value;
  std::string key;  // the env var's name, the data key, or the flag an argument belongs to
  std::string path;
  SourcePosition position;
  Via via = Via::value;
  auto operator<=>(const AddressSite&) const = default;
};

// One entry of an admission webhook's `rules`: the resources whose writes it intercepts.
// Operations are not kept: any of them makes the webhook part of the object's life.
struct AdmissionRule {
  std::vector<std::string> api_groups;    // "" is the core group, "*" any
  std::vector<std::string> api_versions;  // "*" any
  std::vector<std::string> resources;     // "deployments", "pods/status", "pods/*", "*", "*/*"
  std::string scope = "*";                // "Cluster", "Namespaced" or "*" (the default)
  auto operator<=>(const AdmissionRule&) const = default;
};

// One webhook of a Validating/MutatingWebhookConfiguration and what it can see. A webhook
// without rules sees nothing; absent selectors select everything, as the API server reads them.
struct AdmissionHook {
  std::string name;
  std::vector<AdmissionRule> rules;
  bool exact_match = false;  // `matchPolicy: Exact`; the v1 default Equivalent ignores versions
  LabelSelector namespace_selector;
  LabelSelector object_selector;
  std::string path;  // "webhooks[<name>]"
  SourcePosition position;
  auto operator<=>(const AdmissionHook&) const = default;
};

// What a CustomResourceDefinition adds to the API: objects of `kind` in `group` are the
// resource `plural`.
struct CustomResourceType {
  std::string group;
  std::string kind;
  std::string plural;
  bool cluster_scoped = false;  // spec.scope: Cluster
  auto operator<=>(const CustomResourceType&) const = default;
};

// Where a GitOps controller applies from: an Argo CD Application's (or an ApplicationSet
// template's) source path, a Flux Kustomization's spec.path, with the namespace objects
// without one go to (Argo's destination namespace, Flux's targetNamespace). Paths are as
// written, relative to the repository the source names; `repository` is empty for Flux,
// whose source is another object.
struct AppSource {
  std::string path;
  std::string target_namespace;
  bool overrides_namespace = false;  // Flux targetNamespace: every namespaced object's
  std::string repository;            // Argo repoURL
  std::string field;                 // "spec.source.path", "spec.sources[1].path", ...
  SourcePosition position;
  auto operator<=>(const AppSource&) const = default;
};

struct OwnerReference {
  std::string api_version;
  std::string kind;
  std::string name;
  bool controller = false;
  auto operator<=>(const OwnerReference&) const = default;
};

struct Object {
  std::string api_version;
  std::string kind;
  std::string name;            // metadata.name, or metadata.generateName when only that is set
  std::string namespace_name;  // as written; empty when absent
  Labels labels;
  Labels annotations;
  // Where each annotation's key is written: a link made from an annotation (IRSA, GKE
  // workload identity) points its evidence there.
  std::map<std::string, SourcePosition> annotation_positions;
  std::vector<OwnerReference> owner_references;
  SourceSpan span;  // the document, or the item of a List
  std::size_t document_index = 0;
  SourcePosition position;  // of the object's root mapping

  // Pod-creating objects: the labels their pods get (a Pod's own labels).
  bool has_pod_template = false;
  Labels pod_template_labels;
  std::optional<LabelSelector> selector;   // workload spec.selector
  std::optional<Labels> service_selector;  // Service spec.selector (equality only)
  std::string service_type;                // Service spec.type as written
  std::string external_name;               // Service spec.externalName
  std::vector<std::string> images;         // every container's image, as written, in order

  std::vector<ObjectRef> references;  // in source order
  std::vector<SelectorRef> selectors;
  std::vector<AddressSite> addresses;
  std::vector<AdmissionHook> admission_hooks;  // webhook configurations
  std::optional<CustomResourceType> defines;   // CustomResourceDefinition
  std::vector<AppSource> app_sources;          // Argo CD / Flux applications
  // Files besides span.file whose edit changes this object: every kustomization that renders
  // it (its namespace, affixes, labels, images), the patches applied to it, the files its
  // generator reads. Sorted.
  std::vector<std::string> shaped_by;
};

// Diagnostics: the yaml-* codes of yaml::load, and the warnings k8s-helm-template,
// k8s-missing-name, k8s-list-item (a List item that is not an object) and k8s-selector (a
// selector requirement without a key or with an unknown operator; it is dropped, which only
// widens the selection).
struct ManifestFile {
  std::string path;
  std::vector<Object> objects;
  std::vector<Diagnostic> diagnostics;
  // Not (fully) read: a Helm template, or YAML that lost a document to an error or a limit.
  // Counts against the report's coverage.
  bool unparsed = false;
  // `helm template` output: its documents carry `# Source: <chart>/templates/...` comments.
  bool helm_rendered = false;
};

// Parses one manifest file (YAML or JSON). Documents without a string apiVersion and kind
// are not Kubernetes objects and are skipped silently; `List` and `*List` kinds with `items`
// are flattened; kustomize's own files (kustomize.config.k8s.io) are not objects; an object
// without metadata.name (or generateName) is skipped with a k8s-missing-name warning.
// A Helm template yields no objects, `unparsed`, and a k8s-helm-template warning: either
// is_helm_template says so, or the file has a `{{ ... }}` action, does not parse as YAML (or
// parses with a collection as a mapping key, an unquoted `{{ ... }}`) and does not parse with
// each `{{` read as `${` either. When it does, its objects are read that way and a
// k8s-template-placeholder note says so: values holding an action are placeholders.
// YAML problems that lose a document set `unparsed` too; `objects` then holds what was read.
// Never throws on bad input; thread-safe.
[[nodiscard]] ManifestFile parse_manifests(std::string_view path, std::string_view text);

// True when a `{{ ... }}` action names Helm's built-in objects (.Values, .Release, .Chart,
// .Capabilities, .Files, .Template) or Helm-only functions (include, tpl, toYaml, required,
// lookup). Go-template text without them, such as Prometheus's `{{ $labels.instance }}` or an
// Alertmanager `{{ range .Alerts }}`, is data of a manifest that parses.
[[nodiscard]] bool is_helm_template(std::string_view text);

// True when `value` holds a placeholder another tool fills in before applying: envsubst's or
// Flux's `${VAR}` (`${VAR:-default}`, `${VAR:=default}`) or a template action `{{ ... }}`
// (read as `${ ... }}` when it stood outside a YAML string). Such a value is unknown here.
[[nodiscard]] bool is_placeholder(std::string_view value);

// A DNS-1123 label (lowercase alphanumerics and `-`, at most 63 characters, alphanumeric at
// both ends): what a namespace name must be, and each label of a Service's DNS name.
[[nodiscard]] bool is_dns_label(std::string_view text);
// A label key: `[prefix/]name`, the prefix a DNS subdomain, the name at most 63 characters
// of alphanumerics, `-`, `_` and `.`, alphanumeric at both ends.
[[nodiscard]] bool is_label_key(std::string_view text);

// Kinds without a namespace.
[[nodiscard]] bool is_cluster_scoped(std::string_view kind);

// `.yaml`, `.yml` or `.json` (case-insensitive).
[[nodiscard]] bool looks_like_manifest_path(std::string_view path);
// `kustomization.yaml`, `kustomization.yml` or `Kustomization`.
[[nodiscard]] bool looks_like_kustomization_path(std::string_view path);

struct Kustomization {
  std::string path;
  std::vector<std::string> resources;  // `resources`, then the deprecated `bases`, as written
  std::vector<Diagnostic> diagnostics;
};

// Reads the first document's `resources` and `bases` (files, directories or remote URLs, as
// written; resolving them is the caller's). A root that is not a mapping gives a
// k8s-kustomization warning and no resources. Never throws on bad input.
[[nodiscard]] Kustomization parse_kustomization(std::string_view path, std::string_view text);

// A Service a string may name. `namespace_name` is empty for a short name (the caller's
// namespace applies).
struct ServiceAddress {
  std::string name;
  std::string namespace_name;
  std::optional<std::uint16_t> port;
  // How it was written, which does not make it another address (not compared):
  std::string host;           // without scheme and port: "cart.shop.svc.cluster.local"
  bool unmistakable = false;  // a port, a scheme or the `svc` label: a host, not a dotted word
  // One label without port or scheme (`redis`), read only because its key names an address
  // (`REDIS_HOST`): a call only where a Service of that name is declared.
  bool bare = false;
  friend bool operator==(const ServiceAddress& a, const ServiceAddress& b) {
    return a.name == b.name && a.namespace_name == b.namespace_name && a.port == b.port;
  }
};

// Candidate in-cluster Service addresses in a string, in order, without duplicates. The
// string is split into tokens at whitespace, ',', ';' and '='; keys (a token before '=' or
// ending in ':', unless it is a URL) are skipped, so whole properties, YAML and JSON files
// can be read. A token may carry a URL scheme (`scheme://`, then `user:pw@` allowed), a
// `:port` and a path; for the gRPC resolvers `dns`, `kubernetes` and `passthrough` the host is
// the path's (`dns:///svc:50051`, `dns://8.8.8.8/svc.ns:50051`). The host must be lowercase DNS labels whose first label starts with a letter, and is read as:
//   name                  only with a port or a scheme (`svc:8080`, `http://svc/x`)
//   name.ns               two labels, unless the second is a common top-level domain or
//                         file extension (`example.com`, `app.yaml`)
//   name.ns.svc[.…]       the third label is `svc` (any cluster domain may follow)
//   pod.name.ns.svc[.…]   a StatefulSet pod's address: the Service is `name`
// Anything else is not a Service address: IPs, `localhost`, plain words (`true`, `info`),
// file paths, e-mail addresses, external names (`api.stripe.com`).
// Hosts that are named but not called are skipped inside the text too:
//   - the value of a key that names a TLS server name (see names_tls_server_name), as in
//     Envoy's `sni: x`, `server_name = "x"` or JSON `"serverName": "x"`;
//   - metric labels: values of PromQL label matchers (`up{service="cart.shop"}`) and the
//     entries of a `labels:` or `external_labels:` block (Prometheus rules and scrape configs).
[[nodiscard]] std::vector<ServiceAddress> find_service_addresses(std::string_view value);

// True when a key says its value is a name a TLS client sends or checks rather than a host it
// connects to: its words (split at `_`, `-`, `.` and camelCase) hold `sni`, `server name`,
// `target name override` (gRPC), `dns names` or `subject alt names` (certificates). A key
// such as `REDIS_TLS_HOST` is still an address: a host reached over TLS is still called.
[[nodiscard]] bool names_tls_server_name(std::string_view key);

// True when a key says its value is a host or a list of hosts: its last word (as in
// names_tls_server_name) is `host`, `hostname`, `addr`, `address`, `server`, `endpoint`,
// `broker`, `upstream`, `bootstrap` or a plural of one (`REDIS_HOST`, `kafkaBrokers`,
// `catalog-addr`).
[[nodiscard]] bool names_address(std::string_view key);

// The Services an address site calls: none when its key names a TLS server name or its value
// is a dashboard (JSON with `"panels"`: Grafana's queries and links are not calls), otherwise
// find_service_addresses of its value; when the key names an address (names_address), also
// each bare label of a one-line value (`redis`, `kafka-0,kafka-1`) as a `bare` address.
[[nodiscard]] std::vector<ServiceAddress> find_called_services(const AddressSite& site);

}  // namespace blastgraph::kubernetes
