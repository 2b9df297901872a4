#pragma once
// The static part of Terraform expressions: enough to read a tag such as
// `service = var.name` when the module call passes `name = "payments"`, a role's name
// `"${var.environment}-${var.name}"` to match it against an ARN written elsewhere, or a
// policy built with jsonencode().
//
// Follows `var.x` through module inputs and variable defaults, `local.x`, `module.m.out`
// through the module's output, templates and heredocs, tuples and objects, conditionals and
// the logical operators `!`, `&&`, `||`, `==` and `!=`, and the functions
// format, join, concat, lower, upper, replace (plain substrings), lookup, merge, tostring,
// coalesce, tolist, toset, try and jsonencode. Whatever cannot be known stays symbolic: in a
// string it is `*`, a glob wildcard, and the value is marked `guessed` with the source text
// of what was guessed. Deterministic: no environment, no clock, no file system.

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "terraform/instances.hpp"

namespace blastgraph::analyzer::terraform_link {

struct StaticField;

struct StaticValue {
  enum class Kind { unknown, null, boolean, number, string, list, object };
  Kind kind = Kind::unknown;
  std::string text;  // string: a glob pattern (`*` where unknown); number/bool as written
  std::vector<StaticValue> items;                           // list (and set, tuple)
  std::vector<StaticField> fields;  // object, in source order
  SourcePosition position;  // where the value is written in the file being evaluated
  // The source text of every part that could not be evaluated (and became `*`).
  std::vector<std::string> guesses;
  // When this string is the ARN of a resource in the scanned tree (or a path under it,
  // `"${aws_s3_bucket.b.arn}/*"`): that resource's node id.
  std::string node;

  [[nodiscard]] bool guessed() const { return !guesses.empty(); }
};

// An object's field, with std::pair's member names: a std::pair holding a StaticValue cannot
// be a member of StaticValue with every standard library (it is incomplete there).
struct StaticField {
  StaticField(std::string name, StaticValue value)
      : first(std::move(name)), second(std::move(value)) {}
  std::string first;
  StaticValue second;
};

// A known string written at `position`.
[[nodiscard]] StaticValue string_value(std::string text, SourcePosition position = {});

// Resolves references the evaluator does not follow itself (resource attributes such as
// `aws_s3_bucket.logs.arn`): nullopt leaves them symbolic.
using ReferenceHook =
    std::function<std::optional<StaticValue>(const Instance& scope, const std::string& reference)>;

// The value of `value` in `instance`; positions are in the file `value` was read from.
[[nodiscard]] StaticValue evaluate(const Instance& instance, const terraform::Value& value,
                                   const ReferenceHook& hook = {});

// The value of `value` in `instance` on every run of its root: like evaluate, but a root's
// variables are unknown (tfvars or -var may set them) rather than their defaults. What this
// knows holds however the root is applied; module inputs and defaults inside modules count.
[[nodiscard]] StaticValue evaluate_on_every_run(const Instance& instance,
                                                const terraform::Value& value);

// The value of `value` in `instance` as a glob pattern: literal text, with `*` standing for
// every part that cannot be known statically. nullopt when no part is static or the value
// is not a string, number or bool.
[[nodiscard]] std::optional<std::string> static_pattern(const Instance& instance,
                                                        const terraform::Value& value);

// Like static_pattern, but only a fully known string.
[[nodiscard]] std::optional<std::string> static_string(const Instance& instance,
                                                       const terraform::Value& value);

// JSON text of a value; unknown parts become "*" strings. Object keys in source order.
[[nodiscard]] std::string to_json(const StaticValue& value);

// The string form Terraform's tostring gives (strings, numbers, bools); nullopt otherwise.
[[nodiscard]] std::optional<std::string> string_form(const StaticValue& value);

}  // namespace blastgraph::analyzer::terraform_link
