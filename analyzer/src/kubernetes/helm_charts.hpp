#pragma once
// Helm charts in the tree: a directory with a Chart.yaml. Its templates are not manifests
// until `helm template` renders them, so they are never parsed as such; the chart is reported
// once, with the command that would render it.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "kubernetes/app_roots.hpp"

namespace blastgraph::analyzer::k8s_link {

struct HelmChart {
  std::string dir;                     // relative to the scanned root
  std::string name;                    // Chart.yaml `name`, else the directory's name
  std::vector<std::string> templates;  // files of templates/ read so far
  bool renders_gitops = false;         // a template names argoproj.io or toolkit.fluxcd.io

  // Whether `file` (below this chart's directory) is one of the templates `helm template`
  // renders.
  [[nodiscard]] bool is_template(const std::string& file) const;
};

class HelmCharts {
 public:
  // Charts of the tree, from its documents (YAML and JSON files). A chart inside another
  // (a subchart under charts/) is part of it.
  HelmCharts(const std::filesystem::path& root, const std::vector<std::string>& documents,
             const LoadOptions& options);

  // The chart a file belongs to, or nullptr. Its `crds/` files are installed as they are:
  // plain manifests, not part of the chart here.
  [[nodiscard]] const HelmChart* chart_of(const std::string& file) const;
  // The charts' directories, sorted (subcharts are part of their parent); with `gitops`, only
  // those that render GitOps objects.
  [[nodiscard]] std::vector<std::string> dirs(bool gitops = false) const;
  // Records `file`, whose text is `text`, as one of its chart's templates.
  void add_template(const std::string& file, std::string_view text);

  // One k8s-helm-chart warning per chart with templates; the command names the namespace a
  // GitOps application of the chart's directory deploys it to, when there is one.
  [[nodiscard]] std::vector<Diagnostic> diagnostics(const AppRoots& apps) const;

 private:
  std::vector<HelmChart> m_charts;  // by directory
};

}  // namespace blastgraph::analyzer::k8s_link
