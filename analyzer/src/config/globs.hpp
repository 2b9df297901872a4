#pragma once
// Checking the globs a policy file writes, before they are used.

#include <optional>
#include <string>
#include <string_view>

namespace blastgraph::analyzer::config {

// Why `pattern` is not a usable glob (empty, or a `[` class that is never closed), with the
// 0-based offset of the problem; nullopt when it is fine. Both glob flavours (glob_match and
// path_glob_match) share this syntax.
struct GlobProblem {
  std::size_t offset = 0;
  std::string message;
};
[[nodiscard]] std::optional<GlobProblem> check_glob(std::string_view pattern);

}  // namespace blastgraph::analyzer::config
