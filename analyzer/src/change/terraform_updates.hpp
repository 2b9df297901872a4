#pragma once
// What a Terraform block's update means, as Terraform would plan it (--git): an input whose
// default changed, instances added or removed (instance_keys.hpp), arguments that force a
// replacement (replacement.hpp), or an opt-in change.
//
// Opt-in changes: a module change that does nothing for a caller who keeps the module's
// defaults (a new argument that is null by default, a dynamic block whose for_each is empty
// by default, a resource whose count is 0 by default, a literal replaced by a variable that
// defaults to it, a condition extended with `&& var.x` where x defaults to true). The scorer
// sets no class floor for such a change in a published module (score/deployment.hpp).

#include <string_view>

#include "blastgraph/analyzer/change_sources.hpp"
#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/parsers/terraform.hpp"
#include "change/defaults_eval.hpp"

namespace blastgraph::analyzer::opt_in {

// Whether `head` changes nothing against `base` at the defaults.
[[nodiscard]] bool inert_update(const terraform::Block& base, const terraform::Block& head,
                                const Defaults& defaults);

// Whether the new block `head` creates nothing at the defaults: a count of 0, an empty
// for_each, or a variable with a default (an input no caller has to set).
[[nodiscard]] bool inert_create(const terraform::Block& head, const Defaults& defaults);

// Marks the Terraform updates and creates among `found` that are inert at the defaults of
// their module (the variables of the head block's directory): FoundChange::opt_in, with the
// detail "opt-in: nothing changes at the module's defaults"; and the variables whose default
// changed (added or removed included): FoundChange::default_changed, "input default changed";
// and the blocks whose literal for_each or count only gained or lost keys: the action of
// those instances (create, or delete when any is removed), "instances created: [\"b\"]; the
// others are unchanged" (instance_keys.hpp); and the updates that change an argument which
// forces replacement: a `replace`, "replace: name forces replacement" (replacement.hpp).
void read_terraform_updates(const Workspace& base, const Workspace& head,
                            std::size_t max_file_bytes, ChangeFindings& found);

}  // namespace blastgraph::analyzer::opt_in
