// Admission webhooks reach only what they admit: rules, namespaceSelector, objectSelector, and
// custom resources by their CustomResourceDefinition (fixtures/k8s-admission).
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

// Ids of the objects with an admission edge to `target`.
std::set<std::string> admitted_by(const graph::Graph& graph, const std::string& target) {
  std::set<std::string> out;
  const std::string suffix = " -> " + target + " [admission]";
  for (const auto& edge : edge_set(graph)) {
    if (edge.ends_with(suffix)) out.insert(edge.substr(0, edge.size() - suffix.size()));
  }
  return out;
}

class Admission : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { s_workspace = load(fixtures_dir() / "k8s-admission"); }
  static void TearDownTestSuite() { s_workspace = {}; }
  static const graph::Graph& graph() { return s_workspace.graph; }
  static inline analyzer::Workspace s_workspace;
};

TEST_F(Admission, RulesAndNamespaceLabelsPickDeploymentsOfTeamA) {
  // Not billing's (team b), not legacy's (undeclared: no team label), not the StatefulSet.
  EXPECT_EQ(admitted_by(graph(), "k8s:/ValidatingWebhookConfiguration/team-a-deployments"),
            (std::set<std::string>{"k8s:cart/Deployment/api", "k8s:shop/Deployment/web"}));
}

TEST_F(Admission, ObjectSelectorOnPodsPicksTheWorkloadsWhosePodsMatch) {
  // The ConfigMap carries the label but is no pod.
  EXPECT_EQ(admitted_by(graph(), "k8s:/MutatingWebhookConfiguration/mesh-injector"),
            (std::set<std::string>{"k8s:billing/Deployment/invoices", "k8s:shop/Deployment/web"}));
}

TEST_F(Admission, CustomResourcesByTheirDefinitionOrTheGuessedPlural) {
  // other.io's Elasticsearch is another resource; gadgets/status is a subresource of the Gadget.
  EXPECT_EQ(admitted_by(graph(), "k8s:/ValidatingWebhookConfiguration/search-operator"),
            (std::set<std::string>{"k8s:billing/Gadget/red", "k8s:shop/Elasticsearch/logs"}));
}

TEST_F(Admission, ClusterScopeAndNamespacesMatchedOnTheirOwnLabels) {
  // Webhook configurations are never sent to webhooks; billing is team b.
  EXPECT_EQ(admitted_by(graph(), "k8s:/ValidatingWebhookConfiguration/namespace-guard"),
            (std::set<std::string>{"k8s:/CustomResourceDefinition/elasticsearches.example.com",
                                   "k8s:/Namespace/cart", "k8s:/Namespace/shop"}));
}

TEST_F(Admission, EvidenceNamesTheWebhookThatAdmits) {
  const auto evidence = edge_evidence(graph(), "k8s:shop/Deployment/web",
                                      "k8s:/ValidatingWebhookConfiguration/team-a-deployments");
  ASSERT_TRUE(evidence);
  EXPECT_EQ(evidence->attribute, "webhooks[deployments.team-a.example.com].rules");
  EXPECT_EQ(evidence->line, 6U);
}

}  // namespace
}  // namespace blastgraph::testing
