#include <oneapi/tbb/parallel_for.h>

#include "blastgraph/analyzer/report.hpp"
#include "report/json_util.hpp"

namespace blastgraph::analyzer {
namespace {

json::Json factors_json(const ScoreReport& r) {
  json::Json out = json::Json::array();
  for (const auto& f : r.factors) {
    out.push_back({{"name", f.name}, {"measure", f.measure}, {"points", f.points},
                   {"max_points", f.max_points}, {"detail", f.detail}});
  }
  return out;
}

json::Json changed_json(const ScoreReport& r) {
  json::Json out = json::Json::array();
  for (const auto& c : r.changed) {
    out.push_back({{"id", c.id}, {"type", c.type}, {"service", c.service},
                   {"action", to_string(c.action)}, {"file", c.file}, {"line", c.line},
                   {"sources", c.sources}, {"detail", c.detail}});
  }
  return out;
}

json::Json risks_json(const ScoreReport& r) {
  json::Json out = json::Json::array();
  for (const auto& risk : r.risks) {
    out.push_back({{"node", risk.node}, {"kind", risk.kind}, {"message", risk.message},
                   {"file", risk.file}, {"line", risk.position.line},
                   {"column", risk.position.column}});
  }
  return out;
}

json::Json unmapped_json(const ScoreReport& r) {
  json::Json out = json::Json::array();
  for (const auto& u : r.unmapped) {
    out.push_back({{"source", to_string(u.source)}, {"file", u.file}, {"first_line", u.first_line},
                   {"last_line", u.last_line}, {"subject", u.subject}, {"kind", to_string(u.kind)}, {"reason", u.reason}});
  }
  return out;
}

json::Json violations_json(const ScoreReport& r) {
  json::Json out = json::Json::array();
  for (const auto& v : r.violations) {
    out.push_back({{"rule", v.rule}, {"message", v.message}, {"file", v.file},
                   {"line", v.position.line}, {"column", v.position.column},
                   {"resources", v.resources}});
  }
  return out;
}

// An organization's change can reach a hundred thousand services: built side by side.
json::Json services_json(const ScoreReport& r) {
  json::Json::array_t out(r.services.size());
  tbb::parallel_for(std::size_t{0}, out.size(), [&](std::size_t i) {
    const auto& s = r.services[i];
    json::Json service{{"service", s.service}, {"resources", s.resources},
                       {"distance", s.distance}, {"path", s.path}, {"edges", s.edges}};
    if (!s.application.empty()) service["application"] = s.application;
    out[i] = std::move(service);
  });
  return json::Json(std::move(out));
}

json::Json repositories_json(const ScoreReport& r) {
  json::Json out = json::Json::array();
  for (const auto& repository : r.repositories) {
    out.push_back({{"repository", repository.repository},
                   {"under_review", repository.under_review},
                   {"services", repository.services},
                   {"resources", repository.resources}});
  }
  return out;
}

json::Json hops_json(const ScoreReport& r) {
  json::Json out = json::Json::array();
  for (const auto& hop : r.repository_hops) {
    const auto& link = hop.link;
    out.push_back({{"source", link.source},
                   {"target", link.target},
                   {"source_repository", link.source_repository},
                   {"target_repository", link.target_repository},
                   {"edge", graph::to_string(link.edge)},
                   {"match", graph::to_string(link.match)},
                   {"value", link.value},
                   {"source_file", link.evidence.file.str()},
                   {"source_line", link.evidence.line},
                   {"attribute", link.evidence.attribute.str()},
                   {"target_file", hop.target_file},
                   {"target_line", hop.target_line}});
  }
  return out;
}

}  // namespace

void write_score_json(const ScoreReport& r, const Workspace& workspace, std::ostream& out) {
  json::Json doc;
  doc["schema"] = k_report_schema;
  doc["root"] = workspace.root.generic_string();
  doc["score"] = r.score;
  doc["tier"] = to_string(r.tier);
  doc["score_tier"] = to_string(r.score_tier);
  doc["floor"] = {{"tier", to_string(r.floor.tier)}, {"reason", r.floor.reason},
                  {"node", r.floor.node}};
  doc["verdict"] = to_string(r.verdict);
  doc["change_source"] = r.change_source;
  doc["policy_version"] = r.policy_version;
  doc["violations"] = violations_json(r);
  doc["approvals"] = r.approvals;
  doc["factors"] = factors_json(r);
  doc["changed"] = changed_json(r);
  doc["unmatched"] = r.unmatched_patterns;
  doc["unmapped"] = unmapped_json(r);
  doc["notes"] = r.notes;
  doc["risks"] = risks_json(r);
  doc["services"] = services_json(r);
  if (!r.repositories.empty()) {
    doc["repositories"] = repositories_json(r);
    doc["repository_hops"] = hops_json(r);
    doc["organization_needs"] = {{"needs", r.organization_needs.needs},
                                 {"unmatched", r.organization_needs.unmatched},
                                 {"symbolic", r.organization_needs.symbolic}};
  }
  doc["resources_reached"] = r.resources_reached;
  doc["nodes_reached"] = r.nodes_reached;
  doc["resources_by_type"] = json::counts(r.resources_by_type);
  doc["coverage"] = json::coverage(r.coverage);
  doc["diagnostics"] = json::diagnostics(workspace.diagnostics);
  json::write(doc, out);
}

}  // namespace blastgraph::analyzer
