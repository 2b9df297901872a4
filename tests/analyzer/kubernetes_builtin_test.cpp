// Objects a cluster has without a manifest (builtin_objects.inc) are not reported as
// unresolved; names outside the table still are.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"
#include "kubernetes/builtin_objects.hpp"

namespace blastgraph::testing {
namespace {

using analyzer::k8s_link::builtin_platform;

constexpr const char* k_manifests = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      serviceAccountName: default
      priorityClassName: system-cluster-critical
      containers: [{name: api, image: api:1}]
      volumes:
        - name: ca
          configMap: {name: kube-root-ca.crt}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: shop}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      priorityClassName: very-important
      containers: [{name: agent, image: agent:1}]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: shop}
spec: {storageClassName: standard-rwo}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: cache, namespace: shop}
spec: {storageClassName: fast-ssd}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: api-view}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: ServiceAccount, name: default, namespace: shop}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: api-delegator}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:auth-delegator"}
subjects: [{kind: ServiceAccount, name: metrics, namespace: shop}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: auth-reader, namespace: kube-system}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: extension-apiserver-authentication-reader}
subjects: [{kind: ServiceAccount, name: default, namespace: shop}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: custom, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: shop-operator}
subjects: []
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: gke-l7-global-external-managed
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: internal, namespace: shop}
spec:
  gatewayClassName: internal-lb
  listeners: [{name: http, port: 80, protocol: HTTP}]
)";

TEST(KubernetesBuiltins, TableKnowsPlatformObjects) {
  EXPECT_EQ(builtin_platform("ServiceAccount", "any-namespace", "default"), "kubernetes");
  EXPECT_EQ(builtin_platform("ClusterRole", "", "system:node"), "kubernetes");
  EXPECT_EQ(builtin_platform("StorageClass", "", "gp3"), "eks");
  EXPECT_EQ(builtin_platform("StorageClass", "", "managed-csi"), "aks");
  EXPECT_EQ(builtin_platform("GatewayClass", "", "gke-l7-rilb"), "gke");
  EXPECT_FALSE(builtin_platform("ServiceAccount", "shop", "api"));
  EXPECT_FALSE(builtin_platform("ClusterRole", "", "systemd"));  // a prefix needs the colon
  EXPECT_FALSE(builtin_platform("Role", "shop", "system:leader-locking"));  // only kube-system's
}

TEST(KubernetesBuiltins, ReferencesToBuiltinsAreNotReportedUnknownNamesAre) {
  TempTree tree;
  tree.write("k8s/all.yaml", k_manifests);
  const auto ws = load(tree.root());
  std::set<std::string> unresolved;
  for (const auto& d : ws.diagnostics) {
    if (d.code != "k8s-unresolved-reference") continue;
    const auto refers = d.message.find(" refers to ");
    const auto binds = d.message.find(" binds ");
    const auto start = refers != std::string::npos ? refers + 11 : binds + 7;
    unresolved.insert(d.message.substr(start, d.message.find(',', start) - start));
  }
  EXPECT_EQ(unresolved, (std::set<std::string>{
                            "k8s:/ClusterRole/shop-operator",
                            "k8s:/GatewayClass/internal-lb",
                            "k8s:/PriorityClass/very-important",
                            "k8s:/StorageClass/fast-ssd",
                            "k8s:shop/ServiceAccount/metrics",
                        }));
  // Built-ins still are nodes: a change to one reaches what uses it.
  EXPECT_EQ(
      edge_kind(ws.graph, "k8s:shop/PersistentVolumeClaim/data", "k8s:/StorageClass/standard-rwo"),
      "storage");
  EXPECT_EQ(edge_kind(ws.graph, "k8s:/ClusterRoleBinding/api-view", "k8s:/ClusterRole/view"),
            "rbac_role");
}

}  // namespace
}  // namespace blastgraph::testing
