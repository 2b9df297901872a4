#include "report/json_util.hpp"

#include <ostream>

namespace blastgraph::analyzer::json {

Json counts(const std::map<std::string, std::size_t>& counts) {
  Json out = Json::object();
  // NOTE: an ordered_json object is a vector searched linearly on every insertion, which made
  // a scan of 111k services spend 12 s here; keys of a std::map are unique, so they are
  // appended without the search.
  auto& fields = out.get_ref<Json::object_t&>();
  fields.reserve(counts.size());
  for (const auto& [key, count] : counts) fields.Container::emplace_back(key, Json(count));
  return out;
}

namespace {

Json unread_files(const std::vector<UnreadFile>& files) {
  Json out = Json::array();
  for (const auto& f : files) {
    out.push_back(Json{{"file", f.file},
                       {"problem", to_string(f.problem)},
                       {"terraform_roots", f.terraform_roots},
                       {"kustomization", f.kustomization},
                       {"namespaces", f.namespaces}});
  }
  return out;
}

Json unexpanded_modules(const std::vector<UnexpandedModule>& modules) {
  Json out = Json::array();
  for (const auto& m : modules) {
    out.push_back(Json{{"call", m.call},
                       {"source", m.source},
                       {"file", m.file},
                       {"line", m.line},
                       {"reason", m.reason}});
  }
  return out;
}

}  // namespace

Json coverage(const Coverage& c) {
  return Json{{"files_scanned", c.files_scanned},
              {"files_unparsed", c.files_unparsed},
              {"files_with_errors", c.files_with_errors},
              {"unread_files", unread_files(c.unread_files)},
              {"unresolved_references", c.unresolved_references},
              {"symbolic_values", c.symbolic_values},
              {"external_modules", c.external_modules},
              {"unexpanded_modules", unexpanded_modules(c.unexpanded_modules)},
              {"unsupported_types", counts(c.unsupported_types)}};
}

Json diagnostics(const std::vector<Diagnostic>& diagnostics) {
  Json out = Json::array();
  for (const auto& d : diagnostics) {
    out.push_back(Json{{"file", d.file},
                       {"line", d.position.line},
                       {"column", d.position.column},
                       {"severity", to_string(d.severity)},
                       {"code", d.code},
                       {"message", d.message}});
  }
  return out;
}

void write(const Json& document, std::ostream& out) {
  // Invalid UTF-8 from an input file is replaced, never a throw.
  out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace blastgraph::analyzer::json
