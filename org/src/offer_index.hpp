#pragma once
// Every member's offers, indexed so that a need visits only the offers it could name: ARNs by
// service and resource (the fields an ARN always states), lookups by type and one attribute,
// states by backend.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "blastgraph/store/database.hpp"
#include "members.hpp"

namespace blastgraph::org {

struct OfferRef {
  std::uint32_t member = 0;
  std::uint32_t offer = 0;  // position in the member's offers (or states)
};

class OfferIndex {
 public:
  explicit OfferIndex(const std::vector<Member>& members);

  // Offers whose ARN has the service and resource of `arn`; empty when `arn` is not an ARN.
  [[nodiscard]] const std::vector<OfferRef>& by_arn(std::string_view arn) const;
  // Offers of `type` with `attribute` = `value`.
  [[nodiscard]] const std::vector<OfferRef>& by_attribute(std::string_view type,
                                                          std::string_view attribute,
                                                          std::string_view value) const;
  // Offers whose ARN's "<service>:<resource>" starts with `service` ":" `resource_prefix`, in
  // that order: the candidates of a grant's pattern whose resource starts with that literal.
  [[nodiscard]] std::vector<OfferRef> by_arn_prefix(std::string_view service,
                                                    std::string_view resource_prefix) const;
  // States kept with `backend`.
  [[nodiscard]] const std::vector<OfferRef>& by_backend(std::string_view backend) const;

 private:
  std::unordered_map<std::string, std::vector<OfferRef>> m_arns;
  std::vector<std::pair<std::string, OfferRef>> m_arn_order;  // by arn_key, for prefixes
  std::unordered_map<std::string, std::vector<OfferRef>> m_attributes;
  std::unordered_map<std::string, std::vector<OfferRef>> m_backends;
};

// The key by_arn looks `arn` up under: "<service>:<resource>"; empty for no ARN.
[[nodiscard]] std::string arn_key(std::string_view arn);

// What a grant's resource pattern looks its candidates up by in by_arn_prefix: the text before
// its first wildcard, less a last `/` (`acme-orders/*` names the objects of `acme-orders`).
[[nodiscard]] std::string_view pattern_prefix(std::string_view resource_pattern);

// The keys of the index above, hashed, that `interface` offers and that its needs look up
// (symbolic needs look nothing up): a need can meet an offer only when their keys are equal.
[[nodiscard]] store::InterfaceKeys interface_keys(const graph::RepositoryInterface& interface);

}  // namespace blastgraph::org
