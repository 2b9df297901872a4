// GCP IAM in Terraform: members and bindings give service accounts acts_on edges to what
// they are attached to, workloadIdentityUser bindings make Kubernetes ServiceAccounts run as
// Google service accounts, and basic or admin roles on a project are risk factors.
#include <gtest/gtest.h>

#include <algorithm>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

bool has_risk(const analyzer::Workspace& ws, const std::string& node, const std::string& kind,
              std::uint32_t line) {
  return std::any_of(ws.policy_risks.begin(), ws.policy_risks.end(), [&](const auto& r) {
    return r.node == node && r.kind == kind && r.position.line == line;
  });
}

bool has_risk_on(const analyzer::Workspace& ws, const std::string& node) {
  return std::any_of(ws.policy_risks.begin(), ws.policy_risks.end(),
                     [&](const auto& r) { return r.node == node; });
}

constexpr const char* k_members = R"(resource "google_service_account" "app" {
  account_id = "app"
  project    = "acme-prod"
}
resource "google_service_account" "other" { account_id = "other" }
resource "google_storage_bucket" "data" {
  name     = "acme-data"
  location = "EU"
}
resource "google_storage_bucket_iam_member" "app_reads" {
  bucket = google_storage_bucket.data.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.app.email}"
}
resource "google_project_iam_member" "app_logs" {
  project = "acme-prod"
  role    = "roles/logging.logWriter"
  member  = "serviceAccount:app@acme-prod.iam.gserviceaccount.com"
}
resource "google_project_iam_binding" "owners" {
  project = "acme-prod"
  role    = "roles/owner"
  members = [
    "user:ceo@acme.example",
    "serviceAccount:app@acme-prod.iam.gserviceaccount.com",
  ]
}
resource "google_storage_bucket_iam_member" "stranger" {
  bucket = google_storage_bucket.data.name
  role   = "roles/storage.admin"
  member = "serviceAccount:app@another-project.iam.gserviceaccount.com"
}
)";

TEST(GcpIam, MemberActsOnTheResourceItIsAttachedTo) {
  TempTree tree;
  tree.write("main.tf", k_members);
  const auto ws = load(tree.root());
  const auto& g = ws.graph;
  const std::string app = ".:google_service_account.app";
  EXPECT_EQ(edge_kind(g, app, ".:google_storage_bucket.data"), "acts_on");
  const auto evidence = edge_evidence(g, app, ".:google_storage_bucket.data");
  ASSERT_TRUE(evidence);
  EXPECT_EQ(evidence->line, 13u);  // the member
  EXPECT_EQ(evidence->attribute, "roles/storage.objectViewer");
  // The IAM member resource is what changes the account's grants.
  EXPECT_EQ(edge_kind(g, app, ".:google_storage_bucket_iam_member.app_reads"), "policy_attachment");
  EXPECT_TRUE(reached_ids(g, {".:google_storage_bucket_iam_member.app_reads"}).contains(app));
  // Another account, and the same account id in another project, get nothing.
  EXPECT_EQ(edge_kind(g, ".:google_service_account.other", ".:google_storage_bucket.data"), "");
  EXPECT_EQ(edge_kind(g, app, ".:google_storage_bucket_iam_member.stranger"), "");
}

TEST(GcpIam, ProjectOutsideTheTreeIsExternalAndBindingsListMembers) {
  TempTree tree;
  tree.write("main.tf", k_members);
  const auto ws = load(tree.root());
  const auto& g = ws.graph;
  const std::string app = ".:google_service_account.app";
  const std::string project = "ext:gcp:projects/acme-prod";
  ASSERT_NE(g.find(project), graph::k_no_node);
  EXPECT_EQ(g.node(g.find(project)).role, graph::Role::external);
  EXPECT_EQ(edge_kind(g, app, project), "acts_on");
  EXPECT_EQ(edge_kind(g, app, ".:google_project_iam_member.app_logs"), "policy_attachment");
  const auto binding = edge_evidence(g, app, ".:google_project_iam_binding.owners");
  ASSERT_TRUE(binding);
  EXPECT_EQ(binding->line, 25u);  // the list item naming the account
  EXPECT_EQ(binding->attribute, "members");
}

TEST(GcpIam, BasicAndAdminRolesOnAProjectAreRisks) {
  TempTree tree;
  tree.write("main.tf", k_members);
  const auto ws = load(tree.root());
  EXPECT_TRUE(has_risk(ws, ".:google_project_iam_binding.owners", "full-admin", 22));
  EXPECT_FALSE(has_risk_on(ws, ".:google_project_iam_member.app_logs"));
  // An admin role on a bucket is not an account-level grant.
  EXPECT_FALSE(has_risk_on(ws, ".:google_storage_bucket_iam_member.stranger"));
}

TEST(GcpIam, PolicyDataBindingsAndProjectsOfTheTree) {
  TempTree tree;
  tree.write("main.tf", R"(resource "google_project" "acme" {
  name       = "acme"
  project_id = "acme-prod"
}
resource "google_service_account" "app" { account_id = "app" }
data "google_iam_policy" "topic" {
  binding {
    role    = "roles/pubsub.publisher"
    members = ["serviceAccount:${google_service_account.app.email}"]
  }
}
resource "google_pubsub_topic" "events" { name = "events" }
resource "google_pubsub_topic_iam_policy" "events" {
  topic       = google_pubsub_topic.events.name
  policy_data = data.google_iam_policy.topic.policy_data
}
resource "google_project_iam_member" "admin" {
  project = "acme-prod"
  role    = "roles/resourcemanager.projectIamAdmin"
  member  = google_service_account.app.member
}
)");
  const auto ws = load(tree.root());
  const auto& g = ws.graph;
  const std::string app = ".:google_service_account.app";
  EXPECT_EQ(edge_kind(g, app, ".:google_pubsub_topic.events"), "acts_on");
  const auto evidence = edge_evidence(g, app, ".:google_pubsub_topic.events");
  ASSERT_TRUE(evidence);
  EXPECT_EQ(evidence->line, 9u);
  EXPECT_EQ(edge_kind(g, app, ".:google_pubsub_topic_iam_policy.events"), "policy_attachment");
  // A literal project id that the tree defines is that project, not an external node.
  EXPECT_EQ(edge_kind(g, app, ".:google_project.acme"), "acts_on");
  EXPECT_EQ(g.find("ext:gcp:projects/acme-prod"), graph::k_no_node);
  EXPECT_TRUE(has_risk(ws, ".:google_project_iam_member.admin", "full-admin", 19));
}

constexpr const char* k_workload_identity = R"(resource "google_service_account" "reporter" {
  account_id = "reporter"
}
resource "google_service_account_iam_member" "wi" {
  service_account_id = google_service_account.reporter.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:acme-prod.svc.id.goog[apps/reporter]"
}
resource "google_service_account_iam_binding" "batch" {
  service_account_id = google_service_account.reporter.name
  role               = "roles/iam.workloadIdentityUser"
  members            = ["serviceAccount:acme-prod.svc.id.goog[batch/reporter]"]
}
resource "google_service_account_iam_member" "user" {
  service_account_id = google_service_account.reporter.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:acme-prod.svc.id.goog[ops/reporter]"
}
)";

constexpr const char* k_service_accounts = R"(apiVersion: v1
kind: ServiceAccount
metadata: {name: reporter, namespace: apps}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: reporter, namespace: jobs}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: reporter, namespace: ops}
)";

TEST(GcpIam, WorkloadIdentityBindingMakesTheServiceAccountRunAsIt) {
  TempTree tree;
  tree.write("main.tf", k_workload_identity);
  tree.write("k8s/accounts.yaml", k_service_accounts);
  const auto ws = load(tree.root());
  const auto& g = ws.graph;
  const std::string gsa = ".:google_service_account.reporter";
  // No annotation: the binding is what grants it.
  EXPECT_EQ(edge_kind(g, "k8s:apps/ServiceAccount/reporter", gsa), "runs_as");
  const auto evidence = edge_evidence(g, "k8s:apps/ServiceAccount/reporter", gsa);
  ASSERT_TRUE(evidence);
  EXPECT_EQ(evidence->file, "main.tf");
  EXPECT_EQ(evidence->line, 7u);
  EXPECT_EQ(edge_kind(g, "k8s:apps/ServiceAccount/reporter", ".:google_service_account_iam_member.wi"),
            "policy_attachment");
  EXPECT_TRUE(reached_ids(g, {gsa}).contains("k8s:apps/ServiceAccount/reporter"));
  // A binding for another namespace does not link this one, nor creates an account.
  EXPECT_EQ(edge_kind(g, "k8s:jobs/ServiceAccount/reporter", gsa), "");
  EXPECT_EQ(g.find("k8s:batch/ServiceAccount/reporter"), graph::k_no_node);
  // Another role does not let the Kubernetes account run as the Google one.
  EXPECT_EQ(edge_kind(g, "k8s:ops/ServiceAccount/reporter", gsa), "");
}

TEST(GcpIam, UnknownMembersAndTargetsDrawNothing) {
  TempTree tree;
  tree.write("main.tf", R"(variable "member" {}
variable "bucket" {}
resource "google_service_account" "app" { account_id = "app" }
resource "google_storage_bucket_iam_member" "a" {
  bucket = "acme-data"
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${var.member}"
}
resource "google_storage_bucket_iam_member" "b" {
  bucket = var.bucket
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:app@acme-prod.iam.gserviceaccount.com"
}
)");
  const auto ws = load(tree.root());
  const auto& g = ws.graph;
  const std::string app = ".:google_service_account.app";
  // `serviceAccount:*` could be anyone: it names no account of the tree.
  EXPECT_EQ(edge_kind(g, app, ".:google_storage_bucket_iam_member.a"), "");
  EXPECT_EQ(g.find("ext:gcp:google_storage_bucket/acme-data"), graph::k_no_node);
  // A target that is not static: the grant still reaches the account, but no target is made up.
  EXPECT_EQ(edge_kind(g, app, ".:google_storage_bucket_iam_member.b"), "policy_attachment");
  for (const auto& e : edge_set(g)) EXPECT_EQ(e.find("ext:gcp:"), std::string::npos) << e;
}

}  // namespace
}  // namespace blastgraph::testing
