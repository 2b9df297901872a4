#pragma once
// The wildcard matcher behind wildcard_match and resource matching. A pattern is read as a
// sequence of tokens by a syntax: plain globs know `*` and `?`; resource patterns also read
// policy variables, which match like `*` because their value is only known at request time.

#include <cstddef>
#include <string_view>

#include "blastgraph/parsers/iam/wildcard.hpp"

namespace blastgraph::iam::detail {

enum class PatternSyntax : unsigned char { glob, policy_variables };

[[nodiscard]] bool match_pattern(std::string_view pattern, std::string_view text,
                                 CaseSensitivity sensitivity, PatternSyntax syntax);

[[nodiscard]] char fold_case(char c);

}  // namespace blastgraph::iam::detail
