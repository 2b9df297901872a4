#pragma once
// The graph's vocabulary: nodes, edges and their closed lists of kinds.
// An edge `source -> target` means *source depends on target*: a change to target reaches
// source.

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "blastgraph/core/source_span.hpp"
#include "blastgraph/core/symbol.hpp"

namespace blastgraph::graph {

using NodeIndex = std::uint32_t;
using EdgeIndex = std::uint32_t;
inline constexpr NodeIndex k_no_node = std::numeric_limits<NodeIndex>::max();

enum class Domain : std::uint8_t { terraform, kubernetes, iam, external };

// `value` (variable, local, output, provider config) and `module` nodes carry reach but are
// not counted as resources; `external` is referenced but not defined in the scanned tree.
enum class Role : std::uint8_t { resource, value, module, external };

// How dangerous a node is to touch. Ordered: a later class is never less critical.
enum class Criticality : std::uint8_t {
  normal,
  compute,      // workloads, functions, instances
  storage,      // buckets, volumes, queues
  network,      // VPC, subnets, routes, security groups, load balancers, DNS
  iam,          // roles, policies, attachments, RBAC
  database,     // managed databases and caches
  secrets,      // secrets, config stores holding credentials
  crypto,       // KMS keys, certificate authorities, certificates
  auth,         // identity providers, user pools
  account,      // organization / account-level controls
};

// Closed list (DESIGN.md "Edge kinds"). Keep to_string/parse in model.cpp in step. to_string
// gives the enumerator's name, without the trailing underscore of a C++ keyword.
enum class EdgeKind : std::uint8_t {
  // Terraform
  reference,       // expression reference in an attribute or nested block
  depends_on,
  meta_argument,   // count / for_each
  module_input,    // a module's variable <- the caller's input expression
  module_output,   // a caller's reference <- the module's output
  module_member,   // a block inside a module instance <- the module call (its meta-arguments)
  provider,        // a resource <- its provider configuration
  // Kubernetes
  owner,
  workload_selector,
  service_selector,
  ingress_backend,
  route_backend,
  tls_secret,
  config_reference,   // ConfigMap / Secret via env, envFrom, volumes, projected volumes
  image_pull_secret,
  service_account,
  rbac_role,
  rbac_subject,
  network_policy,
  scale_target,
  disruption_budget,
  storage,
  namespace_,      // containment in a namespace; spelled "namespace" by to_string
  admission,       // webhooks and APIServices: cluster-wide reach
  service_call,    // inferred from env / ConfigMap addresses
  // IAM
  policy_attachment,
  permission_boundary,
  group_membership,
  assume_role,
  runs_as,
  acts_on,
};

[[nodiscard]] std::string_view to_string(Domain domain);
[[nodiscard]] std::string_view to_string(Role role);
[[nodiscard]] std::string_view to_string(Criticality criticality);
[[nodiscard]] std::string_view to_string(EdgeKind kind);
// Inverse of to_string; nullopt for an unknown name.
[[nodiscard]] std::optional<EdgeKind> parse_edge_kind(std::string_view name);

struct Node {
  std::string id;        // DESIGN.md "Node ids"; unique in a graph
  Domain domain = Domain::terraform;
  Symbol type;           // "aws_iam_role", "Deployment", "iam_policy", "var", ...
  Role role = Role::resource;
  Symbol service;        // owning service; may be empty
  Symbol application;    // what the service is part of (`app.kubernetes.io/part-of`); may be empty
  SourceSpan span;       // file relative to the scanned root; empty for external nodes
  Criticality criticality = Criticality::normal;
};

// Why an edge exists: where it was written.
struct Evidence {
  Symbol file;
  std::uint32_t line = 0;
  Symbol attribute;  // attribute path, e.g. "permissions_boundary"
  // Read from text that may not mean it (a host in a command-line flag, which a program may
  // serve rather than call): shown as weaker evidence.
  bool weak = false;
  // Strong evidence first, so that of two edges alike the builder keeps the strong one.
  std::strong_ordering operator<=>(const Evidence& other) const {
    if (const auto c = weak <=> other.weak; c != 0) return c;
    return std::tie(file, line, attribute) <=> std::tie(other.file, other.line, other.attribute);
  }
  bool operator==(const Evidence&) const = default;
};

struct Edge {
  NodeIndex source = k_no_node;  // the dependent
  NodeIndex target = k_no_node;  // what it depends on
  EdgeKind kind = EdgeKind::reference;
  Evidence evidence;
};

}  // namespace blastgraph::graph
