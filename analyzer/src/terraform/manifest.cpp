#include "terraform/manifest.hpp"

#include <nlohmann/json.hpp>

#include "terraform/module_tree.hpp"

namespace blastgraph::analyzer::terraform_link {
namespace {

constexpr std::string_view k_manifest_suffix = "/.terraform/modules/modules.json";

// "envs/staging/.terraform/modules/modules.json" -> "envs/staging";
// ".terraform/modules/modules.json" -> ".".
std::string root_of(const std::string& manifest) {
  if (manifest.size() > k_manifest_suffix.size() && manifest.ends_with(k_manifest_suffix)) {
    return manifest.substr(0, manifest.size() - k_manifest_suffix.size());
  }
  return ".";
}

void read_entries(const nlohmann::json& doc, const std::string& manifest, const std::string& root,
                  ModuleManifests& out, std::vector<Diagnostic>& diagnostics) {
  const auto modules = doc.find("Modules");
  if (modules == doc.end() || !modules->is_array()) {
    diagnostics.push_back({manifest, {}, Severity::warning, "tf-module-manifest",
                           "no \"Modules\" array; installed modules are not expanded"});
    return;
  }
  for (const auto& entry : *modules) {
    if (!entry.is_object()) continue;
    const auto key = entry.value("Key", std::string());
    const auto dir = entry.value("Dir", std::string());
    if (key.empty() || dir.empty()) continue;  // the root itself
    auto joined = join_relative(root, dir);
    if (!joined) {
      diagnostics.push_back({manifest, {}, Severity::error, "tf-module-escape",
                             "installed module " + key + " is outside the scanned root (" + dir +
                                 "); not followed"});
      continue;
    }
    out.by_root[root][key] = *joined;
    out.installed_dirs.insert(*joined);
  }
}

}  // namespace

std::string ModuleManifests::find(const std::string& root, const std::string& key) const {
  auto r = by_root.find(root);
  if (r == by_root.end()) return {};
  auto k = r->second.find(key);
  return k == r->second.end() ? std::string() : k->second;
}

ModuleManifests read_module_manifests(const std::filesystem::path& root,
                                      const std::vector<std::string>& manifests,
                                      const LoadOptions& options,
                                      std::vector<Diagnostic>& diagnostics) {
  ModuleManifests out;
  for (const auto& manifest : manifests) {
    auto text = read_file(root / manifest, options.max_file_bytes);
    if (!text) {
      diagnostics.push_back({manifest, {}, Severity::warning, "file-unreadable", text.error().message});
      continue;
    }
    auto doc = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) {
      diagnostics.push_back({manifest, {}, Severity::warning, "tf-module-manifest",
                             "not valid JSON; installed modules are not expanded"});
      continue;
    }
    read_entries(doc, manifest, root_of(manifest), out, diagnostics);
  }
  return out;
}

}  // namespace blastgraph::analyzer::terraform_link
