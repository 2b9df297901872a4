#pragma once
// Generated Kubernetes YAML that looks like a real app repository: per service a ConfigMap
// with addresses of other services, a Deployment with env, envFrom, volumes and probes, and a
// Service.

#include <cstddef>
#include <string>

namespace blastgraph::bench {

struct ManifestInput {
  std::string text;
  std::size_t objects = 0;     // what parse_manifests must find
  std::size_t references = 0;  // ObjectRefs across all objects
};

// At least `min_bytes` of YAML, deterministic for a given size.
[[nodiscard]] ManifestInput generate_manifests(std::size_t min_bytes);

}  // namespace blastgraph::bench
