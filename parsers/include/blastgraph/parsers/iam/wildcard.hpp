#pragma once
// IAM wildcard matching: `*` matches any run of characters (including ':' and '/', so one `*`
// may span several ARN segments) and `?` exactly one character. No other character is special.

#include <cstdint>
#include <string_view>

namespace blastgraph::iam {

// Actions and service prefixes compare case-insensitively; ARNs, principals and condition
// values case-sensitively.
enum class CaseSensitivity : std::uint8_t { sensitive, insensitive };

// True when the whole of `text` matches `pattern`. Linear in practice; never recursive.
[[nodiscard]] bool wildcard_match(std::string_view pattern, std::string_view text,
                                  CaseSensitivity sensitivity);

[[nodiscard]] bool has_wildcard(std::string_view pattern);

}  // namespace blastgraph::iam
