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
