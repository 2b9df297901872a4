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

// `fraction` of `max_points`, rounded half away from zero.
int share(double fraction, int max_points) {
  return static_cast<int>(std::lround(fraction * max_points));
}

std::string count_text(double value, const char* noun) {
  auto n = static_cast<long long>(value);
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

double criticality_weight(Criticality criticality) {
  switch (criticality) {
    case Criticality::normal:
      return 0.0;
    case Criticality::compute:
      return 0.25;
    case Criticality::storage:
      return 0.5;
    case Criticality::network:
      return 1.0;
    case Criticality::iam:
      return 1.0;
    case Criticality::secrets:
      return 1.5;
    case Criticality::database:
      return 2.0;
    case Criticality::crypto:
      return 2.0;
    case Criticality::auth:
      return 2.0;
    case Criticality::account:
      return 3.0;
  }
  return 0.0;
}

double class_fraction(Criticality criticality) {
  switch (criticality) {
    case Criticality::normal:
      return 0.0;
    case Criticality::compute:
      return 0.2;
    case Criticality::storage:
      return 1.0 / 3.0;
    case Criticality::database:
      return 2.0 / 3.0;
    case Criticality::secrets:
      return 2.0 / 3.0;
    case Criticality::network:
      return 0.8;
    case Criticality::iam:
      return 0.8;
    case Criticality::crypto:
      return 1.0;
    case Criticality::auth:
      return 1.0;
    case Criticality::account:
      return 1.0;
  }
  return 1.0;
}

double action_fraction(ChangeAction action) {
  switch (action) {
    case ChangeAction::create:
      return 0.3;
    case ChangeAction::update:
      return 0.7;
    case ChangeAction::replace:
      return 0.85;
    case ChangeAction::destroy:
      return 1.0;
  }
  return 1.0;
}

std::vector<Factor> compute_factors(const Measures& m, const FactorWeights& w) {
  std::vector<Factor> factors;
  factors.push_back({"services_reached", m.other_services,
                     saturating(m.other_services, k_services_scale, w.services_reached),
                     w.services_reached, count_text(m.other_services, "other service")});
  factors.push_back({"resources_reached", m.resources,
                     saturating(m.resources, k_resources_scale, w.resources_reached),
                     w.resources_reached, count_text(m.resources, "resource")});
  factors.push_back({"critical_reached", m.critical_weight,
                     saturating(m.critical_weight, k_critical_scale, w.critical_reached),
                     w.critical_reached, "criticality weight of the resources reached"});
  const double action = m.any_change ? action_fraction(m.worst_action) : 0.0;
  factors.push_back({"action", action, share(action, w.action), w.action,
                     m.any_change
                         ? "most destructive action: " + std::string(to_string(m.worst_action))
                         : "no change"});
  const double klass = m.any_change ? class_fraction(m.worst_class) : 0.0;
  std::string class_detail =
      "most critical class changed: " + std::string(graph::to_string(m.worst_class));
  if (!m.class_reason.empty()) class_detail += " (" + m.class_reason + ")";
  factors.push_back({"changed_class", klass, share(klass, w.changed_class), w.changed_class,
                     std::move(class_detail)});
  return factors;
}

}  // namespace blastgraph::analyzer::scoring
