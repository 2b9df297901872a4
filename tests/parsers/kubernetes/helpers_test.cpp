// The small public helpers: scope, paths, selectors, Helm detection.

#include <gtest/gtest.h>

#include <set>

#include "blastgraph/parsers/kubernetes.hpp"

namespace blastgraph::kubernetes {
namespace {

TEST(Kinds, KnowsClusterScopedKinds) {
  for (std::string_view kind : {"Namespace", "Node", "PersistentVolume", "StorageClass",
                                "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
                                "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
                                "APIService", "PriorityClass", "IngressClass", "GatewayClass"}) {
    EXPECT_TRUE(is_cluster_scoped(kind)) << kind;
  }
  for (std::string_view kind : {"Deployment", "Service", "Role", "RoleBinding",
                                "PersistentVolumeClaim", "Gateway", "namespace"}) {
    EXPECT_FALSE(is_cluster_scoped(kind)) << kind;
  }
}

TEST(Paths, RecognisesManifestAndKustomizationFiles) {
  EXPECT_TRUE(looks_like_manifest_path("k8s/app.yaml"));
  EXPECT_TRUE(looks_like_manifest_path("k8s/app.YML"));
  EXPECT_TRUE(looks_like_manifest_path("k8s/app.json"));
  EXPECT_FALSE(looks_like_manifest_path("main.tf"));
  EXPECT_FALSE(looks_like_manifest_path("yaml"));
  EXPECT_TRUE(looks_like_kustomization_path("overlays/prod/kustomization.yaml"));
  EXPECT_TRUE(looks_like_kustomization_path("kustomization.yml"));
  EXPECT_TRUE(looks_like_kustomization_path("base/Kustomization"));
  EXPECT_FALSE(looks_like_kustomization_path("base/my-kustomization.yaml"));
}

TEST(Selectors, MatchLabelsAndEveryOperator) {
  Labels pod{{"app", "reviews"}, {"version", "v2"}};
  EXPECT_TRUE(matches(LabelSelector{}, pod));
  EXPECT_TRUE(matches(LabelSelector{{{"app", "reviews"}}, {}}, pod));
  EXPECT_FALSE(matches(LabelSelector{{{"app", "ratings"}}, {}}, pod));
  auto with = [](LabelRequirement r) { return LabelSelector{{}, {std::move(r)}}; };
  EXPECT_TRUE(matches(with({"version", SelectorOperator::in, {"v1", "v2"}}), pod));
  EXPECT_FALSE(matches(with({"version", SelectorOperator::in, {"v1"}}), pod));
  EXPECT_FALSE(matches(with({"version", SelectorOperator::not_in, {"v2"}}), pod));
  EXPECT_TRUE(matches(with({"track", SelectorOperator::not_in, {"canary"}}), pod));
  EXPECT_TRUE(matches(with({"app", SelectorOperator::exists, {}}), pod));
  EXPECT_FALSE(matches(with({"track", SelectorOperator::exists, {}}), pod));
  EXPECT_TRUE(matches(with({"track", SelectorOperator::does_not_exist, {}}), pod));
  EXPECT_FALSE(matches(with({"app", SelectorOperator::does_not_exist, {}}), pod));
}

TEST(Helm, TellsChartTemplatesFromTemplateTextInData) {
  EXPECT_TRUE(is_helm_template("replicas: {{ .Values.replicas }}\n"));
  EXPECT_TRUE(is_helm_template("labels:\n  {{- include \"x.labels\" . | nindent 4 }}\n"));
  EXPECT_TRUE(is_helm_template("name: {{ .Release.Name }}-web\n"));
  EXPECT_TRUE(is_helm_template("data: {{ toYaml .x }}\n"));
  EXPECT_FALSE(is_helm_template("summary: \"{{ $labels.instance }} is down\"\n"));
  EXPECT_FALSE(
      is_helm_template("text: |\n  {{ range .Alerts }}{{ .Annotations.summary }}{{ end }}\n"));
  EXPECT_FALSE(is_helm_template("args: [\"{{inputs.parameters.message}}\"]\n"));
  EXPECT_FALSE(is_helm_template("included: {{ \n"));  // never closed: not an action
  EXPECT_FALSE(is_helm_template("plain: yaml\n"));
}

TEST(Placeholders, EnvsubstAndTemplateActionsAreUnknownValues) {
  EXPECT_TRUE(is_placeholder("${NAMESPACE}"));
  EXPECT_TRUE(is_placeholder("${NAMESPACE:-default}"));
  EXPECT_TRUE(is_placeholder("${APP}-config"));
  EXPECT_TRUE(is_placeholder("etcd-{{cell}}"));
  EXPECT_TRUE(is_placeholder("etcd-${cell}}"));  // an action read outside a YAML string
  EXPECT_FALSE(is_placeholder("price-$5"));
  EXPECT_FALSE(is_placeholder("${unclosed"));
  EXPECT_FALSE(is_placeholder("web"));
}

TEST(Placeholders, AScriptsTemplateKeepsItsObjectsWithActionsAsPlaceholders) {
  const auto file =
      parse_manifests("etcd.yaml",
                      "apiVersion: v1\nkind: Service\nmetadata:\n  name: etcd-{{cell}}\n"
                      "spec:\n  selector:\n    cell: {{cell}}\n---\n"
                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n");
  ASSERT_EQ(file.objects.size(), 2U);
  EXPECT_TRUE(is_placeholder(file.objects[0].name));
  EXPECT_EQ(file.objects[0].span.first_line, 1U);
  ASSERT_TRUE(file.objects[0].service_selector.has_value());
  EXPECT_TRUE(is_placeholder(file.objects[0].service_selector->at("cell")));
  EXPECT_EQ(file.objects[1].name, "plain");
  EXPECT_FALSE(file.unparsed);
  ASSERT_EQ(file.diagnostics.size(), 1U);
  EXPECT_EQ(file.diagnostics[0].code, "k8s-template-placeholder");
  EXPECT_EQ(file.diagnostics[0].position.line, 4U);
}

TEST(Placeholders, TemplateControlFlowStaysATemplate) {
  const auto file = parse_manifests(
      "t.yaml",
      "{{ if .enabled }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n{{ end }}\n");
  EXPECT_TRUE(file.objects.empty());
  EXPECT_TRUE(file.unparsed);
  ASSERT_EQ(file.diagnostics.size(), 1U);
  EXPECT_EQ(file.diagnostics[0].code, "k8s-helm-template");
}

TEST(RefVia, EveryValueHasItsOwnName) {
  std::set<std::string_view> names;
  for (int via = 0; via <= static_cast<int>(RefVia::api_service); ++via) {
    std::string_view name = to_string(static_cast<RefVia>(via));
    EXPECT_NE(name, "unknown");
    EXPECT_TRUE(names.insert(name).second) << name;
  }
}

}  // namespace
}  // namespace blastgraph::kubernetes
