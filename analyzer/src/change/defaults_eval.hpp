#pragma once
// What an expression is worth for a caller that keeps a module's defaults: every `var.x` is
// its default, every `lookup(m, k, d)` and `try(..., d)` its fallback (a key the caller's
// existing maps do not have). Enough to tell that a new argument is null, a dynamic block
// empty or a count zero; anything else is unknown.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace blastgraph::analyzer::opt_in {

// Variable name -> its default expression text; nullopt for a variable with no default.
using Defaults = std::map<std::string, std::optional<std::string>, std::less<>>;

struct Worth {
  enum class Kind { unknown, null, boolean, number, string, empty, collection };
  Kind kind = Kind::unknown;
  std::string text;  // boolean "true"/"false", number and string as written

  [[nodiscard]] bool known() const { return kind != Kind::unknown; }
  // Known and not a non-empty collection (whose items are not kept).
  [[nodiscard]] bool scalar() const { return known() && kind != Kind::collection; }
  // null, false, 0 or an empty collection: nothing for Terraform to create or set.
  [[nodiscard]] bool inert() const;
  bool operator==(const Worth&) const = default;
};

[[nodiscard]] Worth evaluate(std::string_view expression, const Defaults& defaults);

}  // namespace blastgraph::analyzer::opt_in
