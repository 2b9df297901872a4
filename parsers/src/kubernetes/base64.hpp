#pragma once
// Base64 (RFC 4648, standard alphabet, padded) as Secret `data` holds it.

#include <optional>
#include <string>
#include <string_view>

namespace blastgraph::kubernetes::detail {

[[nodiscard]] std::string base64_encode(std::string_view data);

// The decoded bytes; nullopt when `text` is not base64 (whitespace, which YAML folding may
// leave, is skipped).
[[nodiscard]] std::optional<std::string> base64_decode(std::string_view text);

}  // namespace blastgraph::kubernetes::detail
