#include "kubernetes/builtin_objects.hpp"

#include <algorithm>
#include <array>

namespace blastgraph::analyzer::k8s_link {
namespace {

struct BuiltinObject {
  std::string_view platform;
  std::string_view kind;
  std::string_view ns;    // "*": every namespace; "": cluster-scoped
  std::string_view name;  // a trailing "*" makes it a prefix
};

constexpr BuiltinObject k_builtin_objects[] = {
#include "kubernetes/builtin_objects.inc"
};

bool name_matches(std::string_view pattern, std::string_view name) {
  if (pattern.ends_with('*')) return name.starts_with(pattern.substr(0, pattern.size() - 1));
  return pattern == name;
}

}  // namespace

std::optional<std::string_view> builtin_platform(std::string_view kind, std::string_view ns,
                                                 std::string_view name) {
  const auto* found = std::find_if(
      std::begin(k_builtin_objects), std::end(k_builtin_objects), [&](const BuiltinObject& b) {
        return b.kind == kind && (b.ns == "*" || b.ns == ns) && name_matches(b.name, name);
      });
  if (found == std::end(k_builtin_objects)) return std::nullopt;
  return found->platform;
}

}  // namespace blastgraph::analyzer::k8s_link
