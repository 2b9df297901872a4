#pragma once
// Whether a block exists in a module instance. `count = var.create ? 1 : 0` and
// `for_each = var.enabled ? var.rules : {}` switch blocks off per instance; a block that is
// off has no node there, so what depends on it there is not reached through it. Decided
// statically and only when certain: a root's variables may be set by whoever runs it, so they
// never switch anything off (evaluate_on_every_run).

#include "terraform/instances.hpp"

namespace blastgraph::analyzer::terraform_link {

// True when `collection` (a for_each, a dynamic block's included) is an empty list, set or
// map on every run of the root.
[[nodiscard]] bool always_empty(const Instance& instance, const terraform::Value& collection);

// False when `block`'s count is known to be 0 or its for_each known to be empty in
// `instance`; true otherwise, including whenever either is unknown.
[[nodiscard]] bool block_exists(const Instance& instance, const terraform::Block& block);

// False when the module call that made `instance`, or one that made an instance above it,
// does not exist in its caller.
[[nodiscard]] bool instance_exists(const Instance& instance);

}  // namespace blastgraph::analyzer::terraform_link
