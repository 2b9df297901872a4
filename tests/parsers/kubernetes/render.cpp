#include "render.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace blastgraph::kubernetes::testing {
namespace {

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\x" + std::string(1, "0123456789abcdef"[(c >> 4) & 0xF]) +
                 std::string(1, "0123456789abcdef"[c & 0xF]);
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string at(SourcePosition p) {
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

std::string_view style_name(yaml::ScalarStyle style) {
  switch (style) {
    case yaml::ScalarStyle::plain:
      return "plain";
    case yaml::ScalarStyle::single_quoted:
      return "single";
    case yaml::ScalarStyle::double_quoted:
      return "double";
    case yaml::ScalarStyle::literal:
      return "literal";
    case yaml::ScalarStyle::folded:
      return "folded";
  }
  return "?";
}

std::string scalar_line(yaml::Node node) {
  std::string out = std::string(style_name(node.style()));
  if (node.style() == yaml::ScalarStyle::plain && !node.is_plain()) out += " tagged";
  if (node.as_bool()) out += *node.as_bool() ? " bool:true" : " bool:false";
  if (node.is_null()) out += " null";
  return out + " " + quoted(node.scalar()) + " " + at(node.position());
}

void render_node(std::ostringstream& out, yaml::Node node, const std::string& indent,
                 const std::string& prefix) {
  if (node.is_scalar()) {
    out << indent << prefix << scalar_line(node) << "\n";
    return;
  }
  bool mapping = node.is_mapping();
  out << indent << prefix << (mapping ? "map " : "seq ") << at(node.position()) << " lines "
      << node.position().line << "-" << node.last_line() << "\n";
  std::string inner = indent + "  ";
  for (std::size_t i = 0; i < node.size(); ++i) {
    if (!mapping) {
      render_node(out, node.item(i), inner, "- ");
    } else if (node.key(i).is_scalar() && node.value(i).is_scalar()) {
      out << inner << scalar_line(node.key(i)) << " => " << scalar_line(node.value(i)) << "\n";
    } else {
      render_node(out, node.key(i), inner, "key ");
      render_node(out, node.value(i), inner, "=> ");
    }
  }
}

std::string join_labels(const Labels& labels) {
  std::string out;
  for (const auto& [key, value] : labels) out += (out.empty() ? "" : ", ") + key + "=" + value;
  return out;
}

std::string_view operator_name(SelectorOperator op) {
  switch (op) {
    case SelectorOperator::in:
      return "In";
    case SelectorOperator::not_in:
      return "NotIn";
    case SelectorOperator::exists:
      return "Exists";
    case SelectorOperator::does_not_exist:
      return "DoesNotExist";
  }
  return "?";
}

std::string render_selector(const LabelSelector& selector) {
  std::string out = "{" + join_labels(selector.match_labels);
  for (const LabelRequirement& r : selector.match_expressions) {
    out += (out.size() > 1 ? "; " : "") + r.key + " " + std::string(operator_name(r.op));
    if (!r.values.empty()) {
      out += " (";
      for (std::size_t i = 0; i < r.values.size(); ++i) out += (i ? ", " : "") + r.values[i];
      out += ")";
    }
  }
  return out + "}";
}

std::string_view selector_via(SelectorVia via) {
  switch (via) {
    case SelectorVia::pod_disruption_budget:
      return "pod_disruption_budget";
    case SelectorVia::network_policy_target:
      return "network_policy_target";
    case SelectorVia::network_policy_from:
      return "network_policy_from";
    case SelectorVia::network_policy_to:
      return "network_policy_to";
  }
  return "?";
}

void render_refs(std::ostringstream& out, const Object& o) {
  for (const ObjectRef& r : o.references) {
    out << "  ref " << r.kind << " " << (r.namespace_name.empty() ? "" : r.namespace_name + "/")
        << (r.name.empty() ? "*" : r.name) << " via " << to_string(r.via) << " " << at(r.position)
        << " " << r.path << (r.optional ? " optional" : "") << (r.implicit ? " implicit" : "")
        << "\n";
  }
  for (const SelectorRef& s : o.selectors) {
    out << "  selects " << selector_via(s.via);
    if (s.pod_selector) out << " pods" << render_selector(*s.pod_selector);
    if (s.namespace_selector) out << " namespaces" << render_selector(*s.namespace_selector);
    out << " " << at(s.position) << " " << s.path << "\n";
  }
  for (const AddressSite& a : o.addresses) {
    out << "  address " << quoted(a.value) << " " << at(a.position) << " " << a.path << "\n";
  }
}

std::string join_quoted(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i ? ",\"" : "\"") + items[i] + "\"";
  }
  return "[" + out + "]";
}

void render_admission(std::ostringstream& out, const Object& o) {
  for (const AdmissionHook& hook : o.admission_hooks) {
    out << "  hook " << hook.name << " " << at(hook.position) << " " << hook.path
        << (hook.exact_match ? " exact" : "") << " namespaces"
        << render_selector(hook.namespace_selector) << " objects"
        << render_selector(hook.object_selector) << "\n";
    for (const AdmissionRule& rule : hook.rules) {
      out << "    rule groups " << join_quoted(rule.api_groups) << " versions "
          << join_quoted(rule.api_versions) << " resources " << join_quoted(rule.resources)
          << " scope " << rule.scope << "\n";
    }
  }
  if (o.defines) {
    out << "  defines " << o.defines->group << " " << o.defines->kind << " " << o.defines->plural
        << (o.defines->cluster_scoped ? " cluster" : " namespaced") << "\n";
  }
}

void render_object(std::ostringstream& out, const Object& o) {
  out << "object " << o.api_version << " " << o.kind << " "
      << (o.namespace_name.empty() ? "" : o.namespace_name + "/") << o.name << " doc "
      << o.document_index << " lines " << o.span.first_line << "-" << o.span.last_line << " at "
      << at(o.position) << "\n";
  if (!o.labels.empty()) out << "  labels " << join_labels(o.labels) << "\n";
  if (!o.annotations.empty()) out << "  annotations " << join_labels(o.annotations) << "\n";
  for (const OwnerReference& owner : o.owner_references) {
    out << "  owner " << owner.api_version << " " << owner.kind << " " << owner.name
        << (owner.controller ? " controller" : "") << "\n";
  }
  if (o.has_pod_template) out << "  pod labels {" << join_labels(o.pod_template_labels) << "}\n";
  if (o.selector) out << "  selector " << render_selector(*o.selector) << "\n";
  if (o.service_selector)
    out << "  service selector {" << join_labels(*o.service_selector) << "}\n";
  if (!o.service_type.empty()) out << "  service type " << o.service_type << "\n";
  if (!o.external_name.empty()) out << "  external name " << o.external_name << "\n";
  render_refs(out, o);
  render_admission(out, o);
}

void render_diagnostics(std::ostringstream& out, std::vector<Diagnostic> diagnostics) {
  sort_diagnostics(diagnostics);
  for (const Diagnostic& d : diagnostics) out << format_diagnostic(d) << "\n";
}

}  // namespace

std::string render_stream(const yaml::Stream& stream) {
  std::ostringstream out;
  for (const yaml::Document& document : stream.documents) {
    out << "document " << document.index << " lines " << document.first_line << "-"
        << document.last_line << "\n";
    render_node(out, document.root, "  ", "");
  }
  render_diagnostics(out, stream.diagnostics);
  return out.str();
}

std::string render_manifests(const ManifestFile& file) {
  std::ostringstream out;
  if (file.unparsed) out << "unparsed\n";
  for (const Object& object : file.objects) render_object(out, object);
  render_diagnostics(out, file.diagnostics);
  return out.str();
}

std::string render_kustomization(const Kustomization& kustomization) {
  std::ostringstream out;
  for (const std::string& resource : kustomization.resources)
    out << "resource " << resource << "\n";
  render_diagnostics(out, kustomization.diagnostics);
  return out.str();
}

std::filesystem::path fixtures_dir() {
  return std::filesystem::path(BLASTGRAPH_FIXTURES_DIR) / "parsers" / "kubernetes";
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> list_cases(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace blastgraph::kubernetes::testing
