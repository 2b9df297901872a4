// Kubernetes relationships, one kind at a time, on small manifests.
#include <gtest/gtest.h>

#include <algorithm>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

constexpr const char* k_deployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
  labels: {app.kubernetes.io/name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api, tier: backend}}
    spec:
      serviceAccountName: api
      imagePullSecrets: [{name: registry}]
      containers:
        - name: api
          image: api:1.0
          env:
            - name: DB_PASSWORD
              valueFrom: {secretKeyRef: {name: db, key: password}}
            - name: FLAGS
              valueFrom: {configMapKeyRef: {name: flags, key: all, optional: true}}
            - name: CART_URL
              value: http://cart:8080/v1
            - name: AUTH
              value: auth.platform
            - name: GONE
              value: legacy:9000
            - name: STRIPE
              value: https://api.stripe.com/v1
          envFrom: [{configMapRef: {name: shared}}]
          volumeMounts: [{name: certs, mountPath: /certs}]
      volumes:
        - name: certs
          secret: {secretName: tls-certs}
        - name: data
          persistentVolumeClaim: {claimName: api-data}
)";

constexpr const char* k_supporting = R"(apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: shop}}
---
apiVersion: v1
kind: Namespace
metadata: {name: platform, labels: {team: platform}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: shared, namespace: shop}
data: {PAYMENTS: "payments.shop.svc.cluster.local:443"}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: api, namespace: shop}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}}
---
apiVersion: v1
kind: Service
metadata: {name: api-internal, namespace: shop}
spec: {selector: {app: api, tier: backend}}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {selector: {app: cart}}
---
apiVersion: v1
kind: Service
metadata: {name: payments, namespace: shop}
spec: {selector: {app: payments}}
---
apiVersion: v1
kind: Service
metadata: {name: auth, namespace: platform}
spec: {selector: {app: auth}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: api-data, namespace: shop}
spec: {storageClassName: gp3}
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: gp3}
provisioner: ebs.csi.aws.com
)";

class KubernetesLink : public ::testing::Test {
 protected:
  void SetUp() override {
    m_tree.write("k8s/api.yaml", k_deployment);
    m_tree.write("k8s/supporting.yaml", k_supporting);
  }
  void add(const std::string& file, const std::string& text) { m_tree.write(file, text); }
  analyzer::Workspace workspace() { return load(m_tree.root()); }
  TempTree m_tree;
};

TEST_F(KubernetesLink, ConfigSecretsAccountsAndStorage) {
  const auto ws = workspace();
  const auto& g = ws.graph;
  const std::string api = "k8s:shop/Deployment/api";
  EXPECT_EQ(edge_kind(g, api, "k8s:shop/Secret/db"), "config_reference");
  EXPECT_EQ(edge_kind(g, api, "k8s:shop/ConfigMap/flags"), "config_reference");  // optional
  EXPECT_EQ(edge_kind(g, api, "k8s:shop/ConfigMap/shared"), "config_reference");
  EXPECT_EQ(edge_kind(g, api, "k8s:shop/Secret/tls-certs"), "config_reference");
  EXPECT_EQ(edge_kind(g, api, "k8s:shop/Secret/registry"), "image_pull_secret");
  EXPECT_EQ(edge_kind(g, api, "k8s:shop/ServiceAccount/api"), "service_account");
  EXPECT_EQ(edge_kind(g, api, "k8s:shop/PersistentVolumeClaim/api-data"), "storage");
  EXPECT_EQ(edge_kind(g, "k8s:shop/PersistentVolumeClaim/api-data", "k8s:/StorageClass/gp3"),
            "storage");
  EXPECT_EQ(edge_kind(g, api, "k8s:/Namespace/shop"), "namespace");
  // Undeclared objects are placeholders, reported unless optional.
  EXPECT_EQ(g.node(g.find("k8s:shop/Secret/registry")).role, graph::Role::external);
  const auto codes = diagnostic_codes(ws);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "k8s-unresolved-reference"),
            2);  // registry, tls-certs
}

TEST_F(KubernetesLink, OptionalReferencesReachLikeRequiredOnesAndSaySo) {
  const auto ws = workspace();
  const auto& g = ws.graph;
  const std::string api = "k8s:shop/Deployment/api";
  const auto optional = edge_evidence(g, api, "k8s:shop/ConfigMap/flags");
  ASSERT_TRUE(optional);
  EXPECT_TRUE(optional->attribute.ends_with(" (optional)")) << optional->attribute;
  const auto required = edge_evidence(g, api, "k8s:shop/Secret/db");
  ASSERT_TRUE(required);
  EXPECT_EQ(required->attribute.find("optional"), std::string::npos) << required->attribute;
  // A change to an existing optional ConfigMap still changes the pod's environment.
  EXPECT_TRUE(reached_ids(g, {"k8s:shop/ConfigMap/flags"}).contains(api));
}

TEST_F(KubernetesLink, ServiceSelectorsManyToMany) {
  const auto ws = workspace();
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/Service/api", "k8s:shop/Deployment/api"),
            "service_selector");
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/Service/api-internal", "k8s:shop/Deployment/api"),
            "service_selector");
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/Service/cart", "k8s:shop/Deployment/api"), "");
}

TEST_F(KubernetesLink, ServiceCallsFromEnvAndConfigMapsIncludingDanglingOnes) {
  const auto ws = workspace();
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, "k8s:shop/Deployment/api", "k8s:shop/Service/cart"), "service_call");
  EXPECT_EQ(edge_kind(g, "k8s:shop/Deployment/api", "k8s:platform/Service/auth"), "service_call");
  EXPECT_EQ(edge_kind(g, "k8s:shop/ConfigMap/shared", "k8s:shop/Service/payments"), "service_call");
  // Dangling: kept as a placeholder with a warning, not dropped.
  EXPECT_EQ(edge_kind(g, "k8s:shop/Deployment/api", "k8s:shop/Service/legacy"), "service_call");
  bool dangling = false;
  for (const auto& d : ws.diagnostics)
    dangling |= d.code == "k8s-dangling-call" && d.message.find("legacy") != std::string::npos;
  EXPECT_TRUE(dangling);
  // An external host is not a call.
  for (const auto& node : g.nodes())
    EXPECT_EQ(node.id.find("stripe"), std::string::npos) << node.id;

  // A change to cart's Service reaches api, through the call.
  const auto reached = reached_ids(g, {"k8s:shop/Service/cart"});
  EXPECT_TRUE(reached.contains("k8s:shop/Deployment/api"));
  EXPECT_TRUE(reached.contains("k8s:shop/Service/api"));
}

TEST_F(KubernetesLink, RbacBindingsRolesAndGroupSubjects) {
  add("k8s/rbac.yaml", R"(apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: shop}
rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: api-reader, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects: [{kind: ServiceAccount, name: api}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: viewer}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: all-shop-view}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: viewer}
subjects: [{kind: Group, name: "system:serviceaccounts:shop", apiGroup: rbac.authorization.k8s.io}]
)");
  const auto ws = workspace();
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, "k8s:shop/RoleBinding/api-reader", "k8s:shop/Role/reader"), "rbac_role");
  EXPECT_EQ(edge_kind(g, "k8s:shop/ServiceAccount/api", "k8s:shop/RoleBinding/api-reader"),
            "rbac_subject");
  EXPECT_EQ(edge_kind(g, "k8s:/ClusterRoleBinding/all-shop-view", "k8s:/ClusterRole/viewer"),
            "rbac_role");
  EXPECT_EQ(edge_kind(g, "k8s:shop/ServiceAccount/api", "k8s:/ClusterRoleBinding/all-shop-view"),
            "rbac_subject");
  const auto reached = reached_ids(g, {"k8s:/ClusterRole/viewer"});
  EXPECT_TRUE(reached.contains("k8s:shop/Deployment/api"));
}

TEST_F(KubernetesLink, DefaultServiceAccountWhenAbsent) {
  add("k8s/worker.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: worker, namespace: shop}
spec:
  selector: {matchLabels: {app: worker}}
  template:
    metadata: {labels: {app: worker}}
    spec: {containers: [{name: w, image: w}]}
)");
  const auto ws = workspace();
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/Deployment/worker", "k8s:shop/ServiceAccount/default"),
            "service_account");
  for (const auto& d : ws.diagnostics)
    EXPECT_EQ(d.message.find("default"), std::string::npos) << d.message;
}

TEST_F(KubernetesLink, NetworkPolicyHpaPdbIngressAndWebhooks) {
  add("k8s/more.yaml", R"(apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-ingress, namespace: shop}
spec:
  podSelector:
    matchExpressions: [{key: app, operator: In, values: [api, cart]}]
  ingress:
    - from:
        - namespaceSelector: {matchLabels: {team: platform}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2
  maxReplicas: 10
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: api, namespace: shop}
spec: {minAvailable: 1, selector: {matchLabels: {app: api}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: public, namespace: shop}
spec:
  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
  rules:
    - host: shop.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: policy}
webhooks:
  - name: policy.example.com
    clientConfig: {service: {name: auth, namespace: platform}}
    rules: [{apiGroups: [apps], apiVersions: [v1], resources: [deployments]}]
)");
  const auto ws = workspace();
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, "k8s:shop/Deployment/api", "k8s:shop/NetworkPolicy/api-ingress"),
            "network_policy");
  EXPECT_EQ(edge_kind(g, "k8s:shop/Deployment/api", "k8s:shop/HorizontalPodAutoscaler/api"),
            "scale_target");
  EXPECT_EQ(edge_kind(g, "k8s:shop/Deployment/api", "k8s:shop/PodDisruptionBudget/api"),
            "disruption_budget");
  EXPECT_EQ(edge_kind(g, "k8s:shop/Ingress/public", "k8s:shop/Service/api"), "ingress_backend");
  EXPECT_EQ(edge_kind(g, "k8s:shop/Ingress/public", "k8s:shop/Secret/shop-tls"), "tls_secret");
  EXPECT_EQ(edge_kind(g, "k8s:/ValidatingWebhookConfiguration/policy", "k8s:platform/Service/auth"),
            "reference");
  // The webhook reaches what its rules admit, and only that.
  EXPECT_EQ(edge_kind(g, "k8s:shop/Deployment/api", "k8s:/ValidatingWebhookConfiguration/policy"),
            "admission");
  const auto reached = reached_ids(g, {"k8s:platform/Service/auth"});
  EXPECT_TRUE(reached.contains("k8s:shop/Deployment/api"));
  EXPECT_FALSE(reached.contains("k8s:shop/ConfigMap/shared"));
}

TEST_F(KubernetesLink, ServicesFromLabelsAndVersionsAreOneService) {
  add("k8s/reviews.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v1, namespace: shop}
spec:
  selector: {matchLabels: {app: reviews, version: v1}}
  template: {metadata: {labels: {app: reviews, version: v1}}, spec: {containers: [{name: r, image: r}]}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v2, namespace: shop}
spec:
  selector: {matchLabels: {app: reviews, version: v2}}
  template: {metadata: {labels: {app: reviews, version: v2}}, spec: {containers: [{name: r, image: r}]}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ratings-v3, namespace: shop}
spec:
  selector: {matchLabels: {tier: x}}
  template: {metadata: {labels: {tier: y}}, spec: {containers: [{name: r, image: r}]}}
)");
  const auto ws = workspace();
  const auto& g = ws.graph;
  EXPECT_EQ(g.node(g.find("k8s:shop/Deployment/reviews-v1")).service, "reviews");
  EXPECT_EQ(g.node(g.find("k8s:shop/Deployment/reviews-v2")).service, "reviews");
  EXPECT_EQ(g.node(g.find("k8s:shop/Deployment/ratings-v3")).service, "ratings");  // its name
  EXPECT_EQ(g.node(g.find("k8s:shop/Deployment/api")).service, "api");
  EXPECT_EQ(g.node(g.find("k8s:shop/Secret/db")).service, "");  // shared, unlabeled
  const auto codes = diagnostic_codes(ws);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "k8s-selector-mismatch"), codes.end());
}

TEST_F(KubernetesLink, KustomizationDecidesWhatIsDeployed) {
  add("k8s/kustomization.yaml", "resources:\n  - api.yaml\n  - supporting.yaml\n");
  add("k8s/old.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: old, namespace: shop}\n");
  add("k8s/legacy/cron.yaml",
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cron, namespace: shop}\n");
  const auto ws = workspace();
  EXPECT_EQ(ws.graph.find("k8s:shop/ConfigMap/old"), graph::k_no_node);
  EXPECT_EQ(ws.graph.find("k8s:shop/ConfigMap/cron"), graph::k_no_node);
  EXPECT_NE(ws.graph.find("k8s:shop/Deployment/api"), graph::k_no_node);
  const auto codes = diagnostic_codes(ws);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "k8s-not-deployed"), 2);
}

TEST_F(KubernetesLink, AHelmChartIsReportedOnceAndItsTemplatesAreNeverReadAsManifests) {
  add("charts/web/Chart.yaml", "apiVersion: v2\nname: web-app\nversion: 1.0.0\n");
  add("charts/web/values.yaml", "replicas: 2\n");
  // Static templates parse as YAML, but `helm install` puts them in the release's namespace.
  add("charts/web/templates/config.yaml",
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n");
  add("charts/web/templates/deploy.yaml",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n");
  add("charts/web/charts/db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 1.0.0\n");
  add("charts/web/charts/db/templates/db.yaml",
      "apiVersion: v1\nkind: Service\nmetadata: {name: db}\n");
  add("charts/web/charts/db/crds/crd.yaml",
      "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: "
      "tables.example.com}\n");
  add("charts/web/crds/crd.yaml",
      "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: "
      "widgets.example.com}\n");
  const auto ws = workspace();
  EXPECT_EQ(ws.graph.find("k8s:default/ConfigMap/web"), graph::k_no_node);
  EXPECT_EQ(ws.graph.find("k8s:default/Service/db"), graph::k_no_node);
  // CRDs are installed as they are: plain manifests.
  EXPECT_NE(ws.graph.find("k8s:/CustomResourceDefinition/widgets.example.com"), graph::k_no_node);
  EXPECT_NE(ws.graph.find("k8s:/CustomResourceDefinition/tables.example.com"), graph::k_no_node);
  std::vector<Diagnostic> charts;
  for (const auto& d : ws.diagnostics) {
    if (d.code == "k8s-helm-chart") charts.push_back(d);
    EXPECT_NE(d.code, "k8s-helm-template") << d.file;
  }
  ASSERT_EQ(charts.size(), 1U);  // the subchart is part of its parent
  EXPECT_EQ(charts[0].file, "charts/web/Chart.yaml");
  EXPECT_NE(charts[0].message.find("helm template web-app charts/web --namespace"),
            std::string::npos)
      << charts[0].message;
  EXPECT_NE(charts[0].message.find("3 template file(s)"), std::string::npos) << charts[0].message;
  EXPECT_EQ(ws.coverage.files_unparsed, 3U);  // every template counts as not read
}

TEST_F(KubernetesLink, HelmTemplatesAndBrokenYamlAreDiagnosticsNotSilence) {
  add("chart/templates/d.yaml",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Values.name }}\n");
  add("k8s/broken.yaml",
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n  namespace: shop\n---\napiVersion: "
      "v1\nkind: ConfigMap\nmetadata:\n  name: bad\n   namespace: shop\n");
  const auto ws = workspace();
  EXPECT_EQ(ws.coverage.files_unparsed, 2U);
  bool helm = false;
  bool broken = false;
  for (const auto& d : ws.diagnostics) {
    helm |= d.file == "chart/templates/d.yaml" && d.code == "k8s-helm-template";
    broken |= d.file == "k8s/broken.yaml" && d.position.line >= 10;
  }
  EXPECT_TRUE(helm);
  EXPECT_TRUE(broken);
  EXPECT_NE(ws.graph.find("k8s:shop/ConfigMap/ok"), graph::k_no_node);    // before the error
  EXPECT_NE(ws.graph.find("k8s:shop/Deployment/api"), graph::k_no_node);  // other files
}

}  // namespace
}  // namespace blastgraph::testing

namespace blastgraph::testing {
namespace {

TEST(KubernetesGateway, CrossNamespaceBackendsNeedAReferenceGrant) {
  TempTree tree;
  tree.write("gw.yaml", R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: edge}
spec:
  gatewayClassName: cloud
  listeners: [{name: https, port: 443, protocol: HTTPS}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: edge}
spec:
  parentRefs: [{name: public}]
  rules:
    - backendRefs: [{name: web, namespace: shop, port: 80}]
    - backendRefs: [{name: admin, namespace: ops, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: from-edge, namespace: shop}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: edge}]
  to: [{group: "", kind: Service}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}}
---
apiVersion: v1
kind: Service
metadata: {name: admin, namespace: ops}
spec: {selector: {app: admin}}
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1beta1.metrics.k8s.io}
spec: {service: {name: metrics-server, namespace: kube-system}, group: metrics.k8s.io, version: v1beta1}
---
apiVersion: metrics.k8s.io/v1beta1
kind: NodeMetrics
metadata: {name: node-1}
)");
  const auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(edge_kind(g, "k8s:edge/HTTPRoute/shop", "k8s:edge/Gateway/public"), "route_backend");
  EXPECT_EQ(edge_kind(g, "k8s:edge/HTTPRoute/shop", "k8s:shop/Service/web"), "route_backend");
  EXPECT_EQ(edge_kind(g, "k8s:edge/HTTPRoute/shop", "k8s:ops/Service/admin"), "");  // no grant
  bool reported = false;
  for (const auto& d : ws.diagnostics) reported |= d.code == "k8s-route-not-granted";
  EXPECT_TRUE(reported);
  // Objects of the API an APIService serves depend on it.
  EXPECT_EQ(
      edge_kind(g, "k8s:default/NodeMetrics/node-1", "k8s:/APIService/v1beta1.metrics.k8s.io"),
      "admission");
}

TEST(KubernetesExample, StorageAndExternalNames) {
  const auto ws = load(fixtures_dir() / "acme" / "kubernetes");
  EXPECT_EQ(edge_kind(ws.graph, "k8s:.:platform/StatefulSet/mongodb", "k8s:.:/StorageClass/gp3"),
            "storage");
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop:shop/Service/payments-gateway", "ext:dns:api.stripe.com"),
            "reference");
}

}  // namespace
}  // namespace blastgraph::testing
