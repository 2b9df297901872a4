#include "blastgraph/graph/interface.hpp"

#include <algorithm>
#include <array>

namespace blastgraph::graph {

std::string_view to_string(NeedKind kind) {
  switch (kind) {
    case NeedKind::arn:
      return "arn";
    case NeedKind::lookup:
      return "lookup";
    case NeedKind::remote_state:
      return "remote_state";
    case NeedKind::arn_pattern:
      return "arn_pattern";
  }
  return "arn";
}

std::string_view to_string(MatchKind kind) {
  switch (kind) {
    case MatchKind::arn:
      return "arn";
    case MatchKind::name:
      return "name";
    case MatchKind::lookup:
      return "lookup";
    case MatchKind::remote_state:
      return "remote_state";
    case MatchKind::pattern:
      return "pattern";
  }
  return "arn";
}

std::optional<ArnParts> parse_arn(std::string_view text) {
  if (!text.starts_with("arn:")) return std::nullopt;
  std::array<std::string_view, 5> fields;
  std::size_t from = 4;
  for (std::size_t i = 0; i < 4; ++i) {
    const auto colon = text.find(':', from);
    if (colon == std::string_view::npos) return std::nullopt;
    fields[i] = text.substr(from, colon - from);
    from = colon + 1;
  }
  fields[4] = text.substr(from);
  return ArnParts{fields[0], fields[1], fields[2], fields[3], fields[4]};
}

bool is_account_id(std::string_view text) {
  constexpr std::size_t k_account_digits = 12;
  return text.size() == k_account_digits &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace blastgraph::graph
