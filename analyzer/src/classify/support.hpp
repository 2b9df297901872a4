#pragma once
// Which resource types blastgraph has rules for. A resource of any other type is still a node
// and still linked by the references written in it, but nothing is inferred about it (no
// selectors, no identity, no class): the report counts such types under coverage, so a reader
// knows where the radius rests on explicit references alone.

#include <string_view>

#include "blastgraph/graph/model.hpp"

namespace blastgraph::analyzer {

// Built-in Kubernetes kinds the linker reads (custom resources are not).
[[nodiscard]] bool is_supported_kind(std::string_view kind);

// Terraform types of the providers whose resources are classed and linked (aws, google,
// azurerm, azuread, kubernetes, helm and the utility providers: random, null, tls, ...).
[[nodiscard]] bool is_supported_terraform_type(std::string_view type);

// True when `node` is a resource of a type with no rules (always false for other roles).
[[nodiscard]] bool is_unsupported_resource(const graph::Node& node);

}  // namespace blastgraph::analyzer
