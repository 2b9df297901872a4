// patchesStrategicMerge, patches and patchesJson6902: which resources a patch applies to,
// and where its text comes from (a file next to the kustomization, or inline).

#include <regex>

#include "kubernetes/kustomize/build.hpp"

namespace blastgraph::kubernetes::kustomize {
namespace {

struct PatchText {
  std::string file;  // where the patch is written, for diagnostics
  std::vector<Tree> documents;
};

void move_positions(Tree& tree, const Tree& to) {
  tree.position = to.position;
  tree.last_line = to.last_line;
  for (Tree& item : tree.items) move_positions(item, to);
  for (auto& entry : tree.entries) move_positions(entry.second, to);
}

// A patch entry is a path to a file or the patch itself (a string holding YAML).
std::optional<PatchText> load_patch(Context& cx, const std::string& dir, const Tree& entry,
                                    bool inline_allowed) {
  std::string text = entry.text;
  std::string file = cx.kustomization;
  const bool is_inline = text.find('\n') != std::string::npos || text.find(':') != std::string::npos;
  if (!(inline_allowed && is_inline)) {
    auto path = join_path(dir, entry.text);
    auto read = path ? cx.read(*path) : std::nullopt;
    if (!read) {
      cx.report(cx.kustomization, entry.position, Severity::warning, "k8s-kustomize-missing",
                "patch '" + entry.text + "' is not there");
      return std::nullopt;
    }
    text = std::move(*read);
    file = *path;
  }
  PatchText out{file, {}};
  yaml::Stream stream = yaml::load(file, text);
  for (const auto& document : stream.documents) out.documents.push_back(from_yaml(document.root));
  // Inline patches carry the kustomization's positions: their own lines are not the file's.
  if (file == cx.kustomization && is_inline) {
    for (Tree& document : out.documents) move_positions(document, entry);
  }
  return out;
}

bool matches_pattern(std::string_view pattern, std::string_view value) {
  if (pattern.empty()) return true;
  if (pattern == value) return true;
  // kustomize reads target names and namespaces as anchored regular expressions.
  try {
    return std::regex_match(std::string(value), std::regex(std::string(pattern)));
  } catch (const std::regex_error&) {
    return false;
  }
}

bool matches_labels(std::string_view selector, const Tree* labels) {
  while (!selector.empty()) {
    const auto comma = selector.find(',');
    std::string_view term = selector.substr(0, comma);
    selector = comma == std::string_view::npos ? std::string_view() : selector.substr(comma + 1);
    const auto eq = term.find('=');
    const std::string_view key = term.substr(0, eq);
    const Tree* value = labels == nullptr ? nullptr : labels->find(key);
    if (value == nullptr) return false;
    if (eq != std::string_view::npos && value->text != term.substr(eq + 1)) return false;
  }
  return true;
}

bool matches_target(const Resource& r, const Tree& target) {
  const std::string_view api_version = r.doc.text_at({"apiVersion"});
  const auto slash = api_version.find('/');
  const std::string_view group = slash == std::string_view::npos ? "" : api_version.substr(0, slash);
  const std::string_view version = slash == std::string_view::npos ? api_version : api_version.substr(slash + 1);
  if (!target.text_at({"group"}).empty() && target.text_at({"group"}) != group) return false;
  if (!target.text_at({"version"}).empty() && target.text_at({"version"}) != version) return false;
  if (!matches_pattern(target.text_at({"kind"}), r.kind())) return false;
  if (!matches_pattern(target.text_at({"namespace"}), r.namespace_name())) return false;
  const std::string_view name = target.text_at({"name"});
  if (!name.empty() && !r.was_named(name) && !matches_pattern(name, r.name())) return false;
  const Tree* metadata = r.doc.find("metadata");
  const Tree* labels = metadata == nullptr ? nullptr : metadata->find("labels");
  const Tree* annotations = metadata == nullptr ? nullptr : metadata->find("annotations");
  return matches_labels(target.text_at({"labelSelector"}), labels) &&
         matches_labels(target.text_at({"annotationSelector"}), annotations);
}

// A strategic merge patch names its object by kind, name and (optionally) namespace.
bool names_resource(const Tree& patch, const Resource& r) {
  if (patch.text_at({"kind"}) != r.kind() || !r.was_named(patch.text_at({"metadata", "name"}))) {
    return false;
  }
  const std::string_view ns = patch.text_at({"metadata", "namespace"});
  return ns.empty() || ns == r.namespace_name();
}

void report_unapplied(Context& cx, const Tree& entry, const std::string& what) {
  cx.report(cx.kustomization, entry.position, Severity::warning, "k8s-kustomize-patch", what);
}

void apply_document(Context& cx, const Tree& entry, const std::string& file, const Tree& patch,
                    const Tree* target, std::vector<Resource>& rs) {
  auto matches = [&](const Resource& r) {
    return target != nullptr ? matches_target(r, *target) : names_resource(patch, r);
  };
  // A strategic merge patch whose root says `$patch: delete` removes what it names.
  if (patch.is_mapping() && patch.text_at({"$patch"}) == "delete") {
    if (std::erase_if(rs, matches) == 0) report_unapplied(cx, entry, "patch applies to no resource");
    return;
  }
  bool applied = false;
  for (Resource& r : rs) {
    if (!matches(r)) continue;
    applied = true;
    r.shaped_by.push_back(file);
    if (patch.is_sequence()) {
      std::string error;
      if (!apply_json_patch(r.doc, patch, error)) report_unapplied(cx, entry, error);
    } else {
      // A targeted patch may be written for another name: the target decides, not the patch.
      Tree body = patch;
      if (target != nullptr) {
        if (Tree* metadata = body.find("metadata")) metadata->erase("name");
        body.erase("kind");
        body.erase("apiVersion");
      }
      merge_strategic(r.doc, body);
    }
  }
  if (!applied) report_unapplied(cx, entry, "patch applies to no resource");
}

}  // namespace

void apply_strategic_patches(Context& cx, const std::string& dir, const Tree& k,
                             std::vector<Resource>& rs) {
  const Tree* list = k.find("patchesStrategicMerge");
  for (std::size_t i = 0; list != nullptr && i < list->items.size(); ++i) {
    auto patch = load_patch(cx, dir, list->items[i], true);
    if (!patch) continue;
    for (const Tree& document : patch->documents) apply_document(cx, list->items[i], patch->file, document, nullptr, rs);
  }
}

void apply_patches(Context& cx, const std::string& dir, const Tree& k, std::vector<Resource>& rs) {
  const Tree* list = k.find("patches");
  for (std::size_t i = 0; list != nullptr && i < list->items.size(); ++i) {
    const Tree& entry = list->items[i];
    const Tree* source = entry.find("path");
    if (source == nullptr) source = entry.find("patch");
    if (source == nullptr) continue;
    auto patch = load_patch(cx, dir, *source, source == entry.find("patch"));
    if (!patch) continue;
    for (const Tree& document : patch->documents) apply_document(cx, *source, patch->file, document, entry.find("target"), rs);
  }
}

void apply_json6902_patches(Context& cx, const std::string& dir, const Tree& k,
                            std::vector<Resource>& rs) {
  const Tree* list = k.find("patchesJson6902");
  for (std::size_t i = 0; list != nullptr && i < list->items.size(); ++i) {
    const Tree& entry = list->items[i];
    const Tree* target = entry.find("target");
    const Tree* source = entry.find("path");
    if (source == nullptr) source = entry.find("patch");
    if (source == nullptr || target == nullptr) continue;
    auto patch = load_patch(cx, dir, *source, source == entry.find("patch"));
    if (!patch || patch->documents.empty()) continue;
    apply_document(cx, *source, patch->file, patch->documents.front(), target, rs);
  }
}

}  // namespace blastgraph::kubernetes::kustomize
