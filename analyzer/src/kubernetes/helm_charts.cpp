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

}  // namespace

bool HelmChart::is_template(const std::string& file) const {
  // Its own templates/ and its subcharts' (charts/<sub>/templates/): `helm template` renders both.
  const auto inside =
      dir == "." ? std::string_view(file) : std::string_view(file).substr(dir.size() + 1);
  return inside.starts_with("templates/") || inside.find("/templates/") != std::string_view::npos;
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
    const auto crds = chart.dir == "." ? std::string("crds") : chart.dir + "/crds";
    return is_below(file, crds) ? nullptr : &chart;
  }
  return nullptr;
}

void HelmCharts::add_template(const std::string& file) {
  for (auto& chart : m_charts) {
    if (&chart == chart_of(file)) chart.templates.push_back(file);
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
