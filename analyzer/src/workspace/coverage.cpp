#include "workspace/coverage.hpp"

#include <map>
#include <set>
#include <string>

#include "kubernetes/objects.hpp"
#include "terraform/module_tree.hpp"
#include "workspace/terraform_scopes.hpp"

namespace blastgraph::analyzer {
namespace {

using terraform_link::file_name;
using terraform_link::parent_dir;

// The configuration directory a Terraform input belongs to: its own directory, or for
// `<dir>/.terraform/modules/modules.json` the root that ran `terraform init`.
std::string terraform_dir(const std::string& file) {
  constexpr std::string_view k_installed = ".terraform/";
  if (file.starts_with(k_installed)) return ".";
  if (const auto at = file.find("/" + std::string(k_installed)); at != std::string::npos) {
    return file.substr(0, at);
  }
  return parent_dir(file);
}

// The nearest directory at or above `file` that holds a kustomization: it decides what of the
// files below it is applied, and applies them together.
std::string kustomization_of(const std::string& file, const std::set<std::string>& dirs) {
  for (auto dir = parent_dir(file);; dir = parent_dir(dir)) {
    if (dirs.contains(dir)) return dir;
    if (dir == ".") return {};
  }
}

class Scopes {
 public:
  Scopes(const terraform_link::TerraformInput& terraform,
         const k8s_link::KubernetesInput& kubernetes, const DiscoveredFiles& discovered)
      : m_roots_by_dir(terraform_roots_by_dir(terraform.forest)) {
    for (const auto& file : terraform.files) m_terraform_files.insert(file.path);
    m_terraform_files.insert(discovered.module_manifests.begin(),
                             discovered.module_manifests.end());
    for (const auto& file : kubernetes.files) m_manifests.emplace(file.path, &file);
    for (const auto& path : discovered.documents) {
      if (!kubernetes::looks_like_kustomization_path(file_name(path))) continue;
      m_kustomization_files.insert(path);
      m_kustomization_dirs.insert(parent_dir(path));
    }
    m_inputs = m_terraform_files;
    m_inputs.insert(discovered.documents.begin(), discovered.documents.end());
  }

  // Whether `file` is one of the inputs the workspace read (not a directory or a policy file).
  [[nodiscard]] bool is_input(const std::string& file) const { return m_inputs.contains(file); }

  void fill(UnreadFile& unread) const {
    if (m_terraform_files.contains(unread.file)) {
      const auto dir = terraform_dir(unread.file);
      // A directory no instance uses (every file of it unreadable) is a root of its own.
      const auto it = m_roots_by_dir.find(dir);
      if (it == m_roots_by_dir.end()) {
        unread.terraform_roots = {dir};
      } else {
        unread.terraform_roots.assign(it->second.begin(), it->second.end());
      }
    }
    const auto manifest = m_manifests.find(unread.file);
    if (manifest != m_manifests.end() || m_kustomization_files.contains(unread.file)) {
      unread.kustomization = kustomization_of(unread.file, m_kustomization_dirs);
    }
    if (manifest == m_manifests.end()) return;
    std::set<std::string> namespaces;
    for (const auto& object : manifest->second->objects) {
      if (auto ns = k8s_link::effective_namespace(object); !ns.empty()) namespaces.insert(ns);
    }
    unread.namespaces.assign(namespaces.begin(), namespaces.end());
  }

 private:
  std::map<std::string, std::set<std::string>> m_roots_by_dir;
  std::set<std::string> m_terraform_files;
  std::map<std::string, const kubernetes::ManifestFile*> m_manifests;
  std::set<std::string> m_kustomization_files;
  std::set<std::string> m_kustomization_dirs;
  std::set<std::string> m_inputs;
};

}  // namespace

std::string_view to_string(ReadProblem problem) {
  return problem == ReadProblem::unparsed ? "unparsed" : "errors";
}

void count_unread_files(const terraform_link::TerraformInput& terraform,
                        const k8s_link::KubernetesInput& kubernetes,
                        const DiscoveredFiles& discovered, Workspace& workspace) {
  const Scopes scopes(terraform, kubernetes, discovered);
  auto& coverage = workspace.coverage;
  // NOTE: counted by file after linking, from every diagnostic of severity error: a file
  // with a duplicate declaration, or a policy error found while linking IAM, was not fully
  // understood either, though it parsed.
  std::map<std::string, ReadProblem> problems;
  for (const auto& unread : coverage.unread_files) problems.emplace(unread.file, unread.problem);
  coverage.symbolic_values = 0;
  for (const auto& d : workspace.diagnostics) {
    if (d.severity == Severity::error && scopes.is_input(d.file)) {
      problems.emplace(d.file, ReadProblem::errors);
    }
    if (d.code == "tf-symbolic-value" || d.code == "k8s-symbolic-reference") {
      ++coverage.symbolic_values;
    }
  }
  coverage.unread_files.clear();
  coverage.files_unparsed = 0;
  coverage.files_with_errors = 0;
  for (const auto& [file, problem] : problems) {
    UnreadFile unread{file, problem, {}, {}, {}};
    scopes.fill(unread);
    coverage.unread_files.push_back(std::move(unread));
    ++(problem == ReadProblem::unparsed ? coverage.files_unparsed : coverage.files_with_errors);
  }
}

}  // namespace blastgraph::analyzer
