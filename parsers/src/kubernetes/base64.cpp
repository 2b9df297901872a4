#include "kubernetes/base64.hpp"

namespace blastgraph::kubernetes::detail {
namespace {

constexpr std::string_view k_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

}  // namespace

std::string base64_encode(std::string_view data) {
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    const unsigned n = (unsigned{static_cast<unsigned char>(data[i])} << 16U) |
                       (unsigned{static_cast<unsigned char>(data[i + 1])} << 8U) |
                       unsigned{static_cast<unsigned char>(data[i + 2])};
    for (unsigned j = 0; j < 4; ++j) out += k_alphabet[(n >> (18U - 6U * j)) & 0x3FU];
  }
  if (i < data.size()) {
    unsigned n = unsigned{static_cast<unsigned char>(data[i])} << 16U;
    if (i + 1 < data.size()) n |= unsigned{static_cast<unsigned char>(data[i + 1])} << 8U;
    out += k_alphabet[(n >> 18U) & 0x3FU];
    out += k_alphabet[(n >> 12U) & 0x3FU];
    out += i + 1 < data.size() ? k_alphabet[(n >> 6U) & 0x3FU] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  unsigned bits = 0;
  std::size_t padding = 0;
  for (char c : text) {
    if (is_space(c)) continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    if (padding > 0) return std::nullopt;  // data after the padding
    const auto value = k_alphabet.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 6U) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFFU);
    }
  }
  if (padding > 2 || bits >= 6) return std::nullopt;
  return out;
}

}  // namespace blastgraph::kubernetes::detail
