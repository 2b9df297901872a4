// Reading the policy file: YAML text -> Config plus `config-*` diagnostics.
#include <algorithm>
#include <array>

#include "blastgraph/analyzer/config.hpp"
#include "blastgraph/core/file_io.hpp"
#include "blastgraph/parsers/yaml.hpp"
#include "config/sections.hpp"

namespace blastgraph::analyzer {
namespace {

constexpr std::array<std::string_view, 8> k_top_keys{
    "version", "services", "criticality", "score", "approvals", "scope", "kubernetes", "accounts"};

// The loader's own problems, renamed into the config-* family so every problem of a policy
// file is found by one prefix (`yaml-syntax` -> `config-yaml-syntax`).
void forward_loader_diagnostics(std::vector<Diagnostic>& from, std::string_view file,
                                std::vector<Diagnostic>& out) {
  for (auto& d : from) {
    d.file = std::string(file);
    d.code = "config-" + d.code;
    out.push_back(std::move(d));
  }
}

void read_document(config::Reader& reader, const yaml::Node& root, Config& config) {
  if (root.is_scalar() && root.is_null()) return;  // an empty file: the defaults
  if (!reader.expect_mapping(root, "the policy file")) return;
  reader.check_keys(root, k_top_keys, "the policy file");
  if (const auto version = root.find("version")) {
    if (auto text = reader.read_string(version, "version")) config.version = *text;
  }
  if (const auto node = root.find("services")) config::read_service_rules(reader, node, config.services);
  if (const auto node = root.find("criticality")) {
    config::read_criticality_rules(reader, node, config.criticality);
  }
  if (const auto node = root.find("score")) config::read_score(reader, node, config.score);
  if (const auto node = root.find("approvals")) config::read_approvals(reader, node, config.score);
  if (const auto node = root.find("scope")) config::read_scope_rules(reader, node, config.scope);
  if (const auto node = root.find("kubernetes")) {
    config::read_kubernetes(reader, node, config.kubernetes);
  }
  if (const auto node = root.find("accounts")) config::read_accounts(reader, node, config.accounts);
}

}  // namespace

bool LoadedConfig::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

LoadedConfig parse_config(std::string_view text, std::string_view file) {
  LoadedConfig loaded;
  loaded.config.file = std::string(file);
  auto stream = yaml::load(file, text);
  forward_loader_diagnostics(stream.diagnostics, file, loaded.diagnostics);
  config::Reader reader(std::string(file), loaded.diagnostics);
  if (!stream.documents.empty()) read_document(reader, stream.documents.front().root, loaded.config);
  if (stream.documents.size() > 1) {
    reader.error(stream.documents[1].root, "config-documents",
                 "a policy file holds one YAML document; the ones after the first are ignored");
  }
  sort_diagnostics(loaded.diagnostics);
  return loaded;
}

Result<LoadedConfig> load_config(const std::filesystem::path& file) {
  auto text = read_file(file);
  if (!text) return Error{"policy file: " + text.error().message};
  return parse_config(*text, file.string());
}

LoadOptions load_options(const Config& config) {
  LoadOptions options;
  options.service_rules = config.services;
  options.criticality_rules = config.criticality;
  options.default_namespace = config.kubernetes.default_namespace;
  options.service_labels = config.kubernetes.labels;
  options.root_accounts = config.accounts;
  return options;
}

Result<LoadedConfig> find_config(const std::filesystem::path& root) {
  const auto file = root / k_config_file_name;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return LoadedConfig{};
  return load_config(file);
}

}  // namespace blastgraph::analyzer
