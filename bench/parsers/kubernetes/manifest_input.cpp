#include "manifest_input.hpp"

namespace blastgraph::bench {
namespace {

std::string config_map(const std::string& name, const std::string& ns, const std::string& peer) {
  return "apiVersion: v1\n"
         "kind: ConfigMap\n"
         "metadata:\n"
         "  name: " +
         name +
         "-config\n"
         "  namespace: " +
         ns +
         "\n"
         "  labels:\n"
         "    app.kubernetes.io/name: " +
         name +
         "\n"
         "    app.kubernetes.io/part-of: shop\n"
         "data:\n"
         "  UPSTREAM_URL: http://" +
         peer + "." + ns +
         ".svc.cluster.local:8080/api\n"
         "  CACHE: redis://cache:6379/0\n"
         "  LOG_LEVEL: info\n"
         "  application.yaml: |\n"
         "    server:\n"
         "      port: 8080\n"
         "    upstream:\n"
         "      url: \"http://" +
         peer +
         ":8080\"\n"
         "      timeout: 5s\n"
         "---\n";
}

std::string deployment(const std::string& name, const std::string& ns, const std::string& peer) {
  return "apiVersion: apps/v1\n"
         "kind: Deployment\n"
         "metadata:\n"
         "  name: " +
         name +
         "\n"
         "  namespace: " +
         ns +
         "\n"
         "  labels: {app: " +
         name +
         ", team: shop}\n"
         "spec:\n"
         "  replicas: 3\n"
         "  selector:\n"
         "    matchLabels:\n"
         "      app: " +
         name +
         "\n"
         "  template:\n"
         "    metadata:\n"
         "      labels:\n"
         "        app: " +
         name +
         "\n"
         "        version: v1\n"
         "      annotations:\n"
         "        prometheus.io/scrape: \"true\"\n"
         "    spec:\n"
         "      serviceAccountName: " +
         name +
         "\n"
         "      containers:\n"
         "        - name: app\n"
         "          image: registry.example.com/shop/" +
         name +
         ":1.4.2\n"
         "          ports:\n"
         "            - {name: http, containerPort: 8080}\n"
         "          env:\n"
         "            - name: PEER_URL\n"
         "              value: \"http://" +
         peer +
         ":8080\"\n"
         "            - name: DB_PASSWORD\n"
         "              valueFrom:\n"
         "                secretKeyRef: {name: " +
         name +
         "-db, key: password}\n"
         "            - name: FEATURES\n"
         "              valueFrom:\n"
         "                configMapKeyRef:\n"
         "                  name: " +
         name +
         "-config\n"
         "                  key: LOG_LEVEL\n"
         "                  optional: true\n"
         "          envFrom:\n"
         "            - configMapRef:\n"
         "                name: shared-config\n"
         "          readinessProbe:\n"
         "            httpGet: {path: /healthz, port: http}\n"
         "            periodSeconds: 10\n"
         "          resources:\n"
         "            requests: {cpu: 100m, memory: 128Mi}\n"
         "            limits: {cpu: '1', memory: 512Mi}\n"
         "          volumeMounts:\n"
         "            - {name: config, mountPath: /etc/app}\n"
         "            - {name: tls, mountPath: /etc/tls, readOnly: true}\n"
         "      volumes:\n"
         "        - name: config\n"
         "          configMap:\n"
         "            name: " +
         name +
         "-config\n"
         "        - name: tls\n"
         "          secret:\n"
         "            secretName: " +
         name +
         "-tls\n"
         "---\n";
}

std::string service(const std::string& name, const std::string& ns) {
  return "apiVersion: v1\n"
         "kind: Service\n"
         "metadata:\n"
         "  name: " +
         name +
         "\n"
         "  namespace: " +
         ns +
         "\n"
         "spec:\n"
         "  type: ClusterIP\n"
         "  selector:\n"
         "    app: " +
         name +
         "\n"
         "  ports:\n"
         "    - name: http\n"
         "      port: 8080\n"
         "      targetPort: http\n"
         "---\n";
}

// ServiceAccount, Secret (env), ConfigMap (env), shared ConfigMap (envFrom), ConfigMap and
// Secret (volumes).
constexpr std::size_t k_references_per_deployment = 6;

}  // namespace

ManifestInput generate_manifests(std::size_t min_bytes) {
  ManifestInput input;
  input.text.reserve(min_bytes + 4096);
  for (std::size_t i = 0; input.text.size() < min_bytes; ++i) {
    std::string name = "svc-" + std::to_string(i);
    std::string peer = "svc-" + std::to_string((i * 7 + 1) % (i + 2));
    std::string ns = i % 2 == 0 ? "shop" : "payments";
    input.text += config_map(name, ns, peer) + deployment(name, ns, peer) + service(name, ns);
    input.objects += 3;
    input.references += k_references_per_deployment;
  }
  return input;
}

}  // namespace blastgraph::bench
