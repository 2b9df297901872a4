#pragma once
// Joining words for the details and reasons change sources write.

#include <string>
#include <string_view>
#include <vector>

namespace blastgraph::analyzer::text {

// {"a", "b"} -> "a, b".
[[nodiscard]] inline std::string join(const std::vector<std::string>& items,
                                      std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

}  // namespace blastgraph::analyzer::text
