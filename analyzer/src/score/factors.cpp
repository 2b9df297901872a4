#include "score/factors.hpp"

#include <cmath>
#include <string>

namespace blastgraph::analyzer::scoring {
namespace {

using graph::Criticality;

// max_points * (1 - e^(-x/scale)), rounded: 0 at 0, approaches max_points, steepest at the
// start, so going from 1 to 5 services matters far more than from 200 to 240.
int saturating(double x, double scale, int max_points) {
  if (x <= 0) return 0;
  return static_cast<int>(std::lround(max_points * (1.0 - std::exp(-x / scale))));
}

// `points` of a factor whose default maximum is `default_max`, scaled to `max_points`. With
// the default weights this is `points` itself, so default reports do not move.
int scaled(int points, int default_max, int max_points) {
  if (max_points == default_max) return points;
  return static_cast<int>(std::lround(static_cast<double>(points) * max_points / default_max));
}

std::string count_text(double value, const char* noun) {
  auto n = static_cast<long long>(value);
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

double criticality_weight(Criticality criticality) {
  switch (criticality) {
    case Criticality::normal: return 0.0;
    case Criticality::compute: return 0.25;
    case Criticality::storage: return 0.5;
    case Criticality::network: return 1.0;
    case Criticality::iam: return 1.0;
    case Criticality::secrets: return 1.5;
    case Criticality::database: return 2.0;
    case Criticality::crypto: return 2.0;
    case Criticality::auth: return 2.0;
    case Criticality::account: return 3.0;
  }
  return 0.0;
}

int class_points(Criticality criticality) {
  switch (criticality) {
    case Criticality::normal: return 0;
    case Criticality::compute: return 3;
    case Criticality::storage: return 5;
    case Criticality::database: return 10;
    case Criticality::secrets: return 10;
    case Criticality::network: return 12;
    case Criticality::iam: return 12;
    case Criticality::crypto: return 15;
    case Criticality::auth: return 15;
    case Criticality::account: return 15;
  }
  return 0;
}

int action_points(ChangeAction action) {
  switch (action) {
    case ChangeAction::create: return 4;
    case ChangeAction::update: return 8;
    case ChangeAction::replace: return 16;
    case ChangeAction::destroy: return 20;
  }
  return 20;
}

std::vector<Factor> compute_factors(const Measures& m, const FactorWeights& w) {
  constexpr int k_default_action_max = 20;
  constexpr int k_default_class_max = 15;
  std::vector<Factor> factors;
  factors.push_back({"services_reached", m.other_services,
                     saturating(m.other_services, 3.0, w.services_reached), w.services_reached,
                     count_text(m.other_services, "other service")});
  factors.push_back({"resources_reached", m.resources,
                     saturating(m.resources, 15.0, w.resources_reached), w.resources_reached,
                     count_text(m.resources, "resource")});
  factors.push_back({"critical_reached", m.critical_weight,
                     saturating(m.critical_weight, 4.0, w.critical_reached), w.critical_reached,
                     "criticality weight of the resources reached"});
  const int action = m.any_change ? action_points(m.worst_action) : 0;
  factors.push_back({"action", static_cast<double>(action),
                     scaled(action, k_default_action_max, w.action), w.action,
                     m.any_change ? "most destructive action: " + std::string(to_string(m.worst_action))
                                  : "no change"});
  const int klass = m.any_change ? class_points(m.worst_class) : 0;
  factors.push_back({"changed_class", static_cast<double>(klass),
                     scaled(klass, k_default_class_max, w.changed_class), w.changed_class,
                     "most critical class changed: " + std::string(graph::to_string(m.worst_class))});
  return factors;
}

}  // namespace blastgraph::analyzer::scoring
