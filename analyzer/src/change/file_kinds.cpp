#include "change/file_kinds.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "terraform/module_tree.hpp"

namespace blastgraph::analyzer::file_kinds {
namespace {

using terraform_link::is_below;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The extension of a file name with its dot, lower case: ".md"; "" when there is none.
std::string extension_of(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return lower(name.substr(dot));
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// True when a directory of `path` (not its file name) is one of `dirs`.
template <std::size_t N>
bool has_dir(std::string_view path, const std::array<std::string_view, N>& dirs) {
  std::size_t begin = 0;
  for (auto slash = path.find('/'); slash != std::string_view::npos;
       begin = slash + 1, slash = path.find('/', begin)) {
    if (contains(dirs, lower(path.substr(begin, slash - begin)))) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 12> k_doc_extensions{
    ".md",  ".markdown", ".rst",  ".adoc", ".asciidoc", ".txt",
    ".png", ".jpg",      ".jpeg", ".gif",  ".svg",      ".drawio"};
// Names matched before their extension: LICENSE, LICENSE.md, CHANGELOG.md, ...
constexpr std::array<std::string_view, 10> k_doc_stems{
    "license",      "licence",    "notice", "changelog",      "authors",
    "contributors", "codeowners", "owners", "owners_aliases", "security"};
constexpr std::array<std::string_view, 2> k_doc_dirs{"docs", "doc"};

constexpr std::array<std::string_view, 9> k_ci_dirs{".github",    ".gitlab", ".circleci",
                                                    ".buildkite", ".chglog", ".devcontainer",
                                                    ".vscode",    ".idea",   ".husky"};
constexpr std::array<std::string_view, 30> k_ci_names{".gitlab-ci.yml",
                                                      ".travis.yml",
                                                      "jenkinsfile",
                                                      "azure-pipelines.yml",
                                                      "bitbucket-pipelines.yml",
                                                      ".pre-commit-config.yaml",
                                                      ".pre-commit-hooks.yaml",
                                                      ".gitignore",
                                                      ".gitattributes",
                                                      ".editorconfig",
                                                      ".tflint.hcl",
                                                      ".terraform-docs.yml",
                                                      ".terraform-docs.yaml",
                                                      ".releaserc",
                                                      ".releaserc.json",
                                                      ".releaserc.yml",
                                                      ".releaserc.yaml",
                                                      "renovate.json",
                                                      ".renovaterc",
                                                      ".renovaterc.json",
                                                      ".mergify.yml",
                                                      ".yamllint",
                                                      ".yamllint.yml",
                                                      ".yamllint.yaml",
                                                      ".markdownlint.json",
                                                      ".markdownlint.yaml",
                                                      ".golangci.yml",
                                                      ".goreleaser.yml",
                                                      "codecov.yml",
                                                      "cloudbuild.yaml"};

constexpr std::array<std::string_view, 5> k_not_deployed_dirs{"examples", "example", "tests",
                                                              "test", "testdata"};

constexpr std::array<std::string_view, 8> k_template_extensions{
    ".jsonnet", ".libsonnet", ".j2", ".jinja", ".jinja2", ".tpl", ".gotmpl", ".envsubst"};

constexpr std::array<std::string_view, 42> k_code_extensions{
    ".go",   ".py",  ".js",     ".mjs",   ".cjs", ".ts",   ".tsx",   ".jsx", ".java",
    ".kt",   ".kts", ".scala",  ".cs",    ".fs",  ".rb",   ".rs",    ".c",   ".cc",
    ".cpp",  ".cxx", ".h",      ".hh",    ".hpp", ".php",  ".swift", ".m",   ".ex",
    ".exs",  ".erl", ".clj",    ".dart",  ".lua", ".html", ".htm",   ".css", ".scss",
    ".less", ".vue", ".svelte", ".proto", ".sql", ".ipynb"};
constexpr std::array<std::string_view, 24> k_code_names{
    "go.mod",         "go.sum",           "package.json",    "package-lock.json", "yarn.lock",
    "pnpm-lock.yaml", "requirements.txt", "requirements.in", "pipfile",           "pipfile.lock",
    "pyproject.toml", "setup.py",         "setup.cfg",       "poetry.lock",       "pom.xml",
    "build.gradle",   "settings.gradle",  "cargo.toml",      "cargo.lock",        "gemfile",
    "gemfile.lock",   "composer.json",    "procfile",        "dockerfile"};

constexpr std::array<std::string_view, 6> k_script_extensions{".sh",  ".bash", ".zsh",
                                                              ".ps1", ".bat",  ".mk"};
constexpr std::array<std::string_view, 4> k_script_names{"makefile", "justfile", "taskfile.yml",
                                                         ".envrc"};

constexpr std::array<std::string_view, 5> k_config_extensions{".yaml", ".yml", ".json", ".hcl",
                                                              ".toml"};

// "LICENSE.md" -> "license"; "CHANGELOG" -> "changelog".
std::string stem_of(std::string_view name) {
  const auto dot = name.find('.', 1);
  return lower(name.substr(0, dot));
}

bool is_documentation(std::string_view path, std::string_view name) {
  if (contains(k_doc_extensions, extension_of(name))) return true;
  if (contains(k_doc_stems, stem_of(name))) return true;
  return has_dir(path, k_doc_dirs) && !contains(k_config_extensions, extension_of(name));
}

// A tool's dotfile at the top (`.fluxschema.yml`, `.checkov.yaml`) configures the repository.
bool is_ci(std::string_view path, std::string_view name) {
  const auto first = path.substr(0, path.find('/'));
  if (contains(k_ci_dirs, lower(first)) || contains(k_ci_names, lower(name))) return true;
  const auto ext = extension_of(name);
  const bool config = ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".toml";
  return path == name && name.starts_with('.') && config;
}

const std::string* chart_of(const Workspace& workspace, std::string_view path) {
  for (const auto& dir : workspace.helm_charts) {
    if (is_below(path, dir)) return &dir;
  }
  return nullptr;
}

bool is_unread(const Workspace& workspace, std::string_view path) {
  const auto& unread = workspace.coverage.unread_files;
  return std::any_of(unread.begin(), unread.end(),
                     [&](const UnreadFile& file) { return file.file == path; });
}

std::optional<FileKind> unassessable(const Workspace& workspace, std::string_view path,
                                     std::string_view name) {
  const auto kind = UnmappedKind::unassessable;
  if (const auto* chart = chart_of(workspace, path)) {
    const auto& gitops = workspace.gitops_charts;
    if (std::find(gitops.begin(), gitops.end(), *chart) != gitops.end()) {
      return FileKind{kind,
                      "Helm chart " + *chart +
                          " renders GitOps applications: a change may repoint what they deploy",
                      GitOpsEffect::source};
    }
    return FileKind{kind, "Helm chart " + *chart +
                              ": deploys what only `helm template` renders (values, templates)"};
  }
  if (is_unread(workspace, path)) return FileKind{kind, "infrastructure file that was not read"};
  const auto extension = extension_of(name);
  if (contains(k_template_extensions, extension)) {
    return FileKind{kind, "template (jsonnet, Jinja, Go template, envsubst) that is not rendered"};
  }
  if (extension == ".tfvars" || lower(name).ends_with(".tfvars.json")) {
    return FileKind{kind, "Terraform variable values, which are not read"};
  }
  if (lower(name) == ".terraform.lock.hcl") {
    return FileKind{kind, "provider lock file: the provider versions Terraform installs"};
  }
  return std::nullopt;
}

}  // namespace

bool is_not_deployed(std::string_view path) {
  return has_dir(path, k_not_deployed_dirs) || lower(path).ends_with(".tftest.hcl");
}

FileKind classify(const Workspace& workspace, std::string_view path) {
  const auto name = std::string_view(path).substr(path.rfind('/') + 1);
  if (is_ci(path, name)) return {UnmappedKind::ci, "CI or repository configuration"};
  if (is_documentation(path, name)) return {UnmappedKind::documentation, "documentation"};
  if (is_not_deployed(path)) return {UnmappedKind::not_deployed, "example or test: not deployed"};
  if (auto found = unassessable(workspace, path, name)) return std::move(*found);
  const auto extension = extension_of(name);
  if (contains(k_code_extensions, extension) || contains(k_code_names, lower(name)) ||
      lower(name).starts_with("dockerfile")) {
    return {UnmappedKind::application, "application code"};
  }
  if (contains(k_script_extensions, extension) || contains(k_script_names, lower(name))) {
    return {UnmappedKind::tooling, "script or build tooling"};
  }
  if (contains(k_config_extensions, extension)) {
    return {UnmappedKind::unassessable, "configuration of no kind blastgraph reads"};
  }
  return {UnmappedKind::other, "not infrastructure"};
}

}  // namespace blastgraph::analyzer::file_kinds
