#pragma once
// The documented exit codes (README.md "Exit codes").

namespace blastgraph::cli {

enum ExitCode : int {
  k_exit_ok = 0,
  k_exit_internal = 1,     // a bug: an invariant broke; the message says where
  k_exit_usage = 2,        // bad command line
  k_exit_input = 3,        // the path cannot be read, or --changed selected nothing
  k_exit_strict = 4,       // --strict and the run produced warnings or errors
  k_exit_risk = 5,         // policy --fail-on-risk and a document has a risk factor
  k_exit_gate_tier = 6,    // score --fail-on TIER and the tier is at least TIER
  k_exit_gate_deny = 7,    // score: a scope rule of the policy file denies the change
};
// When several apply, the lowest code wins: a run that could not read its input (3) or is
// incomplete (4) outranks what it found (README "Exit codes").

}  // namespace blastgraph::cli
