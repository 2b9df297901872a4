#pragma once
// What a policy document built in Terraform says for sure. Static evaluation leaves unknown
// what only the plan knows (`statement.value.effect` in a `dynamic` block, `try(x, null)`, a
// `for` over a variable); such a value must never be read as the literal `*` it would print
// as: `Effect: "*"` is no error, and `Action: "*"` from an unknown list is no admin grant.
//
// The rules, applied to the evaluated document before the IAM parser reads it:
//   - a null argument is absent (Terraform passes null as unset);
//   - a string known in part (`arn:aws:s3:::${var.bucket}`) stays a glob, `*` where unknown;
//   - a value not known at all, or null, is left out of its list: nothing is matched
//     against it, and its statement counts as holding a guess (a Deny in it is not definite);
//   - of Action/NotAction (and Resource/NotResource, Principal/NotPrincipal), when one has a
//     known value and the other none, the other is left out: AWS accepts only one of them;
//     when neither has, the listed form stands with what is known (`Action: []`), which
//     allows nothing;
//   - a statement is set aside (not read at all) when its Effect is not known, or when the
//     statement itself is not (an item of a `for`).
// Every place left unknown is reported once, with what was guessed and how it was read.

#include <string>
#include <vector>

#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::iam_terraform {

enum class UnknownReading {
  glob,       // part of a string: matched as `*`
  left_out,   // a whole value: not read
  set_aside,  // a whole statement: not read
};

struct UnknownPlace {
  SourcePosition position;
  std::vector<std::string> guesses;  // source text of what could not be evaluated
  UnknownReading reading = UnknownReading::glob;
};

struct KnownPolicy {
  terraform_link::StaticValue root;  // the document, holding only what is known
  std::vector<UnknownPlace> places;  // in document order
};

// The known part of an evaluated policy document (an object in the JSON shape).
[[nodiscard]] KnownPolicy known_policy(const terraform_link::StaticValue& root);

// The note for one unknown place: "policy value not known statically: `x` matched as `*`".
[[nodiscard]] std::string describe_unknown(const UnknownPlace& place);

}  // namespace blastgraph::analyzer::iam_terraform
