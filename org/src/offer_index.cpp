#include "offer_index.hpp"

#include <algorithm>
#include <tuple>

namespace blastgraph::org {
namespace {

const std::vector<OfferRef> k_none;

std::string attribute_key(std::string_view type, std::string_view attribute,
                          std::string_view value) {
  std::string key(type);
  key += '\0';
  key += attribute;
  key += '\0';
  key += value;
  return key;
}

template <typename Map>
const std::vector<OfferRef>& find_or_none(const Map& map, const std::string& key) {
  const auto it = map.find(key);
  return it == map.end() ? k_none : it->second;
}

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

// How many characters of a resource the pattern keys hold.
constexpr std::size_t k_pattern_key_length = 4;

std::int64_t pattern_key(std::string_view service, std::string_view resource_start) {
  std::string key(service);
  key += ':';
  key += resource_start;
  return stable_hash("arn-prefix", key);
}

void sort_unique(std::vector<std::int64_t>& keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

}  // namespace

std::string_view pattern_prefix(std::string_view resource_pattern) {
  auto literal = resource_pattern.substr(
      0, std::min(resource_pattern.find_first_of("*?"), resource_pattern.size()));
  if (literal.ends_with('/')) literal.remove_suffix(1);
  return literal;
}

std::string arn_key(std::string_view arn) {
  const auto parts = graph::parse_arn(arn);
  if (!parts) return {};
  std::string key(parts->service);
  key += ':';
  key += parts->resource;
  return key;
}

OfferIndex::OfferIndex(const std::vector<Member>& members) {
  for (std::uint32_t m = 0; m < members.size(); ++m) {
    const auto& interface = *members[m].interface;
    for (std::uint32_t o = 0; o < interface.offers.size(); ++o) {
      const auto& offer = interface.offers[o];
      if (auto key = arn_key(offer.arn); !key.empty()) {
        m_arns[key].push_back({m, o});
        m_arn_order.emplace_back(std::move(key), OfferRef{m, o});
      }
      for (const auto& attribute : offer.attributes) {
        m_attributes[attribute_key(offer.type, attribute.name, attribute.value)].push_back({m, o});
      }
    }
    for (std::uint32_t s = 0; s < interface.states.size(); ++s) {
      m_backends[interface.states[s].backend].push_back({m, s});
    }
  }
  std::sort(m_arn_order.begin(), m_arn_order.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second.member, a.second.offer) <
           std::tie(b.first, b.second.member, b.second.offer);
  });
}

const std::vector<OfferRef>& OfferIndex::by_arn(std::string_view arn) const {
  const auto key = arn_key(arn);
  return key.empty() ? k_none : find_or_none(m_arns, key);
}

const std::vector<OfferRef>& OfferIndex::by_attribute(std::string_view type,
                                                      std::string_view attribute,
                                                      std::string_view value) const {
  return find_or_none(m_attributes, attribute_key(type, attribute, value));
}

std::vector<OfferRef> OfferIndex::by_arn_prefix(std::string_view service,
                                                std::string_view resource_prefix) const {
  std::string prefix(service);
  prefix += ':';
  prefix += resource_prefix;
  std::vector<OfferRef> out;
  auto it =
      std::lower_bound(m_arn_order.begin(), m_arn_order.end(), prefix,
                       [](const auto& entry, const std::string& key) { return entry.first < key; });
  for (; it != m_arn_order.end() && it->first.starts_with(prefix); ++it) out.push_back(it->second);
  return out;
}

const std::vector<OfferRef>& OfferIndex::by_backend(std::string_view backend) const {
  return find_or_none(m_backends, std::string(backend));
}

store::InterfaceKeys interface_keys(const graph::RepositoryInterface& interface) {
  store::InterfaceKeys keys;
  for (const auto& offer : interface.offers) {
    if (auto key = arn_key(offer.arn); !key.empty()) {
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
      keys.offered.push_back(
          stable_hash("attribute", attribute_key(offer.type, attribute.name, attribute.value)));
    }
  }
  for (const auto& state : interface.states) {
    keys.offered.push_back(stable_hash("state", state.backend));
  }
  for (const auto& need : interface.needs) {
    if (need.symbolic) continue;
    switch (need.kind) {
      case graph::NeedKind::arn:
        if (auto key = arn_key(need.value); !key.empty()) {
          keys.needed.push_back(stable_hash("arn", key));
        }
        break;
      case graph::NeedKind::lookup:
        // As the matcher looks a lookup up: by each value of its first argument.
        for (const auto& argument : need.arguments) {
          if (argument.name != need.arguments.front().name) break;
          keys.needed.push_back(
              stable_hash("attribute", attribute_key(need.type, argument.name, argument.value)));
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
