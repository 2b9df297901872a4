// kustomize_build: the recursion over kustomizations, then the top-level steps.

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <utility>

#include "kubernetes/extract.hpp"
#include "kubernetes/kustomize/build.hpp"

namespace blastgraph::kubernetes {
namespace kustomize {
namespace {

// Deeper than any real overlay chain; only a runaway layout gets there.
constexpr std::size_t k_max_depth = 32;
constexpr std::array<std::string_view, 3> k_file_names{"kustomization.yaml", "kustomization.yml",
                                                       "Kustomization"};

struct Found {
  std::string path;
  std::string text;
};

class Builder {
 public:
  explicit Builder(Context& cx) : m_cx(cx) {}

  // Adds what the kustomization in `dir` renders to `rs`. A component sees (and transforms)
  // the resources accumulated before it; a resource directory is rendered on its own.
  void accumulate(const std::string& dir, std::vector<Resource>& rs, const std::string& from,
                  SourcePosition at);

 private:
  std::optional<Found> find_kustomization(const std::string& dir) {
    for (std::string_view name : k_file_names) {
      const std::string path = dir == "." ? std::string(name) : dir + "/" + std::string(name);
      if (auto text = m_cx.read(path)) return Found{path, std::move(*text)};
    }
    return std::nullopt;
  }
  void add_resource(const std::string& dir, const std::string& file, const Tree& entry,
                    std::vector<Resource>& rs);
  void add_component(const std::string& dir, const std::string& file, const Tree& entry,
                     std::vector<Resource>& rs);

  Context& m_cx;
  std::vector<std::string> m_stack;  // directories being rendered, outermost first
};

void Builder::accumulate(const std::string& dir, std::vector<Resource>& rs,
                         const std::string& from, SourcePosition at) {
  if (std::find(m_stack.begin(), m_stack.end(), dir) != m_stack.end()) {
    m_cx.report(from, at, Severity::warning, "k8s-kustomize-cycle",
                "'" + dir + "' includes itself; the cycle is cut here");
    return;
  }
  if (m_stack.size() >= k_max_depth) {
    m_cx.report(from, at, Severity::warning, "k8s-kustomize-depth",
                "kustomizations nested deeper than " + std::to_string(k_max_depth) +
                    "; '" + dir + "' is not read");
    return;
  }
  auto found = find_kustomization(dir);
  if (!found) {
    m_cx.report(from, at, Severity::warning, "k8s-kustomize-missing",
                "'" + dir + "' has no kustomization");
    return;
  }
  yaml::Stream stream = yaml::load(found->path, found->text);
  if (stream.documents.empty() || !stream.documents.front().root.is_mapping()) return;
  const Tree k = from_yaml(stream.documents.front().root);
  m_stack.push_back(dir);
  const std::string outer = std::exchange(m_cx.kustomization, found->path);
  for (std::string_view field : {"resources", "bases"}) {
    const Tree* list = k.find(field);
    for (std::size_t i = 0; list != nullptr && i < list->items.size(); ++i) {
      add_resource(dir, found->path, list->items[i], rs);
    }
  }
  if (const Tree* list = k.find("components")) {
    for (const Tree& entry : list->items) add_component(dir, found->path, entry, rs);
  }
  // kustomize's order: generators, then the built-in transformers in this order.
  run_generators(m_cx, dir, k, rs);
  apply_strategic_patches(m_cx, dir, k, rs);
  apply_patches(m_cx, dir, k, rs);
  apply_namespace(k, rs);
  apply_name_affixes(k, rs);
  apply_labels(k, rs);
  apply_annotations(k, rs);
  apply_json6902_patches(m_cx, dir, k, rs);
  apply_images(k, rs);
  // Its namespace, affixes, labels, images and list of resources shape everything it renders.
  for (Resource& r : rs) r.shaped_by.push_back(found->path);
  for (std::string_view field : {"replicas", "replacements", "vars", "helmCharts", "generators",
                                 "transformers", "crds", "openapi"}) {
    if (const Tree* unsupported = k.find(field)) {
      m_cx.report(found->path, unsupported->position, Severity::note, "k8s-kustomize-unsupported",
                  "'" + std::string(field) + "' is not applied; objects are read without it");
    }
  }
  m_cx.kustomization = outer;
  m_stack.pop_back();
}

void Builder::add_resource(const std::string& dir, const std::string& file, const Tree& entry,
                           std::vector<Resource>& rs) {
  if (!entry.is_scalar() || entry.is_null()) return;
  if (is_remote(entry.text)) {
    m_cx.report(file, entry.position, Severity::warning, "k8s-kustomize-remote",
                "remote base '" + entry.text + "' is not fetched; its objects are missing");
    return;
  }
  auto path = join_path(dir, entry.text);
  if (!path) {
    m_cx.report(file, entry.position, Severity::warning, "k8s-kustomize-missing",
                "'" + entry.text + "' is outside the scanned tree");
    return;
  }
  if (auto text = m_cx.read(*path)) {
    load_documents(m_cx, *path, *text, rs);
    return;
  }
  std::vector<Resource> sub;
  accumulate(*path, sub, file, entry.position);
  std::move(sub.begin(), sub.end(), std::back_inserter(rs));
}

void Builder::add_component(const std::string& dir, const std::string& file, const Tree& entry,
                            std::vector<Resource>& rs) {
  if (!entry.is_scalar() || entry.is_null()) return;
  if (is_remote(entry.text)) {
    m_cx.report(file, entry.position, Severity::warning, "k8s-kustomize-remote",
                "remote component '" + entry.text + "' is not fetched");
    return;
  }
  if (auto path = join_path(dir, entry.text)) {
    accumulate(*path, rs, file, entry.position);
  } else {
    m_cx.report(file, entry.position, Severity::warning, "k8s-kustomize-missing",
                "'" + entry.text + "' is outside the scanned tree");
  }
}

// Rendered resources -> objects, through the same extractors as files.
void read_objects(const std::vector<Resource>& rs, KustomizeBuild& out) {
  std::map<std::string, ManifestFile> by_file;
  for (const Resource& r : rs) {
    ManifestFile& file = by_file[r.file];
    file.path = r.file;
    yaml::Stream stream = to_stream({&r.doc});
    const auto before = file.objects.size();
    detail::read_document(file, stream.documents.front().root, r.document_index, r.first_line,
                          r.last_line);
    for (auto i = before; i < file.objects.size(); ++i) {
      auto& shaped_by = file.objects[i].shaped_by;
      for (const auto& other : r.shaped_by) {
        if (other != r.file) shaped_by.push_back(other);
      }
      std::sort(shaped_by.begin(), shaped_by.end());
      shaped_by.erase(std::unique(shaped_by.begin(), shaped_by.end()), shaped_by.end());
    }
    out.rendered += (out.rendered.empty() ? "" : "---\n") + to_json(r.doc, KeyOrder::as_written) + "\n";
  }
  for (auto& [path, file] : by_file) out.files.push_back(std::move(file));
}

}  // namespace
}  // namespace kustomize

KustomizeBuild kustomize_build(std::string_view dir, const ReadFile& read) {
  KustomizeBuild out;
  out.dir = std::string(dir);
  kustomize::Context cx(read, out);
  kustomize::Builder builder(cx);
  std::vector<kustomize::Resource> rs;
  builder.accumulate(out.dir, rs, out.dir, {});
  // NOTE: as kustomize does, hashes go on last (over the final content) and references are
  // fixed once, against every name a resource had on the way.
  kustomize::append_name_hashes(rs);
  kustomize::fix_name_references(rs);
  kustomize::read_objects(rs, out);
  std::sort(out.inputs.begin(), out.inputs.end());
  out.inputs.erase(std::unique(out.inputs.begin(), out.inputs.end()), out.inputs.end());
  return out;
}

}  // namespace blastgraph::kubernetes
