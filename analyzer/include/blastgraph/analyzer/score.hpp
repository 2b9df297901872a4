#pragma once
// The blast-radius score and tier (DESIGN.md "Score and tier — the contract"):
// 0..100, 0 exactly when nothing changed, monotone, saturating, explained by factors.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/analyzer/change.hpp"
#include "blastgraph/analyzer/workspace.hpp"

namespace blastgraph::analyzer {

enum class Tier { low, medium, high, critical };

[[nodiscard]] std::string_view to_string(Tier tier);  // "LOW", "MEDIUM", "HIGH", "CRITICAL"

struct TierThresholds {
  int medium = 25;    // score >= medium -> at least MEDIUM
  int high = 50;
  int critical = 75;
};

// Most points each factor can add. They sum to 100 (a policy file that breaks this is
// refused), so the score stays within 0..100.
struct FactorWeights {
  int services_reached = 35;
  int resources_reached = 15;
  int critical_reached = 25;
  int action = 10;
  int changed_class = 15;
  [[nodiscard]] int total() const {
    return services_reached + resources_reached + critical_reached + action + changed_class;
  }
};

// The least tier a changed resource's class sets, whatever the score (DESIGN.md "Score and
// tier"). Tier::low means no floor.
struct FloorPolicy {
  Tier iam = Tier::high;                  // IAM resource changed
  Tier network = Tier::high;              // network resource changed
  Tier account = Tier::critical;          // account-level control changed
  Tier crypto = Tier::critical;           // key or certificate changed
  Tier auth = Tier::critical;             // identity provider changed
  Tier database_replace = Tier::critical; // database replaced or deleted
  Tier shared_boundary = Tier::critical;  // permission boundary bounding >= 2 services
  Tier unread_files = Tier::medium;       // unread files that could touch the change
  Tier could_not_assess = Tier::medium;   // changed infrastructure files it cannot assess
  Tier published_module = Tier::medium;   // a module only examples, tests or wrappers call
  Tier terraform_settings = Tier::high;   // provider or Terraform constraints, provider blocks
  Tier gitops_source = Tier::high;        // a GitOps object's source or sync policy; deleted
  Tier gitops_values = Tier::medium;      // a GitOps object's Helm values, patches, images
  Tier published_default = Tier::high;    // a published module's input default changed
  // A change that reaches (or changes) a resource of a service that is part of the
  // application (`app.kubernetes.io/part-of`): none by default.
  std::map<std::string, Tier> applications;
};

struct ScorePolicy {
  FactorWeights weights;
  TierThresholds thresholds;
  FloorPolicy floors;
  // Required approvals per tier, LOW first.
  std::vector<std::vector<std::string>> approvals = {
      {}, {"automated checks"}, {"senior engineer", "team lead"},
      {"CTO", "security", "change board"}};
};

// One term of the score: what was measured and how many points it added.
struct Factor {
  std::string name;        // stable key, e.g. "services_reached"
  double measure = 0;      // the input (a count or a weight)
  int points = 0;          // contribution to the score (points of all factors sum to the score)
  int max_points = 0;
  std::string detail;      // human-readable explanation of the measure
};

struct ChangedResource {
  std::string id;
  std::string type;
  std::string service;
  std::string file;
  std::uint32_t line = 0;
  ChangeAction action = ChangeAction::update;
  std::vector<std::string> sources;  // "changed", "diff", "plan", "git"
  std::string detail;                // e.g. "moved from <id>"; may be empty
};

// One reached service and one shortest path to it: path.front() is a node of that service,
// path.back() a changed node.
struct ServiceImpact {
  std::string service;
  std::string application;          // what the service is part of; may be empty
  std::size_t resources = 0;        // reached resources of this service
  std::uint32_t distance = 0;       // hops of the path
  std::vector<std::string> path;    // node ids
  std::vector<std::string> edges;   // edge kinds along the path (path.size() - 1 entries)
};

struct TierFloor {
  Tier tier = Tier::low;
  std::string reason;  // empty when no floor applies
  std::string node;    // the changed node that set it
};

// The gate's answer beside the tier: deny when a scope rule of the policy file forbids what
// the change touches (config.hpp, check_scope).
enum class Verdict { allow, deny };

[[nodiscard]] std::string_view to_string(Verdict verdict);  // "allow", "deny"

// A scope rule the change breaks (see config.hpp ScopeRule).
struct RuleViolation {
  std::string rule;
  std::string message;
  std::vector<std::string> resources;  // changed node ids, ascending
  std::string file;                    // the policy file
  SourcePosition position;             // of the rule
};

// A repository an organization's change reaches (`--org`): its services and resources reached,
// changed ones included.
struct RepositoryImpact {
  std::string repository;
  std::size_t services = 0;
  std::size_t resources = 0;
  bool under_review = false;  // the repository the change is made in
};

// An edge between repositories that the reach crosses, with both ends' evidence: where the
// need is written (link.evidence) and where the offered node is declared.
struct RepositoryHop {
  graph::RepositoryLink link;
  std::string target_file;  // prefixed by its repository, as in the organization graph
  std::uint32_t target_line = 0;
};

// With `--org`: what the organization's repositories need from each other, and how much of it
// was found. A need matched nothing when no repository offers it, or when a part of it is not
// statically known (symbolic: never guessed).
struct OrganizationNeeds {
  std::size_t needs = 0;
  std::size_t unmatched = 0;
  std::size_t symbolic = 0;
};

struct ScoreReport {
  int score = 0;
  Tier tier = Tier::low;
  Tier score_tier = Tier::low;       // from thresholds alone
  TierFloor floor;                   // from the changed resources' class
  std::vector<std::string> approvals;
  std::vector<Factor> factors;
  std::vector<ChangedResource> changed;
  std::vector<ServiceImpact> services;          // by distance, then name
  // With `--org`: the repositories reached (the one under review first, then by name) and
  // the hops between them. Empty for one repository.
  std::vector<RepositoryImpact> repositories;
  std::vector<RepositoryHop> repository_hops;   // by source, then target
  OrganizationNeeds organization_needs;
  std::map<std::string, std::size_t> resources_by_type;
  // Resource nodes reached, changed ones excluded except those deleted or replaced (impact
  // themselves); resources_by_type counts the same.
  std::size_t resources_reached = 0;
  std::size_t nodes_reached = 0;                // every node reached, changed excluded
  std::vector<std::string> unmatched_patterns;
  std::vector<UnmappedChange> unmapped;         // what change sources could not attribute
  // What the reader must know to read the score, e.g. that a published module was scored as
  // one caller sees it (score/deployment.hpp).
  std::vector<std::string> notes;
  std::vector<PolicyRisk> risks;                // risk factors of the changed policies
  Coverage coverage;
  std::size_t diagnostics = 0;
  // The gate: who made the change, what the policy file says of it.
  std::string change_source = "human";      // --change-source: "ai-agent", "human", a name
  std::string policy_version = "default";   // Config::version
  Verdict verdict = Verdict::allow;
  std::vector<RuleViolation> violations;    // why the verdict is deny
};

[[nodiscard]] ScoreReport score_change(const Workspace& workspace, const ChangeSet& changes,
                                       const ScorePolicy& policy = {});

}  // namespace blastgraph::analyzer
