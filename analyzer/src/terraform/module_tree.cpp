#include "terraform/module_tree.hpp"

#include "terraform/overrides.hpp"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

namespace blastgraph::analyzer::terraform_link {

std::string parent_dir(std::string_view file) {
  const auto slash = file.rfind('/');
  if (slash == std::string_view::npos) return ".";
  return std::string(file.substr(0, slash));
}

std::string_view file_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_below(std::string_view path, std::string_view dir) {
  if (dir == ".") return true;
  return path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/';
}

std::optional<std::string> join_relative(std::string_view dir, std::string_view source) {
  std::vector<std::string> parts;
  auto push_segments = [&parts](std::string_view text) -> bool {
    std::size_t start = 0;
    while (start <= text.size()) {
      auto end = text.find('/', start);
      if (end == std::string_view::npos) end = text.size();
      const auto seg = text.substr(start, end - start);
      if (seg == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!seg.empty() && seg != ".") {
        parts.emplace_back(seg);
      }
      start = end + 1;
    }
    return true;
  };
  if (dir != "." && !push_segments(dir)) return std::nullopt;
  if (!push_segments(source)) return std::nullopt;
  if (parts.empty()) return ".";
  std::string out = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) out += "/" + parts[i];
  return out;
}

namespace {

bool is_addressable(const terraform::Block& block) {
  switch (block.kind) {
    case terraform::BlockKind::terraform:
    case terraform::BlockKind::moved:
    case terraform::BlockKind::removed:
    case terraform::BlockKind::import:
    case terraform::BlockKind::unknown:
      return false;
    default:
      return true;
  }
}

}  // namespace

ModuleTree::ModuleTree(const std::vector<terraform::File>& files,
                       std::vector<Diagnostic>& diagnostics) {
  // NOTE: Terraform reads every primary file of a directory before its override files, so
  // an override applies whatever the file names sort as.
  std::vector<const terraform::File*> overrides;
  for (const auto& file : files) {
    if (is_override_file(file.path)) {
      overrides.push_back(&file);
    } else {
      add_primary(file, diagnostics);
    }
  }
  for (const auto* file : overrides) apply_overrides(*file, diagnostics);
}

void ModuleTree::add_primary(const terraform::File& file, std::vector<Diagnostic>& diagnostics) {
  const auto dir_path = parent_dir(file.path);
  auto& dir = m_dirs[dir_path];
  dir.path = dir_path;
  for (const auto& block : file.blocks) {
    dir.blocks.push_back(&block);
    if (!is_addressable(block)) continue;
    auto [it, inserted] = dir.by_address.emplace(block.address, &block);
    if (!inserted) {
      diagnostics.push_back({file.path,
                             {block.span.first_line, 1},
                             Severity::error,
                             "tf-duplicate",
                             "duplicate declaration of " + block.address + " (first at " +
                                 it->second->span.file + ":" +
                                 std::to_string(it->second->span.first_line) + ")"});
    }
  }
}

void ModuleTree::apply_overrides(const terraform::File& file,
                                 std::vector<Diagnostic>& diagnostics) {
  const auto dir_path = parent_dir(file.path);
  auto& dir = m_dirs[dir_path];
  dir.path = dir_path;
  for (const auto& block : file.blocks) {
    if (!is_addressable(block)) {
      dir.blocks.push_back(&block);  // a terraform block, moved or import: no node to merge
      continue;
    }
    auto base = dir.by_address.find(block.address);
    // NOTE: Terraform implies an empty default configuration for every provider, so an
    // override of one that no other file declares is that configuration (an aliased one must
    // exist).
    const bool implied = block.kind == terraform::BlockKind::provider && block.name.empty();
    if (base == dir.by_address.end() && implied) {
      dir.blocks.push_back(&block);
      dir.by_address.emplace(block.address, &block);
      continue;
    }
    if (base == dir.by_address.end()) {
      diagnostics.push_back({file.path,
                             {block.span.first_line, 1},
                             Severity::error,
                             "tf-override-without-base",
                             "override of " + block.address + " has no block to override in " +
                                 dir_path +
                                 " (an override file only changes blocks declared "
                                 "in the directory's other files)"});
      continue;
    }
    terraform::Block& merged = m_merged.emplace_back(*base->second);
    merge_override(merged, block);
    std::replace(dir.blocks.begin(), dir.blocks.end(), base->second, &std::as_const(merged));
    base->second = &merged;
  }
}

const ModuleDir* ModuleTree::find(std::string_view dir) const {
  auto it = m_dirs.find(std::string(dir));
  return it == m_dirs.end() ? nullptr : &it->second;
}

ResolvedSource ModuleTree::resolve_source(std::string_view from_dir,
                                          std::string_view source) const {
  const bool local =
      source.starts_with("./") || source.starts_with("../") || source == "." || source == "..";
  if (!local) return {SourceKind::remote, {}};
  auto joined = join_relative(from_dir, source);
  if (!joined) return {SourceKind::escaping, {}};
  if (!m_dirs.contains(*joined)) return {SourceKind::missing, *joined};
  return {SourceKind::local, *joined};
}

std::vector<std::string> ModuleTree::configured(const std::vector<std::string>& roots) const {
  auto configures = [](const terraform::Block* block) {
    if (block->kind == terraform::BlockKind::provider) return true;
    if (block->kind != terraform::BlockKind::terraform) return false;
    return std::any_of(block->blocks.begin(), block->blocks.end(),
                       [](const terraform::NestedBlock& nested) {
                         return nested.type == "backend" || nested.type == "cloud";
                       });
  };
  std::vector<std::string> out;
  for (const auto& root : roots) {
    const auto* dir = find(root);
    if (dir != nullptr && std::any_of(dir->blocks.begin(), dir->blocks.end(), configures)) {
      out.push_back(root);
    }
  }
  return out;
}

std::vector<std::string> ModuleTree::roots() const {
  std::set<std::string> used;
  for (const auto& [path, dir] : m_dirs) {
    for (const auto* block : dir.blocks) {
      if (block->kind != terraform::BlockKind::module) continue;
      auto resolved = resolve_source(path, block->source);
      if (resolved.kind == SourceKind::local && resolved.dir != path) used.insert(resolved.dir);
    }
  }
  std::vector<std::string> out;
  for (const auto& [path, dir] : m_dirs) {
    // Modules that `terraform init` installed are never roots, nor anything inside them.
    const bool installed =
        path.starts_with(".terraform/") || path.find("/.terraform/") != std::string::npos;
    if (!used.contains(path) && !installed) out.push_back(path);
  }
  return out;
}

}  // namespace blastgraph::analyzer::terraform_link
