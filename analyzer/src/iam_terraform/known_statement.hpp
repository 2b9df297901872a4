#pragma once
// One statement of known_policy.hpp: the rules for its Effect, its pairs of elements and its
// Condition, and the helpers that tell a known value from a guess.

#include <optional>
#include <string>
#include <vector>

#include "iam_terraform/known_policy.hpp"

namespace blastgraph::analyzer::iam_terraform {

// Nothing of it is known: an unknown, a null, or a string that is all guessed `*`.
[[nodiscard]] bool not_known(const terraform_link::StaticValue& value);

// The source text of every guess in `value` and below it ("null" for a null), in order.
[[nodiscard]] std::vector<std::string> guesses_of(const terraform_link::StaticValue& value);

// Appends a place for every partly known string in `value` (a glob) and for every object
// key that could not be evaluated (left out).
void note_globs(const terraform_link::StaticValue& value, std::vector<UnknownPlace>& places);

// The statement object with only its known values, its unknown places appended to
// `places`; nullopt when the statement is set aside (its one place says why).
[[nodiscard]] std::optional<terraform_link::StaticValue> known_statement(
    const terraform_link::StaticValue& statement, std::vector<UnknownPlace>& places);

}  // namespace blastgraph::analyzer::iam_terraform
