// `score:` (factor weights, tier thresholds, floors) and `approvals:` of the policy file.
#include <array>
#include <utility>

#include "config/sections.hpp"

namespace blastgraph::analyzer::config {
namespace {

constexpr std::array<std::string_view, 3> k_score_keys{"weights", "thresholds", "floors"};

template <typename T>
using Field = std::pair<std::string_view, T>;

constexpr std::array<Field<int FactorWeights::*>, 5> k_weights{{
    {"services_reached", &FactorWeights::services_reached},
    {"resources_reached", &FactorWeights::resources_reached},
    {"critical_reached", &FactorWeights::critical_reached},
    {"action", &FactorWeights::action},
    {"changed_class", &FactorWeights::changed_class},
}};

constexpr std::array<Field<int TierThresholds::*>, 3> k_thresholds{{
    {"medium", &TierThresholds::medium},
    {"high", &TierThresholds::high},
    {"critical", &TierThresholds::critical},
}};

constexpr std::array<Field<Tier FloorPolicy::*>, 14> k_floors{{
    {"iam", &FloorPolicy::iam},
    {"network", &FloorPolicy::network},
    {"account", &FloorPolicy::account},
    {"crypto", &FloorPolicy::crypto},
    {"auth", &FloorPolicy::auth},
    {"database_replace", &FloorPolicy::database_replace},
    {"shared_boundary", &FloorPolicy::shared_boundary},
    {"unread_files", &FloorPolicy::unread_files},
    {"could_not_assess", &FloorPolicy::could_not_assess},
    {"published_module", &FloorPolicy::published_module},
    {"terraform_settings", &FloorPolicy::terraform_settings},
    {"gitops_source", &FloorPolicy::gitops_source},
    {"gitops_values", &FloorPolicy::gitops_values},
    {"published_default", &FloorPolicy::published_default},
}};

template <typename T, std::size_t N>
constexpr std::array<std::string_view, N> names_of(const std::array<Field<T>, N>& fields) {
  std::array<std::string_view, N> names{};
  for (std::size_t i = 0; i < N; ++i) names[i] = fields[i].first;
  return names;
}

// Integer fields of a mapping over `into`, every key optional. False after any error.
template <typename Struct, std::size_t N>
bool read_int_fields(Reader& reader, const yaml::Node& node, std::string_view section,
                     const std::array<Field<int Struct::*>, N>& fields, Struct& into) {
  if (!reader.expect_mapping(node, section)) return false;
  const auto before = reader.errors();
  const auto names = names_of(fields);
  reader.check_keys(node, names, section);
  for (const auto& [name, member] : fields) {
    const auto value = node.find(name);
    if (!value) continue;
    if (auto number = reader.read_int(value, std::string(section) + "." + std::string(name))) {
      into.*member = *number;
    }
  }
  return reader.errors() == before;
}

// NOTE: weights and thresholds are checked as a whole (they only make sense together), so a
// bad value drops the whole mapping back to the defaults rather than mixing the two.
void read_weights(Reader& reader, const yaml::Node& node, FactorWeights& out) {
  FactorWeights weights = out;
  if (!read_int_fields(reader, node, "score.weights", k_weights, weights)) return;
  for (const auto& [name, member] : k_weights) {
    if (weights.*member < 0) {
      reader.error(node.find(name), "config-weights",
                   "score.weights." + std::string(name) + " must not be negative");
      return;
    }
  }
  if (weights.total() != 100) {
    reader.error(node, "config-weights",
                 "score.weights must sum to 100 (the score's maximum), not " +
                     std::to_string(weights.total()));
    return;
  }
  out = weights;
}

void read_thresholds(Reader& reader, const yaml::Node& node, TierThresholds& out) {
  TierThresholds thresholds = out;
  if (!read_int_fields(reader, node, "score.thresholds", k_thresholds, thresholds)) return;
  for (const auto& [name, member] : k_thresholds) {
    const int value = thresholds.*member;
    if (value < 1 || value > 100) {
      const auto at = node.find(name);
      reader.error(at ? at : node, "config-thresholds",
                   "score.thresholds." + std::string(name) + " must be within 1..100, not " +
                       std::to_string(value));
      return;
    }
  }
  if (!(thresholds.medium < thresholds.high && thresholds.high < thresholds.critical)) {
    reader.error(node, "config-thresholds",
                 "score.thresholds must be strictly increasing (medium < high < critical), not " +
                     std::to_string(thresholds.medium) + ", " + std::to_string(thresholds.high) +
                     ", " + std::to_string(thresholds.critical));
    return;
  }
  out = thresholds;
}

// `applications: {NAME: TIER}`: the floor of a change that reaches a service of NAME.
void read_application_floors(Reader& reader, const yaml::Node& node, FloorPolicy& out) {
  if (!reader.expect_mapping(node, "score.floors.applications")) return;
  for (std::size_t i = 0; i < node.size(); ++i) {
    auto name = reader.read_string(node.key(i), "an application name");
    if (!name) continue;
    if (auto tier = reader.read_tier(node.value(i), "score.floors.applications." + *name)) {
      out.applications[*name] = *tier;
    }
  }
}

void read_floors(Reader& reader, const yaml::Node& node, FloorPolicy& out) {
  if (!reader.expect_mapping(node, "score.floors")) return;
  constexpr auto k_names = names_of(k_floors);
  std::array<std::string_view, k_names.size() + 1> allowed{};
  std::copy(k_names.begin(), k_names.end(), allowed.begin());
  allowed.back() = "applications";
  reader.check_keys(node, allowed, "score.floors");
  for (const auto& [name, member] : k_floors) {
    const auto value = node.find(name);
    if (!value) continue;
    if (auto tier = reader.read_tier(value, "score.floors." + std::string(name))) out.*member = *tier;
  }
  if (const auto applications = node.find("applications")) {
    read_application_floors(reader, applications, out);
  }
}

}  // namespace

void read_score(Reader& reader, const yaml::Node& node, ScorePolicy& out) {
  if (!reader.expect_mapping(node, "score")) return;
  reader.check_keys(node, k_score_keys, "score");
  if (const auto weights = node.find("weights")) read_weights(reader, weights, out.weights);
  if (const auto thresholds = node.find("thresholds")) read_thresholds(reader, thresholds, out.thresholds);
  if (const auto floors = node.find("floors")) read_floors(reader, floors, out.floors);
}

void read_approvals(Reader& reader, const yaml::Node& node, ScorePolicy& out) {
  if (!reader.expect_mapping(node, "approvals")) return;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const auto key = node.key(i);
    const auto tier = parse_tier(key.scalar());
    if (!key.is_scalar() || !tier) {
      reader.error(key, "config-tier",
                   "approvals: '" + std::string(key.scalar()) +
                       "' is not a tier (LOW, MEDIUM, HIGH, CRITICAL)");
      continue;
    }
    const auto name = std::string("approvals.") + std::string(to_string(*tier));
    if (auto people = reader.read_strings(node.value(i), name)) {
      out.approvals.at(static_cast<std::size_t>(*tier)) = std::move(*people);
    }
  }
}

}  // namespace blastgraph::analyzer::config
