#pragma once
// Which Terraform roots a file of a configuration directory could affect: the coverage rule
// raises a change's tier for an unread file only when the unread part could touch it
// (README "Coverage").

#include <map>
#include <set>
#include <string>

#include "terraform/instances.hpp"

namespace blastgraph::analyzer {

// For every configuration directory of `forest`, the roots a change in which its files could
// touch: each root whose instances use the directory (the root itself, or a local module it
// calls at any depth), and each root that reads one of those roots' state through a
// `data "terraform_remote_state"` whose backend and config are statically known (a `local`
// backend's `path`, or the same backend type with equal settings as a root's
// `terraform { backend ... }` block). A read that cannot be resolved statically links
// nothing: the reader's own files still count for its changes.
[[nodiscard]] std::map<std::string, std::set<std::string>> terraform_roots_by_dir(
    const terraform_link::InstanceForest& forest);

}  // namespace blastgraph::analyzer
