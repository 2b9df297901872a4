#include "kubernetes/ids.hpp"

#include <cctype>
#include <optional>

namespace blastgraph::analyzer::k8s_link {
namespace {

constexpr std::string_view k_prefix = "k8s:";

bool is_namespace_char(char c) {
  // '?': a placeholder (ObjectIndex)
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '?';
}

// Whether `rest` is "<ns>/<Kind>/<name>[@<variant>]": a namespace (a DNS label, maybe empty),
// a kind (UpperCamelCase) and a name (no '/', no '@'). A scope directory before it can look
// like "<ns>/<kind>/..." but never ends there: a name has no '/'.
bool is_object_part(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() && is_namespace_char(rest[i])) ++i;
  if (i == rest.size() || rest[i] != '/') return false;
  ++i;
  if (i == rest.size() || std::isupper(static_cast<unsigned char>(rest[i])) == 0) return false;
  while (i < rest.size() && std::isalnum(static_cast<unsigned char>(rest[i])) != 0) ++i;
  if (i == rest.size() || rest[i] != '/') return false;
  const auto name = rest.substr(i + 1, rest.find('@', i + 1) - (i + 1));
  return !name.empty() && name.find('/') == std::string_view::npos;
}

// "<ns>/<Kind>/<name>..." of a Kubernetes id, past any scope.
std::optional<std::string_view> object_part(std::string_view id) {
  if (!id.starts_with(k_prefix)) return std::nullopt;
  for (auto rest = id.substr(k_prefix.size());;) {
    if (is_object_part(rest)) return rest;
    const auto colon = rest.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(colon + 1);
  }
}

}  // namespace

std::string unscoped_id(std::string_view id) {
  const auto rest = object_part(id);
  return rest ? std::string(k_prefix) + std::string(*rest) : std::string(id);
}

std::string scope_of_id(std::string_view id) {
  const auto rest = object_part(id);
  if (!rest) return {};
  const auto scoped = id.substr(k_prefix.size(), id.size() - k_prefix.size() - rest->size());
  return scoped.empty() ? std::string() : std::string(scoped.substr(0, scoped.size() - 1));
}

std::string namespace_of_id(std::string_view id) {
  const auto rest = object_part(id);
  return rest ? std::string(rest->substr(0, rest->find('/'))) : std::string();
}

}  // namespace blastgraph::analyzer::k8s_link
