#include "terraform/instances.hpp"

namespace blastgraph::analyzer::terraform_link {
namespace {

// NOTE: module calls that fan out (a module calling two modules that each call two, and so on)
// multiply; this bounds what such a tree can expand to. A million is ten module calls for
// each of a hundred thousand services, which real organizations stay below.
constexpr std::size_t k_max_instances = 1'000'000;

class Expander {
 public:
  Expander(const ModuleTree& tree, const ModuleManifests& manifests, const LoadOptions& options,
           std::vector<Diagnostic>& diags, InstanceForest& forest)
      : m_tree(tree),
        m_manifests(manifests),
        m_options(options),
        m_diags(diags),
        m_forest(forest) {}

  void expand(Instance& instance, std::size_t depth) {
    for (const auto* block : instance.dir->blocks) {
      if (block->kind != terraform::BlockKind::module) continue;
      const auto key = instance.key.empty() ? block->name : instance.key + "." + block->name;
      auto source = m_tree.resolve_source(instance.dir->path, block->source);
      if (source.kind == SourceKind::remote) {
        auto installed = m_manifests.find(instance.root, key);
        if (installed.empty() || m_tree.find(installed) == nullptr) {
          // NOTE: stays an external node; the coverage says why.
          m_forest.unexpanded.push_back(
              {&instance, block, not_installed(instance, key, installed)});
          continue;
        }
        source = {SourceKind::local, installed};
      }
      if (source.kind != SourceKind::local) {
        report_bad_source(*block, source);
        continue;
      }
      if (is_ancestor(instance, source.dir)) {
        report(*block, Severity::error, "tf-module-cycle",
               "module " + block->name + " calls " + source.dir +
                   ", which is already being "
                   "expanded: recursive modules are not expanded");
        continue;
      }
      if (depth + 1 > m_options.max_module_depth) {
        report(*block, Severity::error, "tf-module-depth",
               "module " + block->name + " is not expanded: modules nest deeper than " +
                   std::to_string(m_options.max_module_depth) + " levels");
        continue;
      }
      if (m_forest.instances.size() >= k_max_instances) {
        report(*block, Severity::error, "tf-module-depth",
               "module " + block->name + " is not expanded: over " +
                   std::to_string(k_max_instances) + " module instances in the tree");
        continue;
      }
      auto& child = m_forest.instances.emplace_back();
      child.root = instance.root;
      child.prefix = instance.prefix + "module." + block->name + ".";
      child.dir = m_tree.find(source.dir);
      child.parent = &instance;
      child.call = block;
      child.top_module = instance.top_module.empty() ? block->name : instance.top_module;
      child.key = key;
      instance.children.emplace(block->name, &child);
      expand(child, depth + 1);
    }
  }

 private:
  [[nodiscard]] std::string not_installed(const Instance& instance, const std::string& key,
                                          const std::string& installed) const {
    const auto manifest = (instance.root == "." ? std::string() : instance.root + "/") +
                          ".terraform/modules/modules.json";
    if (!m_manifests.by_root.contains(instance.root)) {
      return "not installed: no " + manifest + " (run `terraform init` in " + instance.root +
             " before scanning to expand it)";
    }
    if (installed.empty()) return manifest + " has no entry for module key " + key;
    return manifest + " installs it in " + installed + ", which holds no Terraform files here";
  }

  static bool is_ancestor(const Instance& instance, const std::string& dir) {
    for (const Instance* it = &instance; it != nullptr; it = it->parent) {
      if (it->dir->path == dir) return true;
    }
    return false;
  }

  void report_bad_source(const terraform::Block& block, const ResolvedSource& source) {
    if (source.kind == SourceKind::escaping) {
      report(block, Severity::error, "tf-module-escape",
             "module source \"" + block.source + "\" escapes the scanned root; not followed");
    } else {
      report(block, Severity::warning, "tf-module-missing",
             "module source \"" + block.source + "\" has no .tf files (" + source.dir + ")");
    }
  }

  void report(const terraform::Block& block, Severity severity, std::string code,
              std::string message) {
    auto position = block.attributes.contains("source") ? block.attributes.at("source").position
                                                        : SourcePosition{block.span.first_line, 1};
    m_diags.push_back({block.span.file, position, severity, std::move(code), std::move(message)});
  }

  const ModuleTree& m_tree;
  const ModuleManifests& m_manifests;
  const LoadOptions& m_options;
  std::vector<Diagnostic>& m_diags;
  InstanceForest& m_forest;
};

}  // namespace

InstanceForest expand_instances(const ModuleTree& tree, const ModuleManifests& manifests,
                                const std::vector<std::string>& roots, const LoadOptions& options,
                                std::vector<Diagnostic>& diagnostics) {
  InstanceForest forest;
  Expander expander(tree, manifests, options, diagnostics, forest);
  for (const auto& root_dir : roots) {
    auto& root = forest.instances.emplace_back();
    root.root = root_dir;
    root.dir = tree.find(root_dir);
    forest.roots.push_back(&root);
    expander.expand(root, 0);
  }
  return forest;
}

}  // namespace blastgraph::analyzer::terraform_link
