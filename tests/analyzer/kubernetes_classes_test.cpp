// Kubernetes classes (README "Kubernetes" class table): one case per class.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

constexpr std::string_view k_manifests = R"(apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: "nginx:1.27"}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: "docker.io/bitnami/postgresql:16.2@sha256:0123"}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cache, namespace: shop}
spec:
  selector: {matchLabels: {app: cache}}
  template:
    metadata: {labels: {app: cache}}
    spec:
      initContainers: [{name: wait, image: busybox}]
      containers: [{name: cache, image: "redis:7"}]
---
apiVersion: v1
kind: ReplicationController
metadata: {name: legacy, namespace: shop}
spec:
  template:
    metadata: {labels: {app: legacy}}
    spec:
      containers: [{name: legacy, image: "httpd:2"}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Secret
metadata: {name: creds, namespace: shop}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: web, namespace: shop}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: shop}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: policy}
)";

class KubernetesClasses : public ::testing::Test {
 protected:
  void SetUp() override {
    m_tree.write("k8s/all.yaml", k_manifests);
    m_ws = load(m_tree.root());
  }
  std::string class_of(const std::string& id) {
    const auto index = m_ws.graph.find(id);
    EXPECT_NE(index, graph::k_no_node) << id;
    if (index == graph::k_no_node) return "";
    return std::string(graph::to_string(m_ws.graph.node(index).criticality));
  }
  TempTree m_tree;
  analyzer::Workspace m_ws;
};

TEST_F(KubernetesClasses, OneCasePerClass) {
  EXPECT_EQ(class_of("k8s:shop/Deployment/web"), "compute");
  EXPECT_EQ(class_of("k8s:shop/ReplicationController/legacy"), "compute");
  EXPECT_EQ(class_of("k8s:shop/StatefulSet/db"), "database");    // runs postgresql
  EXPECT_EQ(class_of("k8s:shop/Deployment/cache"), "database");  // runs redis
  EXPECT_EQ(class_of("k8s:shop/Service/web"), "network");
  EXPECT_EQ(class_of("k8s:shop/Secret/creds"), "secrets");
  EXPECT_EQ(class_of("k8s:shop/ServiceAccount/web"), "iam");
  EXPECT_EQ(class_of("k8s:shop/PersistentVolumeClaim/data"), "storage");
  EXPECT_EQ(class_of("k8s:/ValidatingWebhookConfiguration/policy"), "account");
  EXPECT_EQ(class_of("k8s:shop/ConfigMap/settings"), "normal");
  // A Namespace holds things; deleting it reaches them (namespace edges), it is no network.
  EXPECT_EQ(class_of("k8s:/Namespace/shop"), "normal");
  EXPECT_EQ(edge_kind(m_ws.graph, "k8s:shop/Deployment/web", "k8s:/Namespace/shop"), "namespace");
}

}  // namespace
}  // namespace blastgraph::testing
