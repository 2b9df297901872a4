#include "change/file_revisions.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "blastgraph/core/file_io.hpp"
#include "blastgraph/parsers/terraform.hpp"
#include "change/node_content.hpp"

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

struct TerraformText {
  std::vector<std::string> blocks;  // every block's normalized text, in source order
  std::vector<std::string> documentation;  // every block's documentation text, in source order
  // Settings blocks: address -> normalized texts (a file may hold several `moved` blocks).
  std::map<std::string, std::multiset<std::string>> settings;
};

TerraformText terraform_text(const std::string& path, const std::string& text) {
  TerraformText out;
  if (text.empty()) return out;
  for (const auto& block : terraform::parse_file(path, text).blocks) {
    out.blocks.push_back(block.normalized_text);
    out.documentation.push_back(block.documentation_text);
    if (is_settings(block.kind)) out.settings[block.address].insert(block.normalized_text);
  }
  return out;
}

std::vector<std::string> changed_settings(const TerraformText& base, const TerraformText& head) {
  std::set<std::string> addresses;
  for (const auto& [address, texts] : base.settings) addresses.insert(address);
  for (const auto& [address, texts] : head.settings) addresses.insert(address);
  std::vector<std::string> out;
  for (const auto& address : addresses) {
    const auto old = base.settings.find(address);
    const auto now = head.settings.find(address);
    const bool equal =
        old != base.settings.end() && now != head.settings.end() && old->second == now->second;
    if (!equal) out.push_back(address);
  }
  return out;
}

bool is_terraform(const std::string& path) {
  return path.ends_with(".tf") || path.ends_with(".tf.json");
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
  if (is_terraform(path)) {
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
