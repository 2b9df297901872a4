#pragma once
// Running the real blastgraph binary from a test: what it printed and its exit code.
// Only test targets that define BLASTGRAPH_BIN (the binary's path) include this.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace blastgraph::testing {

struct Run {
  int code = -1;    // the exit code; -1 when the command could not start or did not exit
  std::string out;  // what the command wrote to its stdout
};

// Runs `command` through the shell and reads its stdout to the end.
inline Run run_shell(const std::string& command) {
  Run result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  while (auto n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    result.out.append(buffer.data(), n);
  }
  const int status = ::pclose(pipe);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// The command line that runs the binary with `args` (a shell fragment).
inline std::string binary_command(const std::string& args) {
  return std::string(BLASTGRAPH_BIN) + " " + args;
}

// Runs the binary with `args`. `redirect` is appended to the command line and picks the
// streams `out` holds: " 2>&1" both, as a user sees them; " 2>/dev/null" stdout only;
// " 2>&1 >/dev/null" stderr only; "" stdout, with stderr going to the test log.
inline Run run_binary(const std::string& args, const std::string& redirect = " 2>&1") {
  return run_shell(binary_command(args) + redirect);
}

}  // namespace blastgraph::testing
