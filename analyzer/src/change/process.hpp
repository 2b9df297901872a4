#pragma once
// Running a helper program (git, tar) without a shell: arguments are passed as they are, so
// nothing in a revision name or a path is ever interpreted.

#include <string>
#include <vector>

#include "blastgraph/core/result.hpp"

namespace blastgraph::analyzer::process {

struct Output {
  int status = -1;      // exit status; -1 when killed by a signal
  std::string out;      // standard output (bounded)
  std::string err;      // standard error (bounded)
};

// Runs argv[0] (looked up in PATH) to completion. Fails only when it cannot be started.
[[nodiscard]] Result<Output> run(const std::vector<std::string>& argv);

}  // namespace blastgraph::analyzer::process
