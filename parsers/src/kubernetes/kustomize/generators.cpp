// configMapGenerator and secretGenerator: ConfigMaps and Secrets from literals, files and env
// files, created or merged into (or replacing) one a base already has.

#include "kubernetes/base64.hpp"
#include "kubernetes/kustomize/build.hpp"

namespace blastgraph::kubernetes::kustomize {
namespace {

// kustomize drops one pair of matching quotes around a literal's value.
std::string unquote(std::string_view value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

std::string base_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

struct Generated {
  std::vector<std::string> sources;  // files read for the data
  Tree data = Tree::mapping();
  Tree labels = Tree::mapping();
  Tree annotations = Tree::mapping();
};

void put(Generated& g, const std::string& key, std::string value, SourcePosition at) {
  g.data.set(key, Tree::string(std::move(value), at));
}

void read_env_file(Context& cx, const std::string& path, const Tree& entry, Generated& g) {
  auto text = cx.read(path);
  if (text) g.sources.push_back(path);
  if (!text) {
    cx.report(cx.kustomization, entry.position, Severity::warning, "k8s-kustomize-missing",
              "env file '" + entry.text + "' is not there");
    return;
  }
  std::string_view rest = *text;
  while (!rest.empty()) {
    const auto end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto eq = line.find('=');
    // A key without `=` takes its value from kustomize's environment: the key is there, with
    // the empty value an environment that does not set it gives (and the hash follows).
    if (eq == std::string_view::npos) {
      put(g, std::string(line), {}, entry.position);
      continue;
    }
    put(g, std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)), entry.position);
  }
}

void read_sources(Context& cx, const std::string& dir, const Tree& spec, Generated& g) {
  if (const Tree* literals = spec.find("literals")) {
    for (const Tree& literal : literals->items) {
      const auto eq = literal.text.find('=');
      if (eq == std::string::npos) continue;
      put(g, literal.text.substr(0, eq), unquote(std::string_view(literal.text).substr(eq + 1)),
          literal.position);
    }
  }
  if (const Tree* files = spec.find("files")) {
    for (const Tree& file : files->items) {
      const auto eq = file.text.find('=');
      const std::string source = eq == std::string::npos ? file.text : file.text.substr(eq + 1);
      const std::string key = eq == std::string::npos ? base_name(source) : file.text.substr(0, eq);
      auto path = join_path(dir, source);
      auto text = path ? cx.read(*path) : std::nullopt;
      if (text) g.sources.push_back(*path);
      if (!text) {
        cx.report(cx.kustomization, file.position, Severity::warning, "k8s-kustomize-missing",
                  "generator file '" + source + "' is not there");
        continue;
      }
      put(g, key, std::move(*text), file.position);
    }
  }
  for (std::string_view field : {"envs", "env"}) {
    const Tree* envs = spec.find(field);
    if (envs != nullptr && envs->is_scalar() && !envs->is_null()) {
      if (auto path = join_path(dir, envs->text)) read_env_file(cx, *path, *envs, g);
    }
    for (std::size_t i = 0; envs != nullptr && i < envs->items.size(); ++i) {
      if (auto path = join_path(dir, envs->items[i].text)) read_env_file(cx, *path, envs->items[i], g);
    }
  }
}

void merge_map(Tree& into, const Tree& from) {
  for (const auto& [key, value] : from.entries) into.set(key, value);
}

bool disables_hash(const Tree* options) {
  const Tree* disable = options == nullptr ? nullptr : options->find("disableNameSuffixHash");
  return disable != nullptr && disable->text == "true";
}

Tree make_document(std::string_view kind, const Tree& spec, const Generated& g) {
  Tree doc = Tree::mapping(spec.position);
  doc.last_line = spec.last_line;
  doc.set("apiVersion", Tree::string("v1", spec.position));
  doc.set("kind", Tree::string(std::string(kind), spec.position));
  Tree& metadata = doc.ensure("metadata");
  metadata.set("name", Tree::string(std::string(spec.text_at({"name"})), spec.position));
  if (!spec.text_at({"namespace"}).empty()) {
    metadata.set("namespace", Tree::string(std::string(spec.text_at({"namespace"}))));
  }
  if (!g.labels.entries.empty()) metadata.set("labels", g.labels);
  if (!g.annotations.entries.empty()) metadata.set("annotations", g.annotations);
  if (kind == "Secret") {
    const std::string_view type = spec.text_at({"type"});
    doc.set("type", Tree::string(type.empty() ? "Opaque" : std::string(type), spec.position));
  }
  doc.set("data", g.data);
  return doc;
}

Resource* find_existing(std::vector<Resource>& rs, std::string_view kind, const Tree& spec) {
  for (Resource& r : rs) {
    if (r.kind() != kind || !r.was_named(spec.text_at({"name"}))) continue;
    const std::string_view ns = spec.text_at({"namespace"});
    if (ns.empty() || ns == r.namespace_name()) return &r;
  }
  return nullptr;
}

void generate(Context& cx, const std::string& dir, const Tree& k, std::string_view kind,
              const Tree& spec, std::vector<Resource>& rs) {
  if (!spec.is_mapping() || spec.text_at({"name"}).empty()) return;
  const Tree* global = k.find("generatorOptions");
  const Tree* local = spec.find("options");
  Generated g;
  for (const Tree* options : {global, local}) {
    if (options == nullptr) continue;
    if (const Tree* labels = options->find("labels")) merge_map(g.labels, *labels);
    if (const Tree* annotations = options->find("annotations")) merge_map(g.annotations, *annotations);
  }
  read_sources(cx, dir, spec, g);
  if (kind == "Secret") {
    for (auto& [key, value] : g.data.entries) value.text = detail::base64_encode(value.text);
  }
  const std::string_view behavior = spec.text_at({"behavior"});
  if (behavior == "merge" || behavior == "replace") {
    Resource* existing = find_existing(rs, kind, spec);
    if (existing == nullptr) {
      cx.report(cx.kustomization, spec.position, Severity::warning, "k8s-kustomize-patch",
                std::string(kind) + " '" + std::string(spec.text_at({"name"})) +
                    "' to " + std::string(behavior) + " is not in the bases");
      return;
    }
    Tree& data = existing->doc.ensure("data");
    if (behavior == "replace") data.entries.clear();
    merge_map(data, g.data);
    // Only fields with something to add: an empty `annotations: {}` is not what kustomize writes.
    if (!g.labels.entries.empty()) merge_map(existing->doc.ensure("metadata").ensure("labels"), g.labels);
    if (!g.annotations.entries.empty()) {
      merge_map(existing->doc.ensure("metadata").ensure("annotations"), g.annotations);
    }
    if (disables_hash(global) || disables_hash(local)) existing->hash_suffix = false;
    existing->shaped_by.push_back(cx.kustomization);
    existing->shaped_by.insert(existing->shaped_by.end(), g.sources.begin(), g.sources.end());
    return;
  }
  Resource r;
  r.doc = make_document(kind, spec, g);
  r.file = cx.kustomization;
  r.first_line = spec.position.line;
  r.last_line = spec.last_line;
  r.hash_suffix = !disables_hash(global) && !disables_hash(local);
  r.shaped_by = std::move(g.sources);
  rs.push_back(std::move(r));
}

}  // namespace

void run_generators(Context& cx, const std::string& dir, const Tree& k, std::vector<Resource>& rs) {
  for (auto [field, kind] : {std::pair<std::string_view, std::string_view>{"configMapGenerator", "ConfigMap"},
                             {"secretGenerator", "Secret"}}) {
    const Tree* list = k.find(field);
    for (std::size_t i = 0; list != nullptr && i < list->items.size(); ++i) {
      generate(cx, dir, k, kind, list->items[i], rs);
    }
  }
}

// kustomize's hasher: SHA-256 of the JSON of kind, name and content (keys sorted as Go's
// encoding/json sorts a map), its first ten hex digits with 0,1,3,a,e swapped for g,h,k,m,t
// so the suffix never spells a word. kustomize 5 hashes the generated object before it is
// named: the name is empty, so the suffix depends on the content alone (one ConfigMap in two
// overlays with different prefixes gets one suffix), as `kustomize build` 5.5 prints.
void append_name_hashes(std::vector<Resource>& rs) {
  for (Resource& r : rs) {
    if (!r.hash_suffix) continue;
    Tree encoded = Tree::mapping();
    encoded.set("kind", Tree::string(std::string(r.kind())));
    encoded.set("name", Tree::string(std::string()));
    const Tree* data = r.doc.find("data");
    encoded.set("data", data != nullptr ? *data : Tree{});
    if (r.kind() == "Secret") {
      encoded.set("type", Tree::string(std::string(r.doc.text_at({"type"}))));
    } else if (const Tree* binary = r.doc.find("binaryData")) {
      encoded.set("binaryData", *binary);
    }
    std::string hash = sha256_hex(to_json(encoded, KeyOrder::sorted)).substr(0, 10);
    for (char& c : hash) {
      switch (c) {
        case '0': c = 'g'; break;
        case '1': c = 'h'; break;
        case '3': c = 'k'; break;
        case 'a': c = 'm'; break;
        case 'e': c = 't'; break;
        default: break;
      }
    }
    r.rename(std::string(r.name()) + "-" + hash);
    r.hash_suffix = false;
  }
}

}  // namespace blastgraph::kubernetes::kustomize
