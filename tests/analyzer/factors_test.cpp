// The score contract on the factor functions: zero without a change, monotone, saturating,
// bounded.
#include <gtest/gtest.h>

#include "score/factors.hpp"

namespace blastgraph::analyzer::scoring {
namespace {

int total(const Measures& m) {
  int sum = 0;
  for (const auto& f : compute_factors(m)) sum += f.points;
  return sum;
}

TEST(Factors, ZeroExactlyWithoutAChange) {
  Measures none;
  EXPECT_EQ(total(none), 0);
  Measures trivial;
  trivial.any_change = true;
  EXPECT_GT(total(trivial), 0);
}

TEST(Factors, EachFactorIsMonotoneInItsMeasure) {
  Measures base;
  base.any_change = true;
  int previous = -1;
  for (int services = 0; services <= 300; ++services) {
    base.other_services = services;
    const int now = total(base);
    EXPECT_GE(now, previous) << "services " << services;
    previous = now;
  }
  previous = -1;
  for (double weight = 0; weight <= 100; weight += 0.25) {
    base.critical_weight = weight;
    const int now = total(base);
    EXPECT_GE(now, previous);
    previous = now;
  }
  previous = -1;
  for (auto action : {ChangeAction::create, ChangeAction::update, ChangeAction::replace,
                      ChangeAction::destroy}) {
    base.worst_action = action;
    const int now = total(base);
    EXPECT_GT(now, previous);
    previous = now;
  }
}

TEST(Factors, SaturatingTheFirstServicesMatterMost) {
  Measures m;
  m.any_change = true;
  auto services_points = [&](double n) {
    m.other_services = n;
    return compute_factors(m)[0].points;
  };
  EXPECT_GT(services_points(5) - services_points(1), 10);
  EXPECT_LE(services_points(240) - services_points(200), 0);
}

TEST(Factors, BoundedByOneHundredAndPointsNeverExceedTheirMaximum) {
  Measures worst;
  worst.any_change = true;
  worst.other_services = 1e6;
  worst.resources = 1e6;
  worst.critical_weight = 1e6;
  worst.worst_action = ChangeAction::destroy;
  worst.worst_class = graph::Criticality::account;
  int max_sum = 0;
  for (const auto& f : compute_factors(worst)) {
    EXPECT_LE(f.points, f.max_points) << f.name;
    max_sum += f.max_points;
  }
  EXPECT_EQ(max_sum, 100);
  EXPECT_EQ(total(worst), 100);
}

}  // namespace
}  // namespace blastgraph::analyzer::scoring
