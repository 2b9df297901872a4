#include "interface/aws_places.hpp"

#include <algorithm>
#include <array>

#include "blastgraph/graph/interface.hpp"
#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::interface {
namespace {

using terraform_link::StaticValue;

// The one account `allowed_account_ids` allows; "" for none, several or unknown ones.
std::string allowed_account(const terraform_link::Instance& root, const terraform::Block& block) {
  const auto it = block.attributes.find("allowed_account_ids");
  if (it == block.attributes.end()) return {};
  const auto value = terraform_link::evaluate(root, it->second);
  if (value.kind != StaticValue::Kind::list || value.items.size() != 1 || value.guessed())
    return {};
  return terraform_link::string_form(value.items.front()).value_or("");
}

// The account of the role the provider assumes; "" when not static.
std::string assumed_account(const terraform_link::Instance& root, const terraform::Block& block) {
  for (const auto& nested : block.blocks) {
    if (nested.type != "assume_role") continue;
    const auto role = nested.attributes.find("role_arn");
    if (role == nested.attributes.end()) continue;
    const auto arn = terraform_link::static_string(root, role->second);
    if (!arn) continue;
    if (const auto parts = graph::parse_arn(*arn)) return std::string(parts->account);
  }
  return {};
}

// The account a root names in a variable or local of a conventional name (`account_id`,
// `aws_account_id`, `account`) whose value is statically twelve digits; "" otherwise.
std::string named_account(const terraform_link::Instance& root) {
  constexpr std::array<std::string_view, 3> k_names{"account_id", "aws_account_id", "account"};
  for (const auto* block : root.dir->blocks) {
    const bool named = std::find(k_names.begin(), k_names.end(), block->name) != k_names.end();
    if (!named) continue;
    const terraform::Value* value = nullptr;
    if (block->kind == terraform::BlockKind::variable) {
      const auto it = block->attributes.find("default");
      if (it != block->attributes.end()) value = &it->second;
    } else if (block->kind == terraform::BlockKind::local) {
      // A local's value is kept under its own name.
      const auto it = block->attributes.find(block->name);
      if (it != block->attributes.end()) value = &it->second;
    }
    if (value == nullptr) continue;
    const auto text = terraform_link::static_string(root, *value);
    if (text && graph::is_account_id(*text)) return *text;
  }
  return {};
}

}  // namespace

AwsPlaces::AwsPlaces(const terraform_link::Instance& root, const std::string& configured) {
  if (root.dir == nullptr) return;
  const auto fallback_account = configured.empty() ? named_account(root) : configured;
  for (const auto* block : root.dir->blocks) {
    if (block->kind != terraform::BlockKind::provider || block->type != "aws") continue;
    AwsPlace place;
    if (const auto it = block->attributes.find("region"); it != block->attributes.end()) {
      place.region = terraform_link::static_string(root, it->second).value_or("");
    }
    place.account = configured.empty() ? allowed_account(root, *block) : configured;
    if (place.account.empty()) place.account = assumed_account(root, *block);
    if (place.account.empty()) place.account = fallback_account;
    m_places[block->name.empty() ? "aws" : "aws." + block->name] = std::move(place);
  }
  // A root without a provider block still deploys with the default configuration.
  if (!m_places.contains("aws") && !fallback_account.empty()) {
    m_places["aws"] = AwsPlace{"", fallback_account};
  }
}

AwsPlace AwsPlaces::of(const terraform::Block& block) const {
  const auto name = block.provider.empty() ? std::string("aws") : block.provider;
  const auto it = m_places.find(name);
  return it == m_places.end() ? AwsPlace{} : it->second;
}

const AwsPlaces& PlacesByRoot::of(const terraform_link::Instance& instance) {
  const auto& root = root_of(instance);
  const auto configured = m_accounts.find(root.root);
  return m_by_root
      .try_emplace(&root, root, configured == m_accounts.end() ? std::string() : configured->second)
      .first->second;
}

std::string place_arn(const std::string& arn, const AwsPlace& place) {
  const auto parts = graph::parse_arn(arn);
  if (!parts) return arn;
  const auto fill = [](std::string_view field, const std::string& known) {
    return field == "*" && !known.empty() ? std::string_view(known) : field;
  };
  std::string out = "arn:";
  out.append(parts->partition).append(":").append(parts->service).append(":");
  out.append(fill(parts->region, place.region)).append(":");
  out.append(fill(parts->account, place.account)).append(":").append(parts->resource);
  return out;
}

const terraform_link::Instance& root_of(const terraform_link::Instance& instance) {
  const auto* at = &instance;
  while (at->parent != nullptr) at = at->parent;
  return *at;
}

}  // namespace blastgraph::analyzer::interface
