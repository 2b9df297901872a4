#include "change/plan_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "change/addresses.hpp"

namespace blastgraph::analyzer::plans {
namespace {

using Json = nlohmann::json;

// Builds the document as it streams in, so that when the text breaks off (a truncated upload,
// a stray byte) everything read before the break is still there.
class PartialDom final : public nlohmann::json_sax<Json> {
 public:
  explicit PartialDom(Json& root) : m_root(root) {}

  bool null() override { return put(nullptr); }
  bool boolean(bool value) override { return put(value); }
  bool number_integer(number_integer_t value) override { return put(value); }
  bool number_unsigned(number_unsigned_t value) override { return put(value); }
  bool number_float(number_float_t value, const string_t& /*text*/) override { return put(value); }
  bool string(string_t& value) override { return put(value); }
  bool binary(binary_t& /*value*/) override { return put(nullptr); }
  bool start_object(std::size_t /*size*/) override { return open(Json::object()); }
  bool start_array(std::size_t /*size*/) override { return open(Json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& value) override {
    m_key = value;
    return true;
  }
  bool parse_error(std::size_t position, const std::string& /*token*/,
                   const nlohmann::detail::exception& error) override {
    m_error_position = position;
    m_error = error.what();
    return false;
  }

  std::size_t m_error_position = 0;
  std::string m_error;

 private:
  Json* place(Json value) {
    if (m_stack.empty()) {
      m_root = std::move(value);
      return &m_root;
    }
    auto& parent = *m_stack.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    auto& slot = parent[m_key];
    slot = std::move(value);
    return &slot;
  }
  bool put(Json value) {
    place(std::move(value));
    return true;
  }
  // Ancestors are never modified while a child is open, so these pointers stay valid.
  bool open(Json value) {
    m_stack.push_back(place(std::move(value)));
    return true;
  }
  bool close() {
    if (!m_stack.empty()) m_stack.pop_back();
    return true;
  }

  Json& m_root;
  std::vector<Json*> m_stack;
  std::string m_key;
};

SourcePosition position_of(std::string_view text, std::size_t offset) {
  SourcePosition position{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

std::string string_at(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Terraform lists `module.m` beside `module.m.out`: the call is only the object that holds the
// output, and an edge to the call itself would widen the reach beyond what the value uses.
bool is_container_of_another(const std::string& reference, const std::vector<std::string>& all) {
  if (reference.rfind("module.", 0) != 0 || reference.find('.', 7) != std::string::npos) {
    return false;
  }
  return std::any_of(all.begin(), all.end(), [&](const std::string& other) {
    return other.size() > reference.size() && other.compare(0, reference.size(), reference) == 0 &&
           (other[reference.size()] == '.' || other[reference.size()] == '[');
  });
}

class Reader {
 public:
  Reader(std::string_view name, PlanModel& out) : m_name(name), m_out(out) {}

  void warn(std::string message) {
    m_out.diagnostics.push_back(
        {std::string(m_name), {}, Severity::warning, "plan-format", std::move(message)});
  }

  void read_changes(const Json& list) {
    if (!list.is_array()) return warn("resource_changes is not an array; no change read");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& entry = list[i];
      const auto where = "resource_changes[" + std::to_string(i) + "]";
      PlannedChange change;
      if (entry.is_object()) change.address = string_at(entry, "address");
      if (change.address.empty()) {
        warn(where + " has no address; skipped");
        continue;
      }
      change.previous_address = string_at(entry, "previous_address");
      change.action_reason = string_at(entry, "action_reason");
      const auto change_it = entry.find("change");
      const Json* actions = nullptr;
      if (change_it != entry.end() && change_it->is_object()) {
        auto it = change_it->find("actions");
        if (it != change_it->end() && it->is_array()) actions = &*it;
      }
      if (actions == nullptr) {
        warn(where + " (" + change.address + ") has no change.actions; skipped");
        continue;
      }
      for (const auto& action : *actions) {
        if (action.is_string()) change.actions.push_back(action.get<std::string>());
      }
      m_out.changes.push_back(std::move(change));
    }
  }

  void read_module(const Json& module, const std::string& prefix, std::size_t depth) {
    if (!module.is_object() || depth > 64) return;
    if (auto it = module.find("resources"); it != module.end() && it->is_array()) {
      for (const auto& resource : *it) read_resource(resource, prefix);
    }
    if (auto it = module.find("module_calls"); it != module.end() && it->is_object()) {
      for (const auto& [name, call] : it->items()) read_call(name, call, prefix, depth);
    }
    if (auto it = module.find("outputs"); it != module.end() && it->is_object()) {
      for (const auto& [name, output] : it->items()) {
        if (!output.is_object()) continue;
        if (auto e = output.find("expression"); e != output.end()) {
          collect(*e, prefix + "output." + name, "value", prefix, graph::EdgeKind::reference);
        }
      }
    }
  }

 private:
  void read_resource(const Json& resource, const std::string& prefix) {
    if (!resource.is_object()) return;
    const auto address = string_at(resource, "address");
    if (address.empty()) return;
    const auto source = prefix + address;
    if (auto it = resource.find("expressions"); it != resource.end()) {
      collect(*it, source, "", prefix, graph::EdgeKind::reference);
    }
    read_meta(resource, source, prefix);
  }

  void read_call(const std::string& name, const Json& call, const std::string& prefix,
                 std::size_t depth) {
    if (!call.is_object()) return;
    const auto source = prefix + "module." + name;
    if (auto it = call.find("expressions"); it != call.end() && it->is_object()) {
      for (const auto& [input, expression] : it->items()) {
        collect(expression, source + ".var." + input, input, prefix, graph::EdgeKind::module_input);
      }
    }
    read_meta(call, source, prefix);
    if (auto it = call.find("module"); it != call.end()) read_module(*it, source + ".", depth + 1);
  }

  void read_meta(const Json& block, const std::string& source, const std::string& prefix) {
    for (const char* key : {"count_expression", "for_each_expression"}) {
      if (auto it = block.find(key); it != block.end()) {
        collect(*it, source, key, prefix, graph::EdgeKind::meta_argument);
      }
    }
    if (auto it = block.find("depends_on"); it != block.end() && it->is_array()) {
      for (const auto& reference : *it) {
        if (reference.is_string()) add(source, reference.get<std::string>(), "depends_on", prefix,
                                       graph::EdgeKind::depends_on);
      }
    }
  }

  // An expression is {"references": [...]} or {"constant_value": ...}; nested blocks are
  // objects (or arrays of objects) of expressions keyed by attribute.
  void collect(const Json& value, const std::string& source, const std::string& path,
               const std::string& prefix, graph::EdgeKind kind) {
    if (value.is_array()) {
      for (const auto& item : value) collect(item, source, path, prefix, kind);
      return;
    }
    if (!value.is_object()) return;
    if (auto it = value.find("references"); it != value.end() && it->is_array()) {
      std::vector<std::string> references;
      for (const auto& reference : *it) {
        if (reference.is_string()) references.push_back(reference.get<std::string>());
      }
      for (const auto& reference : references) {
        if (!is_container_of_another(reference, references)) {
          add(source, reference, path, prefix, kind);
        }
      }
    }
    for (const auto& [key, inner] : value.items()) {
      if (key == "references" || key == "constant_value") continue;
      collect(inner, source, path.empty() ? key : path + "." + key, prefix, kind);
    }
  }

  void add(const std::string& source, const std::string& reference, const std::string& path,
           const std::string& prefix, graph::EdgeKind kind) {
    auto subject = addresses::reference_subject(reference);
    if (!subject) return;
    m_out.references.push_back({source, prefix + *subject, path, kind});
  }

  std::string_view m_name;
  PlanModel& m_out;
};

}  // namespace

PlanModel parse_plan(std::string_view text, std::string_view name) {
  PlanModel out;
  Json document;
  PartialDom dom(document);
  const bool complete = Json::sax_parse(text, &dom);
  if (!complete) {
    // nlohmann's text repeats the position the diagnostic already carries: keep the reason.
    auto message = dom.m_error.empty() ? std::string("malformed JSON") : dom.m_error;
    if (auto reason = message.find("syntax error"); reason != std::string::npos) {
      message.erase(0, reason);
    }
    // nlohmann counts the offending character as read: it sits one byte before.
    const auto offset = dom.m_error_position > 0 ? dom.m_error_position - 1 : 0;
    out.diagnostics.push_back({std::string(name), position_of(text, offset),
                               Severity::error, "plan-syntax",
                               message + "; what was read before it is used"});
  }
  Reader reader(name, out);
  if (!document.is_object()) {
    if (complete) reader.warn("not a Terraform plan: the document is not a JSON object");
    return out;
  }
  const auto version = string_at(document, "format_version");
  if (version.empty()) {
    reader.warn("no format_version; read as format 1.x");
  } else if (version.substr(0, 2) != "1.") {
    reader.warn("format_version " + version + " is not 1.x; read as 1.x");
  }
  if (auto it = document.find("resource_changes"); it != document.end()) reader.read_changes(*it);
  if (auto config = document.find("configuration"); config != document.end() && config->is_object()) {
    if (auto root = config->find("root_module"); root != config->end()) {
      reader.read_module(*root, "", 0);
    }
  }
  return out;
}

}  // namespace blastgraph::analyzer::plans
