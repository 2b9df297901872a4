#include "change/replacement.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>

#include "change/node_content.hpp"

namespace blastgraph::analyzer::replacement {
namespace {

struct Entry {
  std::string_view type;
  std::string_view path;
  auto operator<=>(const Entry&) const = default;
};

constexpr Entry k_force_new[] = {
#include "terraform/force_new.inc"
};

using Attributes = std::map<std::string, terraform::Value>;

void compare_attributes(const Attributes& old, const Attributes& now, const std::string& prefix,
                        std::set<std::string>& out) {
  for (const auto& [name, value] : old) {
    const auto found = now.find(name);
    if (found == now.end() || content::fold_whitespace(found->second.expression) !=
                                  content::fold_whitespace(value.expression)) {
      out.insert(prefix + name);
    }
  }
  for (const auto& [name, value] : now) {
    if (!old.contains(name)) out.insert(prefix + name);
  }
}

void every_path(const terraform::NestedBlock& block, const std::string& prefix,
                std::set<std::string>& out) {
  const auto path = prefix + block.type;
  out.insert(path);
  for (const auto& [name, value] : block.attributes) out.insert(path + "." + name);
  for (const auto& child : block.blocks) every_path(child, path + ".", out);
}

void compare_blocks(const std::vector<terraform::NestedBlock>& old,
                    const std::vector<terraform::NestedBlock>& now, const std::string& prefix,
                    std::set<std::string>& out) {
  std::map<std::string, std::vector<const terraform::NestedBlock*>> before;
  std::map<std::string, std::vector<const terraform::NestedBlock*>> after;
  for (const auto& block : old) before[block.type].push_back(&block);
  for (const auto& block : now) after[block.type].push_back(&block);
  std::set<std::string> types;
  for (const auto& [type, blocks] : before) types.insert(type);
  for (const auto& [type, blocks] : after) types.insert(type);
  for (const auto& type : types) {
    const auto& a = before[type];
    const auto& b = after[type];
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
      if (i >= a.size()) {
        every_path(*b[i], prefix, out);
      } else if (i >= b.size()) {
        every_path(*a[i], prefix, out);
      } else {
        const auto path = prefix + type + ".";
        compare_attributes(a[i]->attributes, b[i]->attributes, path, out);
        compare_blocks(a[i]->blocks, b[i]->blocks, path, out);
      }
    }
  }
}

}  // namespace

bool forces_replacement(std::string_view type, std::string_view path) {
  return std::binary_search(std::begin(k_force_new), std::end(k_force_new), Entry{type, path});
}

std::vector<std::string> changed_paths(const terraform::Block& base, const terraform::Block& head) {
  std::set<std::string> out;
  compare_attributes(base.attributes, head.attributes, "", out);
  compare_blocks(base.blocks, head.blocks, "", out);
  return {out.begin(), out.end()};
}

namespace {

// Argument and nested block names that place a resource on the network or open it, in any
// provider. A path matches when one of its segments is one of these.
constexpr std::array<std::string_view, 27> k_network_names{
    "associate_public_ip_address", "cidr_blocks", "egress", "endpoint_public_access",
    "ingress", "ip_configuration", "ipv6_cidr_blocks", "network", "network_configuration",
    "network_interface", "network_interfaces", "network_security_group_id", "private_ip",
    "public_access_cidrs", "public_ip_address_id", "publicly_accessible", "security_group_ids",
    "security_group_names", "security_groups", "source_security_group_id", "subnet_id",
    "subnet_ids", "subnets", "subnetwork", "vpc_config", "vpc_id", "vpc_security_group_ids",
};

bool is_network_path(std::string_view path) {
  while (!path.empty()) {
    const auto dot = path.find('.');
    const auto segment = path.substr(0, dot);
    if (std::binary_search(k_network_names.begin(), k_network_names.end(), segment)) return true;
    if (dot == std::string_view::npos) break;
    path.remove_prefix(dot + 1);
  }
  return false;
}

}  // namespace

std::vector<std::string> network_paths(const terraform::Block& base,
                                       const terraform::Block& head) {
  std::vector<std::string> out;
  for (const auto& path : changed_paths(base, head)) {
    if (is_network_path(path)) out.push_back(path);
  }
  return out;
}

std::vector<std::string> replacing_paths(const terraform::Block& base,
                                         const terraform::Block& head) {
  std::vector<std::string> out;
  for (const auto& path : changed_paths(base, head)) {
    if (forces_replacement(head.type, path)) out.push_back(path);
  }
  return out;
}

}  // namespace blastgraph::analyzer::replacement
