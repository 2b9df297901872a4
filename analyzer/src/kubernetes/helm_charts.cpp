#include "kubernetes/helm_charts.hpp"

#include <algorithm>

#include "blastgraph/core/file_io.hpp"
#include "blastgraph/parsers/yaml.hpp"
#include "terraform/module_tree.hpp"

namespace blastgraph::analyzer::k8s_link {
namespace {

using terraform_link::file_name;
using terraform_link::is_below;
using terraform_link::parent_dir;

constexpr std::string_view k_chart_file = "Chart.yaml";

std::string chart_name(const std::filesystem::path& root, const std::string& chart_file,
                       const LoadOptions& options) {
  const auto dir = parent_dir(chart_file);
  auto fallback = dir == "." ? root.filename().string() : std::string(file_name(dir));
  const auto text = read_file(root / chart_file, options.max_file_bytes);
  if (!text) return fallback;
  const auto stream = yaml::load(chart_file, *text);
  if (stream.documents.empty()) return fallback;
  const auto name = stream.documents.front().root.find("name");
  return name.is_text() ? std::string(name.scalar()) : fallback;
}

// Whether `file` (below the chart `dir`) lies in a directory named `name`, in the chart or in
// one of its subcharts (charts/<sub>/<name>/).
bool in_chart_dir(const std::string& dir, const std::string& file, std::string_view name) {
  const auto inside =
      dir == "." ? std::string_view(file) : std::string_view(file).substr(dir.size() + 1);
  const auto segment = std::string(name) + "/";
  return inside.starts_with(segment) || inside.find("/" + segment) != std::string_view::npos;
}

}  // namespace

bool HelmChart::is_template(const std::string& file) const {
  // Its own templates/ and its subcharts': `helm template` renders both.
  return in_chart_dir(dir, file, "templates");
}

HelmCharts::HelmCharts(const std::filesystem::path& root, const std::vector<std::string>& documents,
                       const LoadOptions& options) {
  std::vector<std::string> chart_files;
  for (const auto& path : documents) {
    if (file_name(path) == k_chart_file) chart_files.push_back(path);
  }
  std::sort(chart_files.begin(), chart_files.end());  // a parent chart before its subcharts
  for (const auto& chart_file : chart_files) {
    const auto dir = parent_dir(chart_file);
    if (chart_of(chart_file) != nullptr) continue;  // a subchart
    m_charts.push_back({dir, chart_name(root, chart_file, options), {}});
  }
}

const HelmChart* HelmCharts::chart_of(const std::string& file) const {
  for (const auto& chart : m_charts) {
    if (!is_below(file, chart.dir)) continue;
    // crds/ of the chart or a subchart: installed as they are.
    const bool crd = !chart.is_template(file) && in_chart_dir(chart.dir, file, "crds");
    return crd ? nullptr : &chart;
  }
  return nullptr;
}

std::vector<std::string> HelmCharts::dirs(bool gitops) const {
  std::vector<std::string> out;
  for (const auto& chart : m_charts) {
    if (!gitops || chart.renders_gitops) out.push_back(chart.dir);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void HelmCharts::add_template(const std::string& file, std::string_view text) {
  const bool gitops = text.find("argoproj.io") != std::string_view::npos ||
                      text.find("toolkit.fluxcd.io") != std::string_view::npos;
  for (auto& chart : m_charts) {
    if (&chart != chart_of(file)) continue;
    chart.templates.push_back(file);
    chart.renders_gitops = chart.renders_gitops || gitops;
  }
}

std::vector<Diagnostic> HelmCharts::diagnostics(const AppRoots& apps) const {
  std::vector<Diagnostic> out;
  for (const auto& chart : m_charts) {
    if (chart.templates.empty()) continue;
    const auto* app = apps.root_at(chart.dir);
    const auto ns = app != nullptr && !app->target_namespace.empty() ? app->target_namespace
                                                                     : "<release namespace>";
    const auto chart_file =
        chart.dir == "." ? std::string(k_chart_file) : chart.dir + "/" + std::string(k_chart_file);
    out.push_back(
        {chart_file,
         {1, 1},
         Severity::warning,
         "k8s-helm-chart",
         "Helm chart " + chart.name + " is not rendered: its " +
             std::to_string(chart.templates.size()) +
             " template file(s) are not in the graph. Render it into the tree, e.g. `helm "
             "template " +
             chart.name + " " + chart.dir + " --namespace " + ns + " > " + chart.name +
             ".rendered.yaml`, and scan again"});
  }
  return out;
}

}  // namespace blastgraph::analyzer::k8s_link
