// A PodSpec's references: ConfigMaps and Secrets through env, envFrom, volumes and
// imagePullSecrets; PVCs; the ServiceAccount; the PriorityClass. Env values are collected as
// address sites.

#include <algorithm>
#include <array>

#include "kubernetes/extract.hpp"

namespace blastgraph::kubernetes::detail {
namespace {

constexpr std::array<std::string_view, 3> k_container_lists{"initContainers", "containers",
                                                            "ephemeralContainers"};

void extract_env(Extraction& x, yaml::Node env, const std::string& path) {
  for (std::size_t i = 0; i < env.size() && env.is_sequence(); ++i) {
    yaml::Node var = env.item(i);
    std::string var_path = path + ".env" + item_label(var, i);
    x.add_address(var.find("value"), text_of(var.find("name")), var_path + ".value");
    yaml::Node from = var.find("valueFrom");
    if (yaml::Node ref = from.find("configMapKeyRef")) {
      x.add_ref("ConfigMap", ref.find("name"), RefVia::env_value_from,
                var_path + ".valueFrom.configMapKeyRef", {}, is_optional(ref));
    }
    if (yaml::Node ref = from.find("secretKeyRef")) {
      x.add_ref("Secret", ref.find("name"), RefVia::env_value_from,
                var_path + ".valueFrom.secretKeyRef", {}, is_optional(ref));
    }
  }
}

void extract_env_from(Extraction& x, yaml::Node env_from, const std::string& path) {
  for (std::size_t i = 0; i < env_from.size() && env_from.is_sequence(); ++i) {
    yaml::Node source = env_from.item(i);
    std::string source_path = path + ".envFrom[" + std::to_string(i) + "]";
    if (yaml::Node ref = source.find("configMapRef")) {
      x.add_ref("ConfigMap", ref.find("name"), RefVia::env_from, source_path + ".configMapRef", {},
                is_optional(ref));
    }
    if (yaml::Node ref = source.find("secretRef")) {
      x.add_ref("Secret", ref.find("name"), RefVia::env_from, source_path + ".secretRef", {},
                is_optional(ref));
    }
  }
}

// The flag a command-line item belongs to: `--addr=x` -> "addr"; `x` after `--addr` -> "addr".
std::string flag_of(std::string_view item, std::string_view previous) {
  auto name = [](std::string_view flag) {
    flag.remove_prefix(std::min(flag.find_first_not_of('-'), flag.size()));
    return std::string(flag.substr(0, flag.find('=')));
  };
  if (item.starts_with('-') && item.find('=') != std::string_view::npos) return name(item);
  if (previous.starts_with('-') && previous.find('=') == std::string_view::npos &&
      !item.starts_with('-')) {
    return name(previous);
  }
  return {};
}

// `command` and `args` items, each an address site keyed by its flag.
void extract_command_line(Extraction& x, yaml::Node container, const std::string& path) {
  for (std::string_view field : {"command", "args"}) {
    yaml::Node items = container.find(field);
    std::string_view previous;
    for (std::size_t i = 0; i < items.size() && items.is_sequence(); ++i) {
      yaml::Node item = items.item(i);
      if (!item.is_text()) continue;
      x.add_address(item, flag_of(item.scalar(), previous),
                    path + "." + std::string(field) + "[" + std::to_string(i) + "]",
                    AddressSite::Via::command_line);
      previous = item.scalar();
    }
  }
}

void extract_containers(Extraction& x, yaml::Node spec, const std::string& path) {
  for (std::string_view list : k_container_lists) {
    yaml::Node containers = spec.find(list);
    for (std::size_t i = 0; i < containers.size() && containers.is_sequence(); ++i) {
      yaml::Node container = containers.item(i);
      std::string container_path = path + "." + std::string(list) + item_label(container, i);
      if (const yaml::Node image = container.find("image"); image.is_text()) {
        x.object().images.emplace_back(image.scalar());
      }
      extract_env(x, container.find("env"), container_path);
      extract_command_line(x, container, container_path);
      extract_env_from(x, container.find("envFrom"), container_path);
    }
  }
}

void extract_projected(Extraction& x, yaml::Node projected, const std::string& path) {
  yaml::Node sources = projected.find("sources");
  for (std::size_t i = 0; i < sources.size() && sources.is_sequence(); ++i) {
    yaml::Node source = sources.item(i);
    std::string source_path = path + ".projected.sources[" + std::to_string(i) + "]";
    if (yaml::Node ref = source.find("configMap")) {
      x.add_ref("ConfigMap", ref.find("name"), RefVia::projected_volume, source_path + ".configMap",
                {}, is_optional(ref));
    }
    if (yaml::Node ref = source.find("secret")) {
      x.add_ref("Secret", ref.find("name"), RefVia::projected_volume, source_path + ".secret", {},
                is_optional(ref));
    }
  }
}

void extract_volume(Extraction& x, yaml::Node volume, const std::string& path) {
  if (yaml::Node ref = volume.find("configMap")) {
    x.add_ref("ConfigMap", ref.find("name"), RefVia::volume, path + ".configMap", {},
              is_optional(ref));
  }
  if (yaml::Node ref = volume.find("secret")) {
    x.add_ref("Secret", ref.find("secretName"), RefVia::volume, path + ".secret", {},
              is_optional(ref));
  }
  if (yaml::Node ref = volume.find("persistentVolumeClaim")) {
    x.add_ref("PersistentVolumeClaim", ref.find("claimName"), RefVia::volume,
              path + ".persistentVolumeClaim");
  }
  if (yaml::Node ref = volume.find("csi").find("nodePublishSecretRef")) {
    x.add_ref("Secret", ref.find("name"), RefVia::volume, path + ".csi.nodePublishSecretRef");
  }
  if (yaml::Node projected = volume.find("projected")) extract_projected(x, projected, path);
  yaml::Node claim_spec = volume.find("ephemeral").find("volumeClaimTemplate").find("spec");
  x.add_ref("StorageClass", claim_spec.find("storageClassName"), RefVia::storage_class,
            path + ".ephemeral.volumeClaimTemplate.spec.storageClassName");
}

void extract_service_account(Extraction& x, yaml::Node spec, const std::string& path) {
  // `serviceAccount` is the deprecated spelling; the API server still honours it.
  for (std::string_view field : {"serviceAccountName", "serviceAccount"}) {
    yaml::Node name = spec.find(field);
    if (name.is_text()) {
      x.add_ref("ServiceAccount", name, RefVia::service_account, path + "." + std::string(field));
      return;
    }
  }
  x.add_implicit_ref("ServiceAccount", "default", RefVia::service_account,
                     path + ".serviceAccountName", spec.position());
}

}  // namespace

void extract_pod_spec(Extraction& x, yaml::Node spec, const std::string& path) {
  extract_containers(x, spec, path);
  yaml::Node volumes = spec.find("volumes");
  for (std::size_t i = 0; i < volumes.size() && volumes.is_sequence(); ++i) {
    extract_volume(x, volumes.item(i), path + ".volumes" + item_label(volumes.item(i), i));
  }
  yaml::Node pull_secrets = spec.find("imagePullSecrets");
  for (std::size_t i = 0; i < pull_secrets.size() && pull_secrets.is_sequence(); ++i) {
    yaml::Node item = pull_secrets.item(i);
    x.add_ref("Secret", item.find("name"), RefVia::image_pull_secret,
              path + ".imagePullSecrets" + item_label(item, i));
  }
  extract_service_account(x, spec, path);
  x.add_ref("PriorityClass", spec.find("priorityClassName"), RefVia::priority_class,
            path + ".priorityClassName");
}

}  // namespace blastgraph::kubernetes::detail
