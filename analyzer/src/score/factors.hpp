#pragma once
// The score's terms. Each is a saturating, non-decreasing function of one measure, so the sum
// is monotone and saturating (README.md "Score").

#include <string>

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
  std::string class_reason;  // why worst_class is higher than a changed node's own class
};

// How quickly each reached measure saturates: `sat(x, k, max) = max · (1 − e^(−x/k))`. Set
// with the default weights by the calibration suite (tests/analyzer/calibration_test.cpp,
// README "Calibration"); change them only together with it.
inline constexpr double k_services_scale = 4.5;
inline constexpr double k_resources_scale = 15.0;
inline constexpr double k_critical_scale = 10.0;

// Weight of one reached resource in `critical_weight`.
[[nodiscard]] double criticality_weight(graph::Criticality criticality);

// Share of the `changed_class` weight a changed node's class earns (0..1, by class).
[[nodiscard]] double class_fraction(graph::Criticality criticality);

// Share of the `action` weight the most destructive action earns: create 0.3, update 0.7,
// replace 0.85, delete 1.
[[nodiscard]] double action_fraction(ChangeAction action);

// The factors in report order; their points sum to the score. All zero without a change.
// Each factor's maximum is its weight; a factor's measure is its count, weight sum or share.
[[nodiscard]] std::vector<Factor> compute_factors(const Measures& measures,
                                                  const FactorWeights& weights = {});

}  // namespace blastgraph::analyzer::scoring
