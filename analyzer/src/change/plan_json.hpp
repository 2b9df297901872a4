#pragma once
// Reading `terraform show -json` plan output (format_version 1.x) into what blastgraph uses:
// the resource changes and the configuration's references.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/graph/model.hpp"

namespace blastgraph::analyzer::plans {

struct PlannedChange {
  std::string address;           // with instance keys, e.g. module.m[1].aws_x.y["a"]
  std::string previous_address;  // set when the object moved
  std::string action_reason;
  std::vector<std::string> actions;
};

// `source` depends on `target`; both are module-prefixed addresses in node-id form
// ("module.a.aws_x.y", "module.a.var.in", "output.o").
struct PlanReference {
  std::string source;
  std::string target;
  std::string attribute;
  graph::EdgeKind kind = graph::EdgeKind::reference;
};

struct PlanModel {
  std::vector<PlannedChange> changes;
  std::vector<PlanReference> references;
  // plan-syntax (error, at the byte where JSON broke; what was read before it is kept),
  // plan-format (warning: an unexpected shape, that part skipped).
  std::vector<Diagnostic> diagnostics;
};

// Never throws on bad input.
[[nodiscard]] PlanModel parse_plan(std::string_view text, std::string_view name);

}  // namespace blastgraph::analyzer::plans
