#pragma once
// The score's terms. Each is a saturating, non-decreasing function of one measure, so the sum
// is monotone and saturating (README.md "Score").

#include "blastgraph/analyzer/change.hpp"
#include "blastgraph/analyzer/score.hpp"
#include "blastgraph/graph/model.hpp"

namespace blastgraph::analyzer::scoring {

struct Measures {
  bool any_change = false;
  double other_services = 0;   // services reached besides the changed nodes' own
  double resources = 0;        // resources reached, changed excluded
  double critical_weight = 0;  // sum of criticality weights of the resources reached
  ChangeAction worst_action = ChangeAction::create;
  graph::Criticality worst_class = graph::Criticality::normal;
};

// Weight of one reached resource in `critical_weight`.
[[nodiscard]] double criticality_weight(graph::Criticality criticality);

// Points of one changed node's class in the `changed_class` factor.
[[nodiscard]] int class_points(graph::Criticality criticality);

// Points of the most destructive action in the `action` factor.
[[nodiscard]] int action_points(ChangeAction action);

// The factors in report order; their points sum to the score. All zero without a change.
// Each factor's maximum is its weight; the action and changed-class points above are for
// the default weights (20 and 15) and scale with the configured ones.
[[nodiscard]] std::vector<Factor> compute_factors(const Measures& measures,
                                                  const FactorWeights& weights = {});

}  // namespace blastgraph::analyzer::scoring
