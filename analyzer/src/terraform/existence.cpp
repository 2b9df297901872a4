#include "terraform/existence.hpp"

#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::terraform_link {
namespace {

using Kind = StaticValue::Kind;

bool known_zero(const StaticValue& count) {
  return !count.guessed() && count.kind == Kind::number &&
         count.text.find_first_not_of("0.") == std::string::npos;
}

bool known_empty(const StaticValue& collection) {
  if (collection.guessed()) return false;
  return (collection.kind == Kind::list && collection.items.empty()) ||
         (collection.kind == Kind::object && collection.fields.empty());
}

}  // namespace

bool always_empty(const Instance& instance, const terraform::Value& collection) {
  return known_empty(evaluate_on_every_run(instance, collection));
}

bool block_exists(const Instance& instance, const terraform::Block& block) {
  if (const auto count = block.attributes.find("count"); count != block.attributes.end()) {
    if (known_zero(evaluate_on_every_run(instance, count->second))) return false;
  }
  if (const auto each = block.attributes.find("for_each"); each != block.attributes.end()) {
    if (always_empty(instance, each->second)) return false;
  }
  return true;
}

bool instance_exists(const Instance& instance) {
  for (const Instance* at = &instance; at->parent != nullptr; at = at->parent) {
    if (at->call != nullptr && !block_exists(*at->parent, *at->call)) return false;
  }
  return true;
}

}  // namespace blastgraph::analyzer::terraform_link
