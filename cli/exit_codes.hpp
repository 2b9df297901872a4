#pragma once
// The documented exit codes (README.md "Exit codes").

namespace blastgraph::cli {

enum ExitCode : int {
  k_exit_ok = 0,
  k_exit_internal = 1,     // a bug: an invariant broke; the message says where
  k_exit_usage = 2,        // bad command line
  k_exit_input = 3,        // the path cannot be read, or --changed selected nothing
  k_exit_strict = 4,       // --strict and the run produced warnings or errors
};

}  // namespace blastgraph::cli
