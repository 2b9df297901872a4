#pragma once
// Terraform configuration directories: which blocks each holds, which directories are local
// modules of others, and which are roots (a directory with .tf files that no other directory
// uses as a local module).

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/parsers/terraform.hpp"

namespace blastgraph::analyzer::terraform_link {

struct ModuleDir {
  std::string path;  // relative to the scanned root, "." for the root itself
  std::vector<const terraform::Block*> blocks;  // in (file, source) order
  std::unordered_map<std::string, const terraform::Block*> by_address;  // first declaration
};

enum class SourceKind { local, remote, escaping, missing };

struct ResolvedSource {
  SourceKind kind = SourceKind::remote;
  std::string dir;  // for local: the module directory, relative to the scanned root
};

class ModuleTree {
 public:
  // `files` must outlive the tree. Override files (overrides.hpp) are merged into the blocks
  // they override; duplicate declarations and overrides without a base block are reported
  // into `diagnostics`.
  ModuleTree(const std::vector<terraform::File>& files, std::vector<Diagnostic>& diagnostics);

  [[nodiscard]] const ModuleDir* find(std::string_view dir) const;
  [[nodiscard]] const std::map<std::string, ModuleDir>& dirs() const { return m_dirs; }

  // Resolves a module `source` written in `from_dir`. Local sources start with "./" or "../"
  // (Terraform's rule); anything else is remote.
  [[nodiscard]] ResolvedSource resolve_source(std::string_view from_dir,
                                              std::string_view source) const;

  // Directories no other directory uses as a local module, sorted; installed modules
  // (under a `.terraform/` folder) excluded.
  [[nodiscard]] std::vector<std::string> roots() const;

  // The roots among `roots` whose configuration says where they deploy: a `backend` or
  // `cloud` block, or a `provider` block. A root with neither is a module that is deployed
  // only by calling it (a wrapper, a published module's own directory). Sorted.
  [[nodiscard]] std::vector<std::string> configured(const std::vector<std::string>& roots) const;

 private:
  void add_primary(const terraform::File& file, std::vector<Diagnostic>& diagnostics);
  void apply_overrides(const terraform::File& file, std::vector<Diagnostic>& diagnostics);

  std::map<std::string, ModuleDir> m_dirs;
  std::deque<terraform::Block> m_merged;  // blocks with their overrides applied
};

// Lexically joins `dir` (relative to the scanned root, "." for it) and a relative `path`,
// resolving "." and "..". nullopt when the result climbs above the scanned root.
[[nodiscard]] std::optional<std::string> join_relative(std::string_view dir, std::string_view path);

// "a/b/c.tf" -> "a/b"; "c.tf" -> ".".
[[nodiscard]] std::string parent_dir(std::string_view file);

// "a/b/c.tf" -> "c.tf"; a view into `path`.
[[nodiscard]] std::string_view file_name(std::string_view path);

// Whether `path` lies below directory `dir` ("." holds everything); a directory is not below
// itself.
[[nodiscard]] bool is_below(std::string_view path, std::string_view dir);

}  // namespace blastgraph::analyzer::terraform_link
