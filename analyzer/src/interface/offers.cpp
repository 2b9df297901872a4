#include "interface/offers.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "iam_terraform/resource_arns.hpp"
#include "interface/aws_places.hpp"
#include "terraform/existence.hpp"
#include "terraform/state_locations.hpp"
#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::interface {
namespace {

using terraform::BlockKind;
using terraform_link::Instance;

// Lookups name resources by short identifiers; longer values (policy documents, scripts)
// are never what a data source filters on, and evaluating them would cost for nothing.
constexpr std::size_t k_longest_expression = 200;
constexpr std::size_t k_longest_value = 128;

constexpr std::array<std::string_view, 6> k_meta_arguments{"count",      "for_each",  "provider",
                                                           "depends_on", "lifecycle", "tags_all"};

bool is_meta(std::string_view name) {
  return std::find(k_meta_arguments.begin(), k_meta_arguments.end(), name) !=
         k_meta_arguments.end();
}

std::optional<std::string> short_static_string(const Instance& instance,
                                               const terraform::Value& value) {
  if (value.expression.size() > k_longest_expression) return std::nullopt;
  auto text = terraform_link::static_string(instance, value);
  if (!text || text->empty() || text->size() > k_longest_value) return std::nullopt;
  return text;
}

std::vector<graph::Setting> lookup_attributes(const Instance& instance,
                                              const terraform::Block& block) {
  std::vector<graph::Setting> out;
  for (const auto& [name, value] : block.attributes) {
    if (is_meta(name) || name == "tags") continue;
    if (auto text = short_static_string(instance, value)) out.push_back({name, std::move(*text)});
  }
  for (const auto& [key, value] : block.tags) {
    if (auto text = short_static_string(instance, value)) {
      out.push_back({"tag:" + key, std::move(*text)});
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The resource's ARN when every part but the region and account is static.
std::string static_arn(const Instance& instance, const terraform::Block& block,
                       const AwsPlace& place) {
  const auto arn = iam_terraform::resource_arn(instance, block);
  if (!arn || !arn->named) return {};
  auto placed = place_arn(arn->pattern, place);
  const auto parts = graph::parse_arn(placed);
  if (!parts || parts->resource.find_first_of("*?") != std::string_view::npos) return {};
  return placed;
}

}  // namespace

std::vector<graph::Offer> collect_offers(const terraform_link::InstanceForest& forest,
                                         const std::map<std::string, std::string>& accounts) {
  std::vector<graph::Offer> out;
  PlacesByRoot places_by_root(accounts);
  for (const auto& instance : forest.instances) {
    if (instance.dir == nullptr || !terraform_link::instance_exists(instance)) continue;
    const auto& places = places_by_root.of(instance);
    for (const auto* block : instance.dir->blocks) {
      if (block->kind != BlockKind::resource || !terraform_link::block_exists(instance, *block)) {
        continue;
      }
      graph::Offer offer{instance.id(block->address), block->type,
                         static_arn(instance, *block, places.of(*block)),
                         lookup_attributes(instance, *block)};
      if (!offer.arn.empty() || !offer.attributes.empty()) out.push_back(std::move(offer));
    }
  }
  return out;
}

std::vector<graph::StateOffer> collect_state_offers(const terraform_link::InstanceForest& forest) {
  std::vector<graph::StateOffer> out;
  for (const auto* root : forest.roots) {
    const auto location = terraform_link::state_location(*root);
    if (!location || location->type == "local" || location->settings.empty()) continue;
    graph::StateOffer state{root->root, location->type, {}, {}};
    for (const auto& [name, value] : location->settings) state.settings.push_back({name, value});
    for (const auto* block : root->dir->blocks) {
      if (block->kind == BlockKind::output) state.outputs.push_back(root->id(block->address));
    }
    std::sort(state.outputs.begin(), state.outputs.end());
    out.push_back(std::move(state));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace blastgraph::analyzer::interface
