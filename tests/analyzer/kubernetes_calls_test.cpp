// Which configuration values are calls: TLS server names, dashboards and addresses into
// namespaces the repository does not hold. Each rule has a test that fails without it.
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

constexpr const char* k_services = R"(apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Service
metadata: {name: payments, namespace: shop}
spec: {selector: {app: payments}}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {selector: {app: cart}}
)";

constexpr const char* k_caller = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web:1
          env:
            - {name: PAYMENTS_SNI, value: payments.shop.svc.cluster.local}
            - {name: LEDGER_URL, value: "http://ledger.finance.svc.cluster.local:8080/api"}
            - {name: LOGGER, value: org.slf4j}
)";

class KubernetesCalls : public ::testing::Test {
 protected:
  void SetUp() override {
    m_tree.write("k8s/services.yaml", k_services);
    m_tree.write("k8s/web.yaml", k_caller);
  }
  TempTree m_tree;
};

TEST_F(KubernetesCalls, ATlsServerNameIsNoCall) {
  const auto ws = load(m_tree.root());
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/Deployment/web", "k8s:shop/Service/payments"), "");
}

TEST_F(KubernetesCalls, DashboardsAreNoCalls) {
  m_tree.write("k8s/dashboards.yaml", R"(apiVersion: v1
kind: ConfigMap
metadata: {name: by-label, namespace: shop, labels: {grafana_dashboard: "1"}}
data:
  links.txt: "cart: http://cart.shop:8080"
---
apiVersion: v1
kind: ConfigMap
metadata: {name: by-shape, namespace: shop}
data:
  payments.json: '{"title": "Payments", "panels": [{"datasource": "http://payments.shop:9090"}]}'
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data:
  app.json: '{"upstream": "http://cart.shop:8080"}'
)");
  const auto ws = load(m_tree.root());
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/ConfigMap/by-label", "k8s:shop/Service/cart"), "");
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/ConfigMap/by-shape", "k8s:shop/Service/payments"), "");
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/ConfigMap/settings", "k8s:shop/Service/cart"),
            "service_call");
}

TEST_F(KubernetesCalls, ACallIntoANamespaceOutsideTheRepositoryReachesAnExternalHost) {
  const auto ws = load(m_tree.root());
  const std::string host = "ext:dns:ledger.finance.svc.cluster.local";
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/Deployment/web", host), "service_call");
  ASSERT_NE(ws.graph.find(host), graph::k_no_node);
  EXPECT_EQ(ws.graph.node(ws.graph.find(host)).domain, graph::Domain::external);
  std::vector<std::string> notes;
  for (const auto& d : ws.diagnostics) {
    if (d.code == "k8s-namespace-not-in-repository") notes.push_back(d.message);
  }
  ASSERT_EQ(notes.size(), 1U);  // not for `org.slf4j`, which is a word, not an address
  EXPECT_NE(notes[0].find("namespace finance is not in the repository"), std::string::npos)
      << notes[0];
  // The change to the external host reaches the caller.
  EXPECT_TRUE(reached_ids(ws.graph, {host}).contains("k8s:shop/Deployment/web"));
}

// Calls in the forms real applications write them, each against its look-alike that is not a
// call. The Services: redis, catalog, kafka (a StatefulSet's pods), ads (gRPC).
class KubernetesCallForms : public ::testing::Test {
 protected:
  void SetUp() override {
    m_tree.write("k8s/backends.yaml", R"(apiVersion: v1
kind: Service
metadata: {name: redis, namespace: shop}
spec: {selector: {app: redis}}
---
apiVersion: v1
kind: Service
metadata: {name: catalog, namespace: shop}
spec: {selector: {app: catalog}}
---
apiVersion: v1
kind: Service
metadata: {name: ads, namespace: shop}
spec: {selector: {app: ads}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: kafka, namespace: shop}
spec:
  serviceName: kafka-headless
  selector: {matchLabels: {app: kafka}}
  template:
    metadata: {labels: {app: kafka}}
    spec: {containers: [{name: kafka, image: "kafka:3"}]}
)");
  }

  // A Deployment `web` whose first container has `env` and `args` as given (YAML flow).
  analyzer::Workspace web(const std::string& env, const std::string& args = "[]",
                          const std::string& init_env = "[]") {
    m_tree.write("k8s/web.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
        - {name: wait, image: "busybox:1", env: )" + init_env + R"(}
      containers:
        - {name: web, image: "web:1", env: )" + env + ", args: " + args + R"(}
)");
    return load(m_tree.root());
  }

  static std::string call(const analyzer::Workspace& ws, const std::string& target) {
    return edge_kind(ws.graph, "k8s:shop/Deployment/web", target);
  }

  TempTree m_tree;
};

TEST_F(KubernetesCallForms, ABareHostUnderAnAddressKeyCallsTheServiceOfThatName) {
  const auto ws = web(R"([{name: REDIS_HOST, value: redis}, {name: catalogAddr, value: catalog}])");
  EXPECT_EQ(call(ws, "k8s:shop/Service/redis"), "service_call");
  EXPECT_EQ(call(ws, "k8s:shop/Service/catalog"), "service_call");
}

TEST_F(KubernetesCallForms, ABareWordIsNoCallUnderAnyOtherKeyNorWithoutAService) {
  const auto ws = web(R"([{name: CACHE_KIND, value: redis}, {name: DB_HOST, value: postgres},
                         {name: LOG_LEVEL, value: info}])");
  EXPECT_EQ(call(ws, "k8s:shop/Service/redis"), "");
  // No Service `postgres`: a bare word invents no placeholder and no dangling call.
  EXPECT_EQ(ws.graph.find("k8s:shop/Service/postgres"), graph::k_no_node);
  EXPECT_TRUE(diagnostics_with_code(ws, "k8s-dangling-call").empty());
}

TEST_F(KubernetesCallForms, HostListsCallEachHostAndAStatefulSetPodReachesItsStatefulSet) {
  const auto ws = web(R"([{name: KAFKA_BROKERS, value: "kafka-0:9092,kafka-1:9092"},
                         {name: CACHE_SERVERS, value: "redis, catalog"}])");
  EXPECT_EQ(call(ws, "k8s:shop/StatefulSet/kafka"), "service_call");
  EXPECT_EQ(call(ws, "k8s:shop/Service/redis"), "service_call");
  EXPECT_EQ(call(ws, "k8s:shop/Service/catalog"), "service_call");
  EXPECT_EQ(ws.graph.find("k8s:shop/Service/kafka-0"), graph::k_no_node);
}

TEST_F(KubernetesCallForms, GrpcTargetsNameTheHostInTheirPath) {
  const auto ws = web(R"([{name: ADS_TARGET, value: "dns:///ads:9555"},
                         {name: CATALOG_TARGET, value: "dns://10.0.0.10/catalog.shop:3550"},
                         {name: REDIS_TARGET, value: "kubernetes:///redis.shop:6379"}])");
  EXPECT_EQ(call(ws, "k8s:shop/Service/ads"), "service_call");
  EXPECT_EQ(call(ws, "k8s:shop/Service/catalog"), "service_call");
  EXPECT_EQ(call(ws, "k8s:shop/Service/redis"), "service_call");
}

TEST_F(KubernetesCallForms, InitContainersCallToo) {
  const auto ws = web("[]", "[]", R"([{name: WAIT_FOR, value: "redis:6379"}])");
  EXPECT_EQ(call(ws, "k8s:shop/Service/redis"), "service_call");
}

TEST_F(KubernetesCallForms, CommandLineFlagsAreWeakEvidenceAndOnlyOfDeclaredServices) {
  const auto ws = web("[]", R"(["--catalog-addr", "catalog", "--cache=redis:6379",
                               "--listen=web:8080", "--upstream=http://missing:80"])");
  const auto catalog = edge_evidence(ws.graph, "k8s:shop/Deployment/web", "k8s:shop/Service/catalog");
  ASSERT_TRUE(catalog.has_value());
  EXPECT_TRUE(catalog->weak);
  EXPECT_NE(catalog->attribute.find("args[1]"), std::string::npos) << catalog->attribute;
  const auto redis = edge_evidence(ws.graph, "k8s:shop/Deployment/web", "k8s:shop/Service/redis");
  ASSERT_TRUE(redis.has_value());
  EXPECT_TRUE(redis->weak);
  // An undeclared host in a flag is not reported as a dangling call, nor made a node.
  EXPECT_EQ(ws.graph.find("k8s:shop/Service/missing"), graph::k_no_node);
  EXPECT_EQ(ws.graph.find("k8s:shop/Service/web"), graph::k_no_node);
}

TEST_F(KubernetesCallForms, AnEnvValueBesideAFlagKeepsTheStrongEvidence) {
  const auto ws = web(R"([{name: REDIS_URL, value: "redis://redis:6379"}])",
                      R"(["--cache=redis:6379"])");
  const auto redis = edge_evidence(ws.graph, "k8s:shop/Deployment/web", "k8s:shop/Service/redis");
  ASSERT_TRUE(redis.has_value());
  EXPECT_FALSE(redis->weak);
}

TEST_F(KubernetesCallForms, SecretDataIsReadDecoded) {
  // "redis://redis:6379/0" and "amqp://user:pw@catalog:5672"; a binary key is skipped.
  m_tree.write("k8s/secret.yaml", R"(apiVersion: v1
kind: Secret
metadata: {name: web-env, namespace: shop}
data:
  CACHE_URL: cmVkaXM6Ly9yZWRpczo2Mzc5LzA=
  BROKER_URL: YW1xcDovL3VzZXI6cHdAY2F0YWxvZzo1Njcy
  tls.key: AAECAwQ=
)");
  const auto ws = load(m_tree.root());
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/Secret/web-env", "k8s:shop/Service/redis"), "service_call");
  EXPECT_EQ(edge_kind(ws.graph, "k8s:shop/Secret/web-env", "k8s:shop/Service/catalog"),
            "service_call");
}

TEST_F(KubernetesCallForms, ADanglingCallQuotesOneShortLineWithItsKey) {
  std::string config = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config, namespace: shop}\n"
                       "data:\n  application.yaml: |\n";
  for (int i = 0; i < 30; ++i) config += "    setting" + std::to_string(i) + ": value\n";
  config += "    billing: http://billing:8080/" + std::string(200, 'x') + "\n";
  m_tree.write("k8s/config.yaml", config);
  const auto ws = load(m_tree.root());
  const auto dangling = diagnostics_with_code(ws, "k8s-dangling-call");
  ASSERT_EQ(dangling.size(), 1U);
  const auto& message = dangling.front().message;
  EXPECT_NE(message.find("application.yaml, line 31: \"billing: http://billing:8080/xxx"),
            std::string::npos)
      << message;
  EXPECT_EQ(message.find("setting0"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos);
  EXPECT_LT(message.size(), 300U) << message;
}

}  // namespace
}  // namespace blastgraph::testing
