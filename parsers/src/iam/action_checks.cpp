// Every Action/NotAction value is checked against the catalogue. Nothing is corrected: an
// action the catalogue does not know is reported, and matching still uses it as written.

#include "blastgraph/parsers/iam/catalogue.hpp"
#include "blastgraph/parsers/iam/wildcard.hpp"
#include "iam/reader.hpp"

namespace blastgraph::iam::detail {
namespace {

void check_action(std::string_view pattern, SourcePosition position, ReadContext& context) {
  if (pattern == "*") return;
  const ActionCatalogue& catalogue = action_catalogue();
  const std::size_t colon = pattern.find(':');
  if (colon == std::string_view::npos) {
    context.report(position, Severity::warning, "iam-unknown-action",
                   "'" + std::string(pattern) + "' is not of the form service:action");
    return;
  }
  const std::string_view prefix = pattern.substr(0, colon);
  if (!has_wildcard(prefix) && !catalogue.known_service(prefix)) {
    context.report(
        position, Severity::warning, "iam-unknown-service",
        "unknown service prefix '" + std::string(prefix) + "' in '" + std::string(pattern) + "'");
    return;
  }
  if (catalogue.expand(pattern).empty()) {
    context.report(position, Severity::warning, "iam-unknown-action",
                   "'" + std::string(pattern) + "' matches no known action");
  }
}

}  // namespace

void check_actions(const json::Node& node, ReadContext& context) {
  if (node.is_string()) {
    check_action(node.text, node.position, context);
    return;
  }
  for (const json::Node& item : node.items) {
    if (item.is_string()) check_action(item.text, item.position, context);
  }
}

}  // namespace blastgraph::iam::detail
