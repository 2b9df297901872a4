#include "change/file_revisions.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "blastgraph/core/file_io.hpp"
#include "blastgraph/parsers/terraform.hpp"
#include "change/addresses.hpp"
#include "change/node_content.hpp"
#include "workspace/discover.hpp"

namespace blastgraph::analyzer::revisions {
namespace {

using terraform::BlockKind;

bool is_settings(BlockKind kind) {
  return kind == BlockKind::terraform || kind == BlockKind::provider || kind == BlockKind::moved ||
         kind == BlockKind::removed || kind == BlockKind::import;
}

std::string text_at(const std::filesystem::path& root, const std::string& path,
                    std::size_t max_bytes) {
  auto text = read_file(root / path, max_bytes);
  return text ? std::move(*text) : std::string();
}

// A settings block as compared: its normalized text, and what it names.
struct Settings {
  std::string text;
  std::map<std::string, std::string> required_providers;  // terraform: name -> expression
  std::string rest;  // terraform: its attributes and nested blocks but required_providers
  std::vector<std::string> addresses;  // moved/removed/import
  bool operator<(const Settings& other) const { return text < other.text; }
};

struct TerraformText {
  std::vector<std::string> blocks;         // every block's normalized text, in source order
  std::vector<std::string> documentation;  // every block's documentation text, in source order
  // Settings blocks by address (a file may hold several `moved` blocks), ordered by text.
  std::map<std::string, std::multiset<Settings>> settings;
};

void append_attributes(const std::map<std::string, terraform::Value>& attributes,
                       std::string& out) {
  for (const auto& [name, value] : attributes)
    out += name + "=" + content::fold_whitespace(value.expression) + ";";
}

void append_block(const terraform::NestedBlock& nested, std::string& out) {
  out += nested.type + "{";
  append_attributes(nested.attributes, out);
  for (const auto& child : nested.blocks) append_block(child, out);
  out += "}";
}

Settings settings_of(const terraform::Block& block) {
  Settings out{block.normalized_text, {}, {}, {}};
  if (block.kind == BlockKind::terraform) {
    // Everything but required_providers' entries, which are compared one by one.
    append_attributes(block.attributes, out.rest);
    for (const auto& nested : block.blocks) {
      if (nested.type != "required_providers") {
        append_block(nested, out.rest);
        continue;
      }
      for (const auto& [name, value] : nested.attributes) {
        out.required_providers[name] = content::fold_whitespace(value.expression);
      }
    }
  }
  for (const auto* address : {&block.moved_from, &block.moved_to}) {
    if (!address->empty()) out.addresses.push_back(addresses::strip_instance_keys(*address));
  }
  return out;
}

TerraformText terraform_text(const std::string& path, const std::string& text) {
  TerraformText out;
  if (text.empty()) return out;
  for (const auto& block : terraform::parse_file(path, text).blocks) {
    out.blocks.push_back(block.normalized_text);
    out.documentation.push_back(block.documentation_text);
    if (is_settings(block.kind)) out.settings[block.address].insert(settings_of(block));
  }
  return out;
}

// The providers whose required_providers entry differs between the two sets of terraform
// blocks, or nullopt when anything else in them differs too.
std::optional<std::vector<std::string>> changed_providers(const std::multiset<Settings>& old,
                                                          const std::multiset<Settings>& now) {
  std::map<std::string, std::string> before;
  std::map<std::string, std::string> after;
  std::multiset<std::string> old_rest;
  std::multiset<std::string> new_rest;
  for (const auto& s : old) {
    before.insert(s.required_providers.begin(), s.required_providers.end());
    old_rest.insert(s.rest);
  }
  for (const auto& s : now) {
    after.insert(s.required_providers.begin(), s.required_providers.end());
    new_rest.insert(s.rest);
  }
  if (old_rest != new_rest) return std::nullopt;
  std::set<std::string> names;
  for (const auto& [name, expression] : before) names.insert(name);
  for (const auto& [name, expression] : after) names.insert(name);
  std::vector<std::string> out;
  for (const auto& name : names) {
    const auto a = before.find(name);
    const auto b = after.find(name);
    if (a == before.end() || b == after.end() || a->second != b->second) out.push_back(name);
  }
  return out;
}

// The addresses named by the blocks in one set and not the other.
std::vector<std::string> changed_addresses(const std::multiset<Settings>& old,
                                           const std::multiset<Settings>& now) {
  std::vector<Settings> only;
  std::set_symmetric_difference(old.begin(), old.end(), now.begin(), now.end(),
                                std::back_inserter(only));
  std::set<std::string> addresses;
  for (const auto& s : only) addresses.insert(s.addresses.begin(), s.addresses.end());
  return {addresses.begin(), addresses.end()};
}

std::vector<SettingsChange> changed_settings(const TerraformText& base, const TerraformText& head) {
  static const std::multiset<Settings> k_none;
  std::set<std::string> names;
  for (const auto& [address, blocks] : base.settings) names.insert(address);
  for (const auto& [address, blocks] : head.settings) names.insert(address);
  std::vector<SettingsChange> out;
  for (const auto& address : names) {
    const auto old = base.settings.find(address);
    const auto now = head.settings.find(address);
    const auto& before = old == base.settings.end() ? k_none : old->second;
    const auto& after = now == head.settings.end() ? k_none : now->second;
    if (before.size() == after.size() &&
        std::equal(before.begin(), before.end(), after.begin(),
                   [](const Settings& a, const Settings& b) { return a.text == b.text; })) {
      continue;
    }
    SettingsChange change{address, {}, {}};
    if (address == "terraform") {
      if (auto providers = changed_providers(before, after))
        change.providers = std::move(*providers);
    } else if (address.starts_with("provider.")) {
      const auto name = address.substr(9);
      change.providers.push_back(name.substr(0, name.find('.')));
    } else {
      change.addresses = changed_addresses(before, after);
    }
    out.push_back(std::move(change));
  }
  return out;
}

bool is_document(const std::string& path) {
  return path.ends_with(".yaml") || path.ends_with(".yml") || path.ends_with(".json");
}

}  // namespace

FileRevisions compare_file(const std::filesystem::path& base_root,
                           const std::filesystem::path& head_root, const std::string& path,
                           std::size_t max_bytes) {
  FileRevisions out;
  const auto base = text_at(base_root, path, max_bytes);
  const auto head = text_at(head_root, path, max_bytes);
  if (is_terraform_file(path)) {
    const auto old = terraform_text(path, base);
    const auto now = terraform_text(path, head);
    out.settings = changed_settings(old, now);
    out.changes_content = old.blocks != now.blocks;
    out.changes_documentation = old.documentation != now.documentation;
  } else if (is_document(path) && !base.empty() && !head.empty()) {
    out.changes_content =
        content::document_content(path, base) != content::document_content(path, head);
  }
  return out;
}

}  // namespace blastgraph::analyzer::revisions
