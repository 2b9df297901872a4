// Repositories joined into one graph: each one's needs linked to the others' offers, and a
// change scored across all of them (fixtures/org).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/snapshot.hpp"
#include "blastgraph/org/organization.hpp"
#include "org_test_support.hpp"

namespace blastgraph::testing {
namespace {

using ::testing::IsSupersetOf;

analyzer::Workspace join_with_others(const std::string& name) {
  return org::join_repositories(load_repository(name), load_other_repositories(name));
}

const graph::RepositoryLink* find_link(const analyzer::Workspace& workspace,
                                       const std::string& source, const std::string& target) {
  for (const auto& link : workspace.organization.links) {
    if (link.source == source && link.target == target) return &link;
  }
  return nullptr;
}

TEST(Join, EachNeedIsLinkedToTheOfferItNames) {
  const auto joined = join_with_others("platform");
  const auto& graph = joined.graph;
  // By literal ARN, by data source, by remote state: each as an edge of the graph.
  const auto* literal =
      find_link(joined, "service-orders::.:aws_iam_role.orders", ".:aws_iam_policy.boundary");
  ASSERT_NE(literal, nullptr);
  EXPECT_EQ(literal->match, graph::MatchKind::arn);
  EXPECT_EQ(literal->edge, graph::EdgeKind::permission_boundary);
  EXPECT_EQ(literal->evidence.file, "service-orders::main.tf");
  EXPECT_EQ(edge_kind(graph, literal->source, literal->target), "permission_boundary");

  const auto* lookup = find_link(joined, "service-payments::.:data.aws_iam_policy.boundary",
                                 ".:aws_iam_policy.boundary");
  ASSERT_NE(lookup, nullptr);
  EXPECT_EQ(lookup->match, graph::MatchKind::lookup);
  EXPECT_EQ(lookup->value, "name=acme-boundary");
  EXPECT_NE(find_link(joined, "service-payments::.:data.aws_vpc.main", ".:aws_vpc.main"), nullptr);

  const auto* state = find_link(joined, "service-search::.:data.terraform_remote_state.platform",
                                ".:output.boundary_arn");
  ASSERT_NE(state, nullptr);
  EXPECT_EQ(state->match, graph::MatchKind::remote_state);
  EXPECT_EQ(edge_kind(graph, state->source, state->target), "reference");
}

TEST(Join, AnArnWhoseAccountOneSideDoesNotKnowMatchesByNameAsWeakerEvidence) {
  const auto joined = join_with_others("gitops");
  const auto* known = find_link(joined, "k8s:orders/ServiceAccount/orders",
                                "service-orders::.:aws_iam_role.orders");
  ASSERT_NE(known, nullptr);
  EXPECT_EQ(known->match, graph::MatchKind::arn);
  EXPECT_FALSE(known->evidence.weak);
  // service-search's provider names no account.
  const auto* by_name = find_link(joined, "k8s:search/ServiceAccount/search",
                                  "service-search::.:aws_iam_role.search");
  ASSERT_NE(by_name, nullptr);
  EXPECT_EQ(by_name->match, graph::MatchKind::name);
  EXPECT_TRUE(by_name->evidence.weak);
}

// The organization graph as a GraphBuilder makes it from the same repositories and links:
// the reference the assembled join must equal, node by node and edge by edge.
graph::Graph built_by_builder(const analyzer::Workspace& local,
                              std::vector<analyzer::Workspace> others,
                              const std::vector<graph::RepositoryLink>& links) {
  std::sort(others.begin(), others.end(),
            [](const auto& a, const auto& b) { return a.repository < b.repository; });
  graph::GraphBuilder builder;
  const auto add = [&](const analyzer::Workspace& workspace, bool under_review) {
    const auto name = [&](std::string_view id) {
      return under_review || id.empty() ? std::string(id)
                                        : org::organization_id(workspace.repository, id);
    };
    for (auto node : workspace.graph.nodes()) {
      node.id = name(node.id);
      node.span.file = name(node.span.file);
      if (!node.service.empty()) node.service = workspace.repository + ":" + node.service.str();
      builder.add_node(std::move(node));
    }
    for (const auto& edge : workspace.graph.edges()) {
      auto evidence = edge.evidence;
      evidence.file = name(evidence.file);
      builder.add_edge(name(workspace.graph.node(edge.source).id),
                       name(workspace.graph.node(edge.target).id), edge.kind, evidence);
    }
  };
  add(local, true);
  for (const auto& other : others) {
    if (other.repository != local.repository) add(other, false);
  }
  for (const auto& link : links)
    builder.add_edge(link.source, link.target, link.edge, link.evidence);
  return builder.build();
}

std::string describe(const graph::Node& node) {
  return node.id + " " + std::string(graph::to_string(node.domain)) + " " + node.type.str() + " " +
         std::string(graph::to_string(node.role)) + " " + node.service.str() + " " +
         node.application.str() + " " + node.span.file.str() + ":" +
         std::to_string(node.span.first_line) + "-" + std::to_string(node.span.last_line) + " " +
         std::string(graph::to_string(node.criticality));
}

std::string describe(const graph::Graph& graph, const graph::Edge& edge) {
  return graph.node(edge.source).id + " -> " + graph.node(edge.target).id + " " +
         std::string(graph::to_string(edge.kind)) + " " + edge.evidence.file.str() + ":" +
         std::to_string(edge.evidence.line) + " " + edge.evidence.attribute.str() +
         (edge.evidence.weak ? " weak" : "");
}

TEST(Join, TheAssembledGraphIsTheOneABuilderMakes) {
  for (const auto& name : k_org_repositories) {
    const auto joined = join_with_others(name);
    const auto expected = built_by_builder(load_repository(name), load_other_repositories(name),
                                           joined.organization.links);
    ASSERT_EQ(joined.graph.node_count(), expected.node_count()) << name;
    for (std::size_t i = 0; i < expected.node_count(); ++i) {
      const auto index = static_cast<graph::NodeIndex>(i);
      ASSERT_EQ(describe(joined.graph.node(index)), describe(expected.node(index))) << name;
    }
    ASSERT_EQ(joined.graph.edge_count(), expected.edge_count()) << name;
    for (std::size_t i = 0; i < expected.edge_count(); ++i) {
      const auto index = static_cast<graph::EdgeIndex>(i);
      ASSERT_EQ(describe(joined.graph, joined.graph.edge(index)),
                describe(expected, expected.edge(index)))
          << name;
    }
    // Each node's repository, from its id.
    ASSERT_EQ(joined.organization.node_repository.size(), joined.graph.node_count());
    for (std::size_t i = 0; i < joined.graph.node_count(); ++i) {
      const auto& repository =
          joined.organization.repositories[joined.organization.node_repository[i]];
      const auto& id = joined.graph.nodes()[i].id;
      EXPECT_EQ(repository == name, !id.starts_with(repository + "::")) << id;
    }
  }
}

TEST(Join, IdsFilesAndServicesNameTheirRepository) {
  const auto joined = join_with_others("platform");
  const auto& graph = joined.graph;
  const auto local = graph.find(".:aws_iam_policy.boundary");
  const auto other = graph.find("service-orders::.:aws_iam_role.orders");
  ASSERT_NE(local, graph::k_no_node);
  ASSERT_NE(other, graph::k_no_node);
  EXPECT_EQ(graph.node(local).span.file, "main.tf");
  EXPECT_EQ(graph.node(other).span.file, "service-orders::main.tf");
  EXPECT_EQ(graph.node(other).service, "service-orders:orders");
  const auto& organization = joined.organization;
  EXPECT_EQ(organization.repositories,
            (std::vector<std::string>{"platform", "gitops", "service-orders", "service-payments",
                                      "service-search"}));
  EXPECT_EQ(organization.repositories[organization.node_repository[local]], "platform");
  EXPECT_EQ(organization.repositories[organization.node_repository[other]], "service-orders");
}

TEST(Join, TheBoundaryEditReachesEveryServiceOfTheOrganization) {
  const auto joined = join_with_others("platform");
  const auto report = score_update(joined, {".:aws_iam_policy.boundary"});
  EXPECT_EQ(report.tier, analyzer::Tier::critical);
  EXPECT_THAT(
      service_names(report),
      IsSupersetOf({"service-orders:orders", "service-payments:payments", "service-search:search",
                    "gitops:orders", "gitops:payments", "gitops:search"}));
  std::vector<std::string> reached;
  for (const auto& repository : report.repositories) reached.push_back(repository.repository);
  EXPECT_EQ(reached, (std::vector<std::string>{"platform", "gitops", "service-orders",
                                               "service-payments", "service-search"}));
  EXPECT_TRUE(report.repositories.front().under_review);
  // Each hop with both ends' places.
  bool orders = false;
  for (const auto& hop : report.repository_hops) {
    if (hop.link.source != "service-orders::.:aws_iam_role.orders") continue;
    orders = true;
    EXPECT_EQ(hop.link.evidence.line, 8U);
    EXPECT_EQ(hop.target_file, "main.tf");
    EXPECT_EQ(hop.target_line, 15U);
  }
  EXPECT_TRUE(orders);
}

TEST(Join, NeedsThatMatchNothingAreCountedNeverGuessed) {
  const auto joined = join_with_others("platform");
  const auto report = score_update(joined, {".:aws_iam_policy.boundary"});
  // orders' literal ARN, payments' two lookups, search's remote state, three IRSA roles,
  // three images; only orders' ECR repository is defined anywhere.
  EXPECT_EQ(report.organization_needs.needs, 10U);
  EXPECT_EQ(report.organization_needs.unmatched, 2U);
  EXPECT_EQ(report.organization_needs.symbolic, 0U);

  TempTree tree;
  tree.write("main.tf", R"(
variable "name" {}
resource "aws_iam_role_policy_attachment" "read" {
  role       = "orders"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
data "aws_iam_policy" "by_variable" {
  name = var.name
}
)");
  auto others = load_other_repositories("platform");
  others.push_back(load_repository("platform"));
  const auto with_unknowns = org::join_repositories(load(tree.root()), std::move(others));
  EXPECT_EQ(with_unknowns.organization.needs, 12U);
  EXPECT_EQ(with_unknowns.organization.unmatched_needs, 3U);  // AWS's own policy, two images
  EXPECT_EQ(with_unknowns.organization.symbolic_needs, 1U);   // a name from a variable
}

TEST(Join, TheSameEditIsNotCriticalSeenFromItsRepositoryAlone) {
  const auto alone = score_update(load_repository("platform"), {".:aws_iam_policy.boundary"});
  EXPECT_LT(alone.tier, analyzer::Tier::critical);
  EXPECT_TRUE(alone.repositories.empty());
}

TEST(Join, ATagOnABucketStaysInsideItsRepository) {
  const auto joined = join_with_others("service-orders");
  const auto report = score_update(joined, {".:aws_s3_bucket.orders"});
  ASSERT_EQ(report.repositories.size(), 1U);
  EXPECT_EQ(report.repositories.front().repository, "service-orders");
  EXPECT_TRUE(report.repository_hops.empty());
  EXPECT_EQ(service_names(report), (std::vector<std::string>{"service-orders:orders"}));
}

TEST(Join, ASnapshotOfTheRepositoryUnderReviewIsReplacedByIt) {
  auto others = load_other_repositories("platform");
  others.push_back(load_repository("platform"));
  const auto joined = org::join_repositories(load_repository("platform"), std::move(others));
  EXPECT_EQ(joined.organization.repositories.size(), 5U);
  EXPECT_EQ(joined.graph.find("platform::.:aws_iam_policy.boundary"), graph::k_no_node);
}

TEST(Join, SnapshotsCarryTheInterfaceAndTheJoinIsTheSame) {
  TempTree tree;
  for (const auto& name : k_org_repositories) {
    const auto workspace = load_repository(name);
    ASSERT_FALSE(analyzer::save_snapshot(workspace, {}, tree.root() / (name + ".bg")));
  }
  auto loaded = org::load_snapshot_directory(tree.root());
  ASSERT_TRUE(loaded) << loaded.error().message;
  ASSERT_EQ(loaded->size(), 5U);
  for (const auto& workspace : *loaded) {
    const auto scanned = load_repository(workspace.repository);
    EXPECT_EQ(workspace.interface, scanned.interface) << workspace.repository;
  }
  const auto from_snapshots =
      org::join_repositories(load_repository("platform"), std::move(*loaded));
  EXPECT_EQ(from_snapshots.organization.links, join_with_others("platform").organization.links);
}

TEST(Join, TwoSnapshotsOfOneRepositoryAreRefused) {
  TempTree tree;
  const auto orders = load_repository("service-orders");
  ASSERT_FALSE(analyzer::save_snapshot(orders, {}, tree.root() / "a.bg"));
  ASSERT_FALSE(analyzer::save_snapshot(orders, {}, tree.root() / "b.bg"));
  const auto loaded = org::load_snapshot_directory(tree.root());
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().message.find("repository 'service-orders' also in"), std::string::npos)
      << loaded.error().message;
}

TEST(Join, RepositoryNamesCannotHoldAColon) {
  EXPECT_TRUE(org::valid_repository_name("acme/service-orders_2.x"));
  EXPECT_FALSE(org::valid_repository_name("a:b"));
  EXPECT_FALSE(org::valid_repository_name(""));
  EXPECT_FALSE(org::valid_repository_name(std::string(201, 'a')));
}

}  // namespace
}  // namespace blastgraph::testing
