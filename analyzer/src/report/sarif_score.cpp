// The score report as SARIF 2.1.0 for code-scanning tools (README "Outputs").
#include <set>

#include "blastgraph/analyzer/report.hpp"
#include "report/json_util.hpp"

#ifndef BLASTGRAPH_VERSION
#error "BLASTGRAPH_VERSION is set by analyzer/CMakeLists.txt"
#endif

namespace blastgraph::analyzer {
namespace {

using json::Json;

constexpr std::string_view k_changed_rule = "changed-resource";
constexpr std::string_view k_violation_rule = "scope-violation";
constexpr std::string_view k_risk_prefix = "policy-risk/";

// The risk kinds of workspace.hpp PolicyRisk; a kind not listed still gets its own rule.
constexpr std::string_view k_risk_kinds[] = {"full-admin", "not-action-allow", "any-principal",
                                             "wildcard-subject", "privilege-escalation"};

std::string_view level_of(Tier tier) {
  switch (tier) {
    case Tier::low:
      return "note";
    case Tier::medium:
      return "warning";
    case Tier::high:
    case Tier::critical:
      return "error";
  }
  return "error";
}

// A relative path as a URI reference: unreserved characters and '/' stay, the rest is
// percent-encoded.
std::string to_uri(std::string_view path) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += c;
    } else {
      out += '%';
      out += k_hex[u >> 4U];
      out += k_hex[u & 0xFU];
    }
  }
  return out;
}

Json rule(std::string_view id, std::string_view name, std::string_view text,
          std::string_view level) {
  return Json{{"id", id},
              {"name", name},
              {"shortDescription", {{"text", text}}},
              {"defaultConfiguration", {{"level", level}}}};
}

// Every rule, in a fixed order: the changed-resource and scope-violation rules, then one per
// risk kind (the known ones, then any other kind the report holds, sorted).
std::vector<std::string> rule_ids(const ScoreReport& r) {
  std::vector<std::string> ids{std::string(k_changed_rule), std::string(k_violation_rule)};
  std::set<std::string> kinds;
  for (const auto kind : k_risk_kinds)
    ids.push_back(std::string(k_risk_prefix) + std::string(kind));
  for (const auto& risk : r.risks) kinds.insert(risk.kind);
  for (const auto kind : k_risk_kinds) kinds.erase(std::string(kind));
  for (const auto& kind : kinds) ids.push_back(std::string(k_risk_prefix) + kind);
  return ids;
}

Json rules_json(const std::vector<std::string>& ids) {
  Json out = Json::array();
  out.push_back(rule(k_changed_rule, "ChangedResource",
                     "A changed infrastructure resource; the level follows the change's risk tier "
                     "(LOW note, MEDIUM warning, HIGH and CRITICAL error)",
                     "warning"));
  out.push_back(rule(k_violation_rule, "ScopeViolation",
                     "A scope rule of the policy file forbids this change for its change source",
                     "error"));
  for (std::size_t i = 2; i < ids.size(); ++i) {
    const auto kind = ids[i].substr(k_risk_prefix.size());
    out.push_back(
        rule(ids[i], "PolicyRisk", "Risk factor in a changed IAM policy: " + kind, "warning"));
  }
  return out;
}

Json location(std::string_view file, std::uint32_t line, std::uint32_t column,
              std::string_view id) {
  Json physical{{"artifactLocation", {{"uri", to_uri(file)}}}};
  if (line > 0) {
    physical["region"] = {{"startLine", line}};
    if (column > 0) physical["region"]["startColumn"] = column;
  }
  Json out{{"physicalLocation", std::move(physical)}};
  if (!id.empty())
    out["logicalLocations"] = Json::array({{{"fullyQualifiedName", id}, {"kind", "resource"}}});
  return out;
}

std::string reach_text(const ScoreReport& r) {
  constexpr std::size_t k_named = 5;
  std::string out = "reaches " + std::to_string(r.services.size()) + " service" +
                    (r.services.size() == 1 ? "" : "s");
  for (std::size_t i = 0; i < r.services.size() && i < k_named; ++i) {
    out += (i ? ", " : " (") + (r.services[i].service.empty() ? "(none)" : r.services[i].service);
  }
  if (r.services.size() > k_named) out += ", \u2026";
  if (!r.services.empty()) out += ")";
  out += " and " + std::to_string(r.resources_reached) + " resources";
  if (!r.repositories.empty()) {
    out += " in " + std::to_string(r.repositories.size()) + " repositor" +
           (r.repositories.size() == 1 ? "y" : "ies");
  }
  return out;
}

Json result(std::string_view rule_id, std::size_t rule_index, std::string_view level,
            const std::string& message) {
  return Json{{"ruleId", rule_id},
              {"ruleIndex", rule_index},
              {"level", level},
              {"message", {{"text", message}}}};
}

void add_changed_results(const ScoreReport& r, Json& results) {
  const std::string reach = reach_text(r);
  for (const auto& c : r.changed) {
    Json out = result(k_changed_rule, 0, level_of(r.tier),
                      std::string(to_string(c.action)) + " of " + c.id + ": tier " +
                          std::string(to_string(r.tier)) + ", blast radius " +
                          std::to_string(r.score) + "/100; the change " + reach);
    if (!c.file.empty()) out["locations"] = Json::array({location(c.file, c.line, 0, c.id)});
    out["properties"] = {{"id", c.id},           {"type", c.type},
                         {"service", c.service}, {"action", to_string(c.action)},
                         {"score", r.score},     {"tier", to_string(r.tier)}};
    results.push_back(std::move(out));
  }
}

void add_violation_results(const ScoreReport& r, Json& results) {
  for (const auto& v : r.violations) {
    Json out = result(k_violation_rule, 1, "error",
                      "scope rule " + v.rule + " denies the change: " + v.message);
    Json locations = Json::array();
    for (const auto& id : v.resources) {
      for (const auto& c : r.changed) {
        if (c.id == id && !c.file.empty()) locations.push_back(location(c.file, c.line, 0, c.id));
      }
    }
    if (!locations.empty()) out["locations"] = std::move(locations);
    if (!v.file.empty()) {
      out["relatedLocations"] =
          Json::array({location(v.file, v.position.line, v.position.column, "")});
      out["relatedLocations"][0]["id"] = 1;
      out["relatedLocations"][0]["message"] = {{"text", "the scope rule " + v.rule}};
    }
    out["properties"] = {
        {"rule", v.rule}, {"resources", v.resources}, {"verdict", to_string(r.verdict)}};
    results.push_back(std::move(out));
  }
}

void add_risk_results(const ScoreReport& r, const std::vector<std::string>& ids, Json& results) {
  for (const auto& risk : r.risks) {
    const auto rule_id = std::string(k_risk_prefix) + risk.kind;
    std::size_t index = 0;
    while (index < ids.size() && ids[index] != rule_id) ++index;
    Json out =
        result(rule_id, index, "warning", risk.kind + " in " + risk.node + ": " + risk.message);
    if (!risk.file.empty()) {
      out["locations"] =
          Json::array({location(risk.file, risk.position.line, risk.position.column, risk.node)});
    }
    results.push_back(std::move(out));
  }
}

}  // namespace

std::string_view tool_version() {
  return BLASTGRAPH_VERSION;
}

void write_score_sarif(const ScoreReport& r, std::ostream& out, const SarifOptions& options) {
  const auto ids = rule_ids(r);
  Json driver{{"name", "blastgraph"},
              {"version",
               options.tool_version.empty() ? std::string(tool_version()) : options.tool_version},
              {"rules", rules_json(ids)}};
  Json results = Json::array();
  add_changed_results(r, results);
  add_violation_results(r, results);
  add_risk_results(r, ids, results);
  Json run{{"tool", {{"driver", std::move(driver)}}},
           {"results", std::move(results)},
           {"properties",
            {{"score", r.score},
             {"tier", to_string(r.tier)},
             {"verdict", to_string(r.verdict)},
             {"policy_version", r.policy_version},
             {"change_source", r.change_source},
             {"services", r.services.size()},
             {"resources", r.resources_reached}}}};
  if (!r.repositories.empty()) {
    Json repositories = Json::array();
    for (const auto& repository : r.repositories) repositories.push_back(repository.repository);
    run["properties"]["repositories"] = std::move(repositories);
  }
  Json doc{{"$schema", k_sarif_schema_uri},
           {"version", "2.1.0"},
           {"runs", Json::array({std::move(run)})}};
  json::write(doc, out);
}

}  // namespace blastgraph::analyzer
