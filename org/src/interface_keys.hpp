#pragma once
// What a need looks an offer up by, and an offer is found by: an ARN's service and resource
// (the fields an ARN always states), a lookup's type and one attribute, a state's backend, a
// grant pattern's service and the start of its resource. A need can meet an offer only when
// one of their keys is equal; the matcher indexes by them, and the store keeps them hashed.

#include <cstddef>
#include <string>
#include <string_view>

#include "blastgraph/graph/interface.hpp"
#include "blastgraph/store/database.hpp"

namespace blastgraph::org {

// "<service>:<resource>" written into `key`: what ARNs, and patterns by their literal start,
// are keyed by.
void service_key(std::string_view service, std::string_view resource, std::string& key);

// service_key of `arn`'s fields; false (and `key` empty) for no ARN.
bool arn_key(std::string_view arn, std::string& key);

// "<type>\0<attribute>\0<value>", written into `key`.
void attribute_key(std::string_view type, std::string_view attribute, std::string_view value,
                   std::string& key);

// What a grant's resource pattern looks its candidates up by: the text before its first
// wildcard, less a last `/` (`acme-orders/*` names the objects of `acme-orders`).
[[nodiscard]] std::string_view pattern_prefix(std::string_view resource_pattern);

// How many characters of a resource the pattern keys hold: a pattern is keyed by its service
// and the first (up to) this many characters of its prefix; an offer by its service and each
// start of its resource up to this length.
inline constexpr std::size_t k_pattern_key_length = 4;

// The keys above, hashed, that `interface` offers and that its needs look up (symbolic needs
// look nothing up).
[[nodiscard]] store::InterfaceKeys interface_keys(const graph::RepositoryInterface& interface);

}  // namespace blastgraph::org
