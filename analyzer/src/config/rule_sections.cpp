// The rule lists of the policy file: services, criticality, scope.
#include <array>

#include "config/sections.hpp"

namespace blastgraph::analyzer::config {
namespace {

constexpr std::array<std::string_view, 3> k_service_keys{"service", "paths", "ids"};
constexpr std::array<std::string_view, 4> k_criticality_keys{"types", "ids", "applications",
                                                             "class"};
constexpr std::array<std::string_view, 6> k_scope_keys{"name",         "change_sources", "types",
                                                       "ids",          "applications",   "message"};

// Calls `read_one` on every item of a list section; a non-list is one error.
template <typename ReadOne>
void for_each_entry(Reader& reader, const yaml::Node& node, std::string_view section,
                    ReadOne read_one) {
  if (node.is_scalar() && node.is_null()) return;  // `services:` with nothing under it
  if (!node.is_sequence()) {
    reader.error(node, "config-type", std::string(section) + " must be a list of rules");
    return;
  }
  for (std::size_t i = 0; i < node.size(); ++i) {
    const auto entry = node.item(i);
    if (!reader.expect_mapping(entry, "a rule of " + std::string(section))) continue;
    read_one(entry);
  }
}

// Reads an optional glob list into `out`; absent leaves it empty.
void read_optional_globs(Reader& reader, const yaml::Node& entry, std::string_view key,
                         GlobKind kind, std::vector<std::string>& out) {
  const auto node = entry.find(key);
  if (!node) return;
  if (auto globs = reader.read_globs(node, key, kind)) out = std::move(*globs);
}

}  // namespace

void read_service_rules(Reader& reader, const yaml::Node& node, std::vector<ServiceRule>& out) {
  for_each_entry(reader, node, "services", [&](const yaml::Node& entry) {
    const auto before = reader.errors();
    reader.check_keys(entry, k_service_keys, "a services rule");
    ServiceRule rule;
    rule.position = entry.position();
    if (const auto name = entry.find("service")) {
      if (auto text = reader.read_string(name, "service")) rule.service = *text;
    } else {
      reader.error(entry, "config-rule", "a services rule needs 'service', the service's name");
    }
    read_optional_globs(reader, entry, "paths", GlobKind::path, rule.paths);
    read_optional_globs(reader, entry, "ids", GlobKind::id, rule.ids);
    if (reader.errors() != before) return;
    if (rule.paths.empty() && rule.ids.empty()) {
      reader.error(entry, "config-rule",
                   "services rule '" + rule.service + "' needs 'paths' or 'ids' to match anything");
      return;
    }
    out.push_back(std::move(rule));
  });
}

void read_criticality_rules(Reader& reader, const yaml::Node& node,
                            std::vector<CriticalityRule>& out) {
  for_each_entry(reader, node, "criticality", [&](const yaml::Node& entry) {
    const auto before = reader.errors();
    reader.check_keys(entry, k_criticality_keys, "a criticality rule");
    CriticalityRule rule;
    rule.position = entry.position();
    if (const auto klass = entry.find("class")) {
      if (auto parsed = reader.read_class(klass)) rule.criticality = *parsed;
    } else {
      reader.error(entry, "config-rule", "a criticality rule needs 'class'");
    }
    read_optional_globs(reader, entry, "types", GlobKind::type, rule.types);
    read_optional_globs(reader, entry, "ids", GlobKind::id, rule.ids);
    read_optional_globs(reader, entry, "applications", GlobKind::name, rule.applications);
    if (reader.errors() != before) return;
    if (rule.types.empty() && rule.ids.empty() && rule.applications.empty()) {
      reader.error(entry, "config-rule",
                   "a criticality rule needs 'types', 'ids' or 'applications' to match anything");
      return;
    }
    out.push_back(std::move(rule));
  });
}

void read_scope_rules(Reader& reader, const yaml::Node& node, std::vector<ScopeRule>& out) {
  for_each_entry(reader, node, "scope", [&](const yaml::Node& entry) {
    const auto before = reader.errors();
    reader.check_keys(entry, k_scope_keys, "a scope rule");
    ScopeRule rule;
    rule.position = entry.position();
    if (const auto name = entry.find("name")) {
      if (auto text = reader.read_string(name, "name")) rule.name = *text;
    } else {
      reader.error(entry, "config-rule", "a scope rule needs 'name', shown in the verdict");
    }
    // NOTE: a rule without change_sources binds every source; README "Policy file".
    rule.change_sources = {"*"};
    if (const auto sources = entry.find("change_sources")) {
      if (auto names = reader.read_strings(sources, "change_sources")) rule.change_sources = *names;
    }
    read_optional_globs(reader, entry, "types", GlobKind::type, rule.types);
    read_optional_globs(reader, entry, "ids", GlobKind::id, rule.ids);
    read_optional_globs(reader, entry, "applications", GlobKind::name, rule.applications);
    if (const auto message = entry.find("message")) {
      if (auto text = reader.read_string(message, "message")) rule.message = *text;
    }
    if (reader.errors() != before) return;
    if (rule.types.empty() && rule.ids.empty() && rule.applications.empty()) {
      reader.error(entry, "config-rule", "scope rule '" + rule.name +
                                             "' needs 'types', 'ids' or 'applications' to match "
                                             "anything");
      return;
    }
    out.push_back(std::move(rule));
  });
}

}  // namespace blastgraph::analyzer::config
