#pragma once
// Shared pieces of the JSON reports (nlohmann stays inside the library).

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"

namespace blastgraph::analyzer::json {

using Json = nlohmann::ordered_json;

[[nodiscard]] Json counts(const std::map<std::string, std::size_t>& counts);
[[nodiscard]] Json coverage(const Coverage& coverage);
[[nodiscard]] Json diagnostics(const std::vector<Diagnostic>& diagnostics);

// Two-space indented, trailing newline.
void write(const Json& document, std::ostream& out);

}  // namespace blastgraph::analyzer::json
