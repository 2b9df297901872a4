#include "interface_keys.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace blastgraph::org {
namespace {

// FNV-1a: a hash that is the same in every build, since keys are stored.
std::int64_t stable_hash(std::string_view kind, std::string_view key) {
  constexpr std::uint64_t k_offset = 14695981039346656037ULL;
  constexpr std::uint64_t k_prime = 1099511628211ULL;
  std::uint64_t hash = k_offset;
  const auto add = [&](unsigned char byte) {
    hash ^= byte;
    hash *= k_prime;
  };
  for (const char c : kind) add(static_cast<unsigned char>(c));
  add(0);
  for (const char c : key) add(static_cast<unsigned char>(c));
  return static_cast<std::int64_t>(hash);
}

std::int64_t pattern_key(std::string_view service, std::string_view resource_start) {
  std::string key;
  service_key(service, resource_start, key);
  return stable_hash("arn-prefix", key);
}

void sort_unique(std::vector<std::int64_t>& keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

}  // namespace

void service_key(std::string_view service, std::string_view resource, std::string& key) {
  key.assign(service);
  key += ':';
  key += resource;
}

bool arn_key(std::string_view arn, std::string& key) {
  key.clear();
  const auto parts = graph::parse_arn(arn);
  if (!parts) return false;
  service_key(parts->service, parts->resource, key);
  return true;
}

void attribute_key(std::string_view type, std::string_view attribute, std::string_view value,
                   std::string& key) {
  key.assign(type);
  key += '\0';
  key += attribute;
  key += '\0';
  key += value;
}

std::string_view pattern_prefix(std::string_view resource_pattern) {
  auto literal = resource_pattern.substr(
      0, std::min(resource_pattern.find_first_of("*?"), resource_pattern.size()));
  if (literal.ends_with('/')) literal.remove_suffix(1);
  return literal;
}

store::InterfaceKeys interface_keys(const graph::RepositoryInterface& interface) {
  store::InterfaceKeys keys;
  std::string key;
  for (const auto& offer : interface.offers) {
    if (arn_key(offer.arn, key)) {
      keys.offered.push_back(stable_hash("arn", key));
      // What a grant's pattern looks it up by: the service and each of the first few
      // characters of the resource (a pattern's literal part, cut as long).
      const auto resource = std::string_view(key).substr(key.find(':') + 1);
      const auto service = std::string_view(key).substr(0, key.find(':'));
      for (std::size_t length = 0; length <= std::min(resource.size(), k_pattern_key_length);
           ++length) {
        keys.offered.push_back(pattern_key(service, resource.substr(0, length)));
      }
    }
    for (const auto& attribute : offer.attributes) {
      attribute_key(offer.type, attribute.name, attribute.value, key);
      keys.offered.push_back(stable_hash("attribute", key));
    }
  }
  for (const auto& state : interface.states) {
    keys.offered.push_back(stable_hash("state", state.backend));
  }
  for (const auto& need : interface.needs) {
    if (need.symbolic) continue;
    switch (need.kind) {
      case graph::NeedKind::arn:
        if (arn_key(need.value, key)) {
          keys.needed.push_back(stable_hash("arn", key));
        }
        break;
      case graph::NeedKind::lookup:
        // As the matcher looks a lookup up: by each value of its first argument.
        for (const auto& argument : need.arguments) {
          if (argument.name != need.arguments.front().name) break;
          attribute_key(need.type, argument.name, argument.value, key);
          keys.needed.push_back(stable_hash("attribute", key));
        }
        break;
      case graph::NeedKind::remote_state:
        keys.needed.push_back(stable_hash("state", need.type));
        break;
      case graph::NeedKind::arn_pattern:
        if (const auto parts = graph::parse_arn(need.value)) {
          keys.needed.push_back(pattern_key(
              parts->service, pattern_prefix(parts->resource).substr(0, k_pattern_key_length)));
        }
        break;
    }
  }
  sort_unique(keys.offered);
  sort_unique(keys.needed);
  return keys;
}

}  // namespace blastgraph::org
