#include "offer_index.hpp"

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

}  // namespace

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
      if (auto key = arn_key(offer.arn); !key.empty()) m_arns[key].push_back({m, o});
      for (const auto& attribute : offer.attributes) {
        m_attributes[attribute_key(offer.type, attribute.name, attribute.value)].push_back({m, o});
      }
    }
    for (std::uint32_t s = 0; s < interface.states.size(); ++s) {
      m_backends[interface.states[s].backend].push_back({m, s});
    }
  }
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

const std::vector<OfferRef>& OfferIndex::by_backend(std::string_view backend) const {
  return find_or_none(m_backends, std::string(backend));
}

}  // namespace blastgraph::org
