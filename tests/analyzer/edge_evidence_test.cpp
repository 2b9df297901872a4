// Every edge says where it is written (DESIGN.md "The graph"): a reviewer reading a path
// must be able to open the file at the line that makes each hop, including the edges the
// linking passes draw between domains (identities, attachments, webhooks).
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

// The edges without a file or a line, one per line, at most `limit` of them.
std::string edges_without_evidence(const graph::Graph& graph, std::size_t limit = 20) {
  std::ostringstream out;
  std::size_t missing = 0;
  for (const auto& edge : graph.edges()) {
    if (!edge.evidence.file.empty() && edge.evidence.line >= 1) continue;
    if (++missing > limit) continue;
    out << graph.node(edge.source).id << " -> " << graph.node(edge.target).id << " ["
        << graph::to_string(edge.kind) << "] at '" << edge.evidence.file
        << "':" << edge.evidence.line << " " << edge.evidence.attribute << '\n';
  }
  if (missing > limit) out << "... " << missing - limit << " more\n";
  return out.str();
}

TEST(EdgeEvidence, EveryEdgeOfTheBundledFixturesHasAFileAndLine) {
  for (const char* fixture : {"acme", "parsers"}) {
    const auto ws = load(fixtures_dir() / fixture);
    ASSERT_GT(ws.graph.edge_count(), 0U) << fixture;
    EXPECT_EQ(edges_without_evidence(ws.graph), "") << fixture;
  }
}

// One tree with every linking pass that joins domains: EKS pod identity, IRSA (matched and
// external), GKE annotation and workload identity binding, Azure federated credential and
// role assignment, policy attachments, group membership, runs_as of compute, webhooks.
constexpr const char* k_terraform = R"(resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = "{}"
}
resource "aws_eks_pod_identity_association" "worker" {
  cluster_name    = "main"
  namespace       = "apps"
  service_account = "worker"
  role_arn        = aws_iam_role.worker.arn
}
resource "aws_iam_policy" "read" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}
resource "aws_iam_role_policy_attachment" "read" {
  role       = aws_iam_role.worker.name
  policy_arn = aws_iam_policy.read.arn
}
resource "aws_iam_group" "ops" { name = "ops" }
resource "aws_iam_user" "ann" { name = "ann" }
resource "aws_iam_user_group_membership" "ann" {
  user   = aws_iam_user.ann.name
  groups = [aws_iam_group.ops.name]
}
resource "aws_iam_policy_attachment" "everyone" {
  name       = "everyone"
  policy_arn = aws_iam_policy.read.arn
  users      = [aws_iam_user.ann.name]
  groups     = [aws_iam_group.ops.name]
  roles      = [aws_iam_role.worker.name]
}
resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = aws_iam_role.worker.arn
}
resource "google_service_account" "reporter" {
  account_id = "reporter"
}
resource "google_service_account_iam_member" "wi" {
  service_account_id = google_service_account.reporter.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:acme-prod.svc.id.goog[apps/batch]"
}
resource "google_storage_bucket" "b" { name = "b" }
resource "google_storage_bucket_iam_member" "r" {
  bucket = google_storage_bucket.b.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.reporter.email}"
}
resource "azurerm_user_assigned_identity" "api" { name = "api" }
resource "azurerm_storage_account" "data" { name = "data" }
resource "azurerm_federated_identity_credential" "api" {
  parent_id = azurerm_user_assigned_identity.api.id
  subject   = "system:serviceaccount:apps:api"
}
resource "azurerm_role_assignment" "api" {
  principal_id         = azurerm_user_assigned_identity.api.principal_id
  scope                = azurerm_storage_account.data.id
  role_definition_name = "Storage Blob Data Reader"
}
)";

constexpr const char* k_manifests = R"(apiVersion: v1
kind: ServiceAccount
metadata:
  name: irsa
  namespace: apps
  annotations:
    team: core
    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/worker
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: elsewhere
  namespace: apps
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/someone-else
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: reporter
  namespace: apps
  annotations:
    iam.gke.io/gcp-service-account: reporter@acme-prod.iam.gserviceaccount.com
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: batch, namespace: apps}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: api, namespace: apps}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: apps}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      serviceAccountName: api
      containers: [{name: api, image: api:1, env: [{name: UP, value: "http://upstream:8080"}]}]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: guard}
webhooks:
  - name: guard.example.com
    clientConfig: {service: {name: guard, namespace: apps}}
    rules: [{apiGroups: [apps], apiVersions: [v1], resources: [deployments]}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: apps}
spec: {type: ExternalName, externalName: api.example.com}
)";

TEST(EdgeEvidence, EveryLinkingPassWritesAFileAndLine) {
  TempTree tree;
  tree.write("infra/main.tf", k_terraform);
  tree.write("k8s/apps.yaml", k_manifests);
  const auto ws = load(tree.root());
  const auto& g = ws.graph;
  EXPECT_EQ(edges_without_evidence(g), "");

  // The evidence is where the link is written.
  const auto association = edge_evidence(g, "k8s:apps/ServiceAccount/worker",
                                         "infra:aws_eks_pod_identity_association.worker");
  ASSERT_TRUE(association);
  EXPECT_EQ(association->file, "infra/main.tf");
  EXPECT_EQ(association->line, 8U);  // service_account = "worker"
  const auto irsa = edge_evidence(g, "k8s:apps/ServiceAccount/irsa", "infra:aws_iam_role.worker");
  ASSERT_TRUE(irsa);
  EXPECT_EQ(irsa->file, "k8s/apps.yaml");
  EXPECT_EQ(irsa->line, 8U);  // the annotation, not the object's first line
  const auto external = edge_evidence(g, "k8s:apps/ServiceAccount/elsewhere",
                                      "ext:arn:aws:iam::111122223333:role/someone-else");
  ASSERT_TRUE(external);
  EXPECT_EQ(external->line, 16U);
  const auto gke =
      edge_evidence(g, "k8s:apps/ServiceAccount/reporter", "infra:google_service_account.reporter");
  ASSERT_TRUE(gke);
  EXPECT_EQ(gke->line, 24U);
}

}  // namespace
}  // namespace blastgraph::testing
