#include "kubernetes/ids.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace blastgraph::analyzer::k8s_link {
namespace {

constexpr std::string_view k_prefix = "k8s:";

// Whether `rest` starts "<ns>/<Kind>/": a namespace (no ':' or '/', maybe empty) and a kind.
bool starts_with_namespace_and_kind(std::string_view rest) {
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos ||
      rest.substr(0, slash).find(':') != std::string_view::npos) {
    return false;
  }
  const auto kind_end = rest.find('/', slash + 1);
  if (kind_end == std::string_view::npos || kind_end == slash + 1) return false;
  const auto kind = rest.substr(slash + 1, kind_end - slash - 1);
  return std::all_of(kind.begin(), kind.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

// "<ns>/<Kind>/<name>..." of a Kubernetes id, past any scope.
std::optional<std::string_view> object_part(std::string_view id) {
  if (!id.starts_with(k_prefix)) return std::nullopt;
  auto rest = id.substr(k_prefix.size());
  while (!starts_with_namespace_and_kind(rest)) {
    const auto colon = rest.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(colon + 1);
  }
  return rest;
}

}  // namespace

std::string unscoped_id(std::string_view id) {
  const auto rest = object_part(id);
  return rest ? std::string(k_prefix) + std::string(*rest) : std::string(id);
}

std::string namespace_of_id(std::string_view id) {
  const auto rest = object_part(id);
  return rest ? std::string(rest->substr(0, rest->find('/'))) : std::string();
}

}  // namespace blastgraph::analyzer::k8s_link
