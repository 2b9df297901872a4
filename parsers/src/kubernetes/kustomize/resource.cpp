// Resources, the reading context, and paths of a kustomization's entries.

#include <algorithm>

#include "kubernetes/extract.hpp"
#include "kubernetes/kustomize/build.hpp"

namespace blastgraph::kubernetes::kustomize {

void Resource::rename(std::string name) {
  if (name == this->name()) return;
  previous_names.emplace_back(this->name());
  doc.ensure("metadata").set("name", Tree::string(std::move(name)));
}

void Resource::move_to_namespace(std::string namespace_name) {
  if (namespace_name == this->namespace_name()) return;
  previous_namespaces.emplace_back(this->namespace_name());
  doc.ensure("metadata").set("namespace", Tree::string(std::move(namespace_name)));
}

bool Resource::was_named(std::string_view name) const {
  return name == this->name() ||
         std::find(previous_names.begin(), previous_names.end(), name) != previous_names.end();
}

std::optional<std::string> Context::read(const std::string& path) {
  auto text = m_read(path);
  if (text) m_out.inputs.push_back(path);
  return text;
}

void Context::report(const std::string& file, SourcePosition at, Severity severity,
                     std::string code, std::string message) {
  m_out.diagnostics.push_back(Diagnostic{file, at, severity, std::move(code), std::move(message)});
}

std::optional<std::string> join_path(const std::string& dir, std::string_view entry) {
  if (entry.starts_with('/')) return std::nullopt;  // absolute: outside the scanned tree
  std::vector<std::string> parts;
  auto push = [&](std::string_view part) {
    if (part.empty() || part == ".") return true;
    if (part == "..") {
      if (parts.empty()) return false;
      parts.pop_back();
      return true;
    }
    parts.emplace_back(part);
    return true;
  };
  auto split = [&](std::string_view path) {
    while (!path.empty()) {
      const auto slash = path.find('/');
      if (!push(path.substr(0, slash))) return false;
      if (slash == std::string_view::npos) break;
      path.remove_prefix(slash + 1);
    }
    return true;
  };
  if (!split(dir) || !split(entry)) return std::nullopt;
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
  return out.empty() ? "." : out;
}

bool is_remote(std::string_view entry) {
  return entry.find("://") != std::string_view::npos || entry.starts_with("github.com/") ||
         entry.starts_with("gitlab.com/") || entry.starts_with("bitbucket.org/") ||
         entry.starts_with("git@") || entry.find("?ref=") != std::string_view::npos;
}

namespace {

void add_document(const std::string& path, const Tree& root, std::size_t index,
                  std::vector<Resource>& out) {
  if (!root.is_mapping() || root.text_at({"apiVersion"}).empty() ||
      root.text_at({"kind"}).empty()) {
    return;
  }
  if (root.text_at({"apiVersion"}).starts_with("kustomize.config.k8s.io/")) return;
  const Tree* items = root.find("items");
  if (root.text_at({"kind"}).ends_with("List") && items != nullptr && items->is_sequence()) {
    for (const Tree& item : items->items) add_document(path, item, index, out);
    return;
  }
  Resource r;
  r.doc = root;
  r.file = path;
  r.first_line = root.position.line;
  r.last_line = root.last_line;
  r.document_index = index;
  out.push_back(std::move(r));
}

}  // namespace

void load_documents(Context& cx, const std::string& path, std::string_view text,
                    std::vector<Resource>& out) {
  // A template is not YAML until it is rendered; the file's own diagnostics say so. What reads
  // with placeholders is read as parse_manifests reads it.
  const auto loaded = detail::load_manifest_stream(path, text);
  if (loaded.template_at) {
    cx.report(cx.kustomization, {}, Severity::warning, "k8s-kustomize-unsupported",
              "'" + path + "' is a template (" + std::string(loaded.template_why) +
                  "); its objects are missing");
    return;
  }
  // YAML problems are the file's own diagnostics, reported where it is scanned.
  for (const yaml::Document& document : loaded.stream.documents) {
    const std::size_t before = out.size();
    add_document(path, from_yaml(document.root), document.index, out);
    // A whole document keeps the `---` line in its span, as parse_manifests does.
    if (out.size() == before + 1 && out.back().doc.position == document.root.position()) {
      out.back().first_line = document.first_line;
      out.back().last_line = document.last_line;
    }
  }
}

}  // namespace blastgraph::kubernetes::kustomize
