// A Terraform plan's resource_changes -> changes of the nodes of one root; its configuration
// references -> extra edges.
#include <algorithm>

#include "blastgraph/analyzer/change_sources.hpp"
#include "change/addresses.hpp"
#include "change/plan_json.hpp"
#include "change/text.hpp"

namespace blastgraph::analyzer {
namespace {

bool is(const std::vector<std::string>& actions, std::initializer_list<std::string_view> want) {
  return actions.size() == want.size() && std::equal(actions.begin(), actions.end(), want.begin());
}

// nullopt for actions that change nothing (no-op, read) and for unknown combinations.
std::optional<ChangeAction> action_of(const std::vector<std::string>& actions) {
  if (is(actions, {"create"})) return ChangeAction::create;
  if (is(actions, {"update"})) return ChangeAction::update;
  if (is(actions, {"delete"})) return ChangeAction::destroy;
  if (is(actions, {"delete", "create"}) || is(actions, {"create", "delete"})) {
    return ChangeAction::replace;
  }
  return std::nullopt;
}

bool changes_nothing(const std::vector<std::string>& actions) {
  return is(actions, {"no-op"}) || is(actions, {"read"});
}

}  // namespace

Result<std::string> default_plan_root(const Workspace& workspace) {
  if (workspace.terraform_roots.size() == 1) return workspace.terraform_roots.front();
  if (workspace.terraform_roots.empty()) {
    return Error{"no Terraform root in " + workspace.root.string() + " to apply the plan to"};
  }
  std::string names;
  for (const auto& root : workspace.terraform_roots) names += (names.empty() ? "" : ", ") + root;
  return Error{"several Terraform roots (" + names + "); say which one the plan is for"};
}

ChangeFindings plan_changes(const Workspace& workspace, std::string_view plan_text,
                            std::string_view plan_name, std::string_view root) {
  auto model = plans::parse_plan(plan_text, plan_name);
  ChangeFindings out;
  out.diagnostics = std::move(model.diagnostics);
  const std::string prefix = std::string(root) + ":";
  const std::string file(plan_name);
  for (const auto& planned : model.changes) {
    const auto id = prefix + addresses::strip_instance_keys(planned.address);
    auto action = action_of(planned.actions);
    std::string detail;
    if (!planned.previous_address.empty()) {
      // A move alone is no infrastructure change, but the state address and every reference
      // to it change: the reviewer sees it as an update, never as a delete plus a create.
      detail = "moved from " + prefix + addresses::strip_instance_keys(planned.previous_address);
      if (!action && changes_nothing(planned.actions)) action = ChangeAction::update;
    }
    if (!action) {
      if (!changes_nothing(planned.actions)) {
        out.diagnostics.push_back({file,
                                   {},
                                   Severity::warning,
                                   "plan-format",
                                   planned.address + ": unknown actions [" +
                                       text::join(planned.actions, ",") + "]; skipped"});
      }
      continue;
    }
    if (*action == ChangeAction::replace && !planned.action_reason.empty()) {
      detail += (detail.empty() ? "" : "; ") + std::string("replace: ") + planned.action_reason;
    }
    out.changes.push_back({id, *action, ChangeSource::plan, std::move(detail), file});
  }
  for (const auto& reference : model.references) {
    graph::Evidence evidence{file, 0, reference.attribute};
    out.extra_edges.push_back(
        {prefix + reference.source, prefix + reference.target, reference.kind, evidence});
  }
  const auto& roots = workspace.terraform_roots;
  if (std::find(roots.begin(), roots.end(), root) == roots.end()) {
    out.diagnostics.push_back({file,
                               {},
                               Severity::error,
                               "plan-root",
                               "'" + std::string(root) + "' is not a Terraform root of " +
                                   workspace.root.generic_string() +
                                   "; every address will be unmapped"});
  }
  return out;
}

}  // namespace blastgraph::analyzer
