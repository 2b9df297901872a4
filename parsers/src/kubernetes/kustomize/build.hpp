#pragma once
// What the kustomize steps share: the resources being rendered, and the context that reads
// files and records diagnostics. Each step lives in its own file and is declared here.

#include <cstdint>
#include <string>
#include <vector>

#include "blastgraph/parsers/kustomize.hpp"
#include "kubernetes/kustomize/tree.hpp"

namespace blastgraph::kubernetes::kustomize {

struct Resource {
  Tree doc;
  std::string file;  // where the document (or its generator) is written
  std::uint32_t first_line = 0;
  std::uint32_t last_line = 0;
  std::size_t document_index = 0;
  // Names and namespaces it had before each rename, oldest first: references written
  // against any of them are renamed too, as kustomize's name-reference step does.
  std::vector<std::string> previous_names;
  std::vector<std::string> previous_namespaces;
  bool hash_suffix = false;  // generated: the content hash is appended at the end
  std::vector<std::string> shaped_by;  // Object::shaped_by

  [[nodiscard]] std::string_view kind() const { return doc.text_at({"kind"}); }
  [[nodiscard]] std::string_view name() const { return doc.text_at({"metadata", "name"}); }
  [[nodiscard]] std::string_view namespace_name() const {
    return doc.text_at({"metadata", "namespace"});
  }
  void rename(std::string name);
  void move_to_namespace(std::string namespace_name);
  // The current name or one it had.
  [[nodiscard]] bool was_named(std::string_view name) const;
};

class Context {
 public:
  Context(const ReadFile& read, KustomizeBuild& out) : m_read(read), m_out(out) {}

  // Reads a file and records it as an input; nullopt when it is not there.
  [[nodiscard]] std::optional<std::string> read(const std::string& path);
  void report(const std::string& file, SourcePosition at, Severity severity, std::string code,
              std::string message);
  [[nodiscard]] KustomizeBuild& out() { return m_out; }

  std::string kustomization;  // the file being rendered: where its steps report

 private:
  const ReadFile& m_read;
  KustomizeBuild& m_out;
};

// Paths. `dir` joined with a relative entry, normalized; nullopt when it leaves the root.
[[nodiscard]] std::optional<std::string> join_path(const std::string& dir, std::string_view entry);
[[nodiscard]] bool is_remote(std::string_view entry);

// Manifest documents of a file as resources (List kinds flattened); kustomize's own files
// are skipped.
void load_documents(Context& cx, const std::string& path, std::string_view text,
                    std::vector<Resource>& out);

// The steps, each over the resources accumulated so far by one kustomization in `dir`.
void run_generators(Context& cx, const std::string& dir, const Tree& k, std::vector<Resource>& rs);
void apply_strategic_patches(Context& cx, const std::string& dir, const Tree& k,
                             std::vector<Resource>& rs);
void apply_patches(Context& cx, const std::string& dir, const Tree& k, std::vector<Resource>& rs);
void apply_json6902_patches(Context& cx, const std::string& dir, const Tree& k,
                            std::vector<Resource>& rs);
void apply_namespace(const Tree& k, std::vector<Resource>& rs);
void apply_name_affixes(const Tree& k, std::vector<Resource>& rs);
void apply_labels(const Tree& k, std::vector<Resource>& rs);
void apply_annotations(const Tree& k, std::vector<Resource>& rs);
void apply_images(const Tree& k, std::vector<Resource>& rs);
// Once, at the top.
void append_name_hashes(std::vector<Resource>& rs);
void fix_name_references(std::vector<Resource>& rs);

// Patch primitives, shared by the patch steps.
void merge_strategic(Tree& target, const Tree& patch);
// Applies one JSON 6902 operation list; false (and a message) when an operation fails.
[[nodiscard]] bool apply_json_patch(Tree& target, const Tree& operations, std::string& error);

// SHA-256 of `data`, as 64 lowercase hex digits.
[[nodiscard]] std::string sha256_hex(std::string_view data);

}  // namespace blastgraph::kubernetes::kustomize
