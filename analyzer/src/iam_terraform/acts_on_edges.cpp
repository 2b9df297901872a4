// acts_on from identity policies: principal -> resource it may act on. The principal depends
// on the resource: a change to the bucket reaches the roles that use it.
#include <algorithm>
#include <set>

#include "blastgraph/graph/interface.hpp"
#include "iam_terraform/arn_index.hpp"
#include "iam_terraform/edges.hpp"
#include "iam_terraform/identity_scope.hpp"
#include "workspace/parallel_chunks.hpp"

namespace blastgraph::analyzer::iam_terraform {
namespace {

// NOTE: `Resource: "*"` (or any pattern that matches many resources) is bounded in two
// ways: a resource counts only when an allowed action of its own service acts on its
// resource type (the catalogue's ARN templates), and a statement whose patterns match more
// than this many resources of the tree gives no pattern edges at all, only a note: an
// administrator grant would otherwise make every resource reach every admin role.
constexpr std::size_t k_max_pattern_targets = graph::k_max_pattern_links;

struct Target {
  const ResourceArn* resource;
  bool bound;  // named by reference in the statement: never capped
};

// What every linker reads: the resources, indexed by ARN and by node.
struct SharedIndexes {
  explicit SharedIndexes(const EdgeInputs& inputs) : index(inputs.resources) {
    for (const auto& resource : inputs.resources) by_node.emplace(resource.node, &resource);
  }
  ArnIndex index;  // of inputs.resources
  std::map<std::string, const ResourceArn*> by_node;
};

// What a linker found for a run of principals, added to the graph once all runs are done.
struct Found {
  struct Edge {
    std::string source;
    std::string target;
    graph::Evidence evidence;
    bool external = false;  // the target is an `ext:` node to add first
  };
  std::vector<Edge> edges;
  std::vector<Diagnostic> notes;
};

class ActsOnLinker {
 public:
  ActsOnLinker(const EdgeInputs& inputs, const SharedIndexes& shared, Found& found)
      : m_inputs(inputs), m_index(shared.index), m_by_node(shared.by_node), m_found(found) {}

  void link(const PrincipalPolicies& principal) {
    for (const auto* policy : principal.grants) {
      for (const auto& statement : policy->document.statements) {
        if (statement.effect != iam::Effect::allow) continue;
        link_statement(principal, *policy, statement);
      }
    }
  }

 private:
  void link_statement(const PrincipalPolicies& principal, const TerraformPolicy& policy,
                      const iam::Statement& statement) {
    const auto* facts = policy.facts_of(statement);
    std::vector<Target> targets;
    std::set<std::string> bound_patterns;
    if (facts != nullptr && statement.resources.mode == iam::ListMode::listed) {
      for (const auto& [pattern, node] : facts->bound) {
        const auto& listed = statement.resources.patterns;
        if (std::find(listed.begin(), listed.end(), pattern) == listed.end()) continue;
        if (auto it = m_by_node.find(node); it != m_by_node.end()) {
          targets.push_back({it->second, true});
          bound_patterns.insert(pattern);
        }
      }
    }
    // NOTE: a value written as a reference (`aws_sqs_queue.this.arn`) names that resource
    // only; its ARN pattern is not matched against others, whose names may be just as
    // partly unknown (another environment's `*-payments`).
    iam::PatternList unbound = statement.resources;
    std::erase_if(unbound.patterns,
                  [&](const std::string& p) { return bound_patterns.contains(p); });
    const bool listed = unbound.mode == iam::ListMode::listed;
    // NOTE: a bare `*` (or NotResource) is read within the principal's own Terraform root:
    // another root usually deploys to another account, which a wildcard cannot tell.
    const bool same_root_only = !listed || all_wildcard(unbound);
    // A resource of another root only when its ARN is known whole (identity_scope.hpp).
    const bool guessed = same_root_only || (facts != nullptr && facts->guessed);
    // Resources are checked in index order until one more than the cap allows an action: an
    // administrator grant would otherwise cost every resource of the tree for every role
    // that holds it.
    std::vector<Target> hits;
    const auto consider = [&](std::size_t position) {
      const auto& resource = m_inputs.resources[position];
      if (resource.node == principal.node) return true;
      if (!in_reach(principal.node, guessed, resource.node, resource.pattern)) return true;
      // An unnamed resource (a KMS key) matches only by reference or by a bare `*`.
      if (!resource.named && listed && !all_wildcard(unbound)) return true;
      // A policy on `bucket/*` is about the bucket's objects: it acts on the bucket.
      if (!resource_may_match(unbound, resource.pattern) &&
          !(listed && resource_may_match(unbound, resource.pattern + "/*"))) {
        return true;
      }
      const Target target{&resource, false};
      if (is_bound(targets, target)) return true;
      if (!m_checker.allows_any(principal, statement, resource.service, resource.pattern)) {
        return true;
      }
      hits.push_back(target);
      return hits.size() <= k_max_pattern_targets;
    };
    if (listed) {
      for (const auto position : m_index.candidates(unbound.patterns)) {
        if (!consider(position)) break;
      }
    } else {
      for (std::size_t position = 0; position < m_inputs.resources.size(); ++position) {
        if (!consider(position)) break;
      }
    }
    std::vector<std::pair<Target, std::vector<std::string>>> allowed_targets;
    if (hits.size() > k_max_pattern_targets) {
      note_capped(policy, statement);
    } else {
      for (const auto& target : hits) {
        allowed_targets.emplace_back(target,
                                     allowed_actions(principal, statement, *target.resource));
      }
    }
    for (const auto& target : targets) {
      auto actions = allowed_actions(principal, statement, *target.resource);
      if (!actions.empty()) allowed_targets.emplace_back(target, std::move(actions));
    }
    for (const auto& [target, actions] : allowed_targets) {
      m_found.edges.push_back({principal.node,
                               target.resource->node,
                               {policy.file, statement.position.line, action_summary(actions)}});
    }
    link_external(principal, policy, statement, bound_patterns);
  }

  static bool all_wildcard(const iam::PatternList& resources) {
    return std::all_of(
        resources.patterns.begin(), resources.patterns.end(),
        [](const std::string& p) { return p.find_first_not_of('*') == std::string::npos; });
  }

  static bool is_bound(const std::vector<Target>& bound, const Target& target) {
    return std::any_of(bound.begin(), bound.end(),
                       [&](const Target& b) { return b.resource == target.resource; });
  }

  std::vector<std::string> allowed_actions(const PrincipalPolicies& principal,
                                           const iam::Statement& statement,
                                           const ResourceArn& resource) {
    std::vector<std::string> out;
    for (const auto& [action, arn] :
         m_checker.applicable_actions(statement, resource.service, resource.pattern)) {
      const auto name = action.qualified_name();
      if (m_checker.may_allow(principal, name, arn)) out.push_back(name);
    }
    return out;
  }

  // Literal ARNs that name nothing in the tree: an external dependency of the principal.
  void link_external(const PrincipalPolicies& principal, const TerraformPolicy& policy,
                     const iam::Statement& statement, const std::set<std::string>& bound) {
    if (statement.resources.mode != iam::ListMode::listed) return;
    const auto* facts = policy.facts_of(statement);
    if (facts != nullptr && facts->guessed) return;
    for (const auto& pattern : statement.resources.patterns) {
      if (bound.contains(pattern) || !pattern.starts_with("arn:")) continue;
      const bool known_name =
          pattern.substr(pattern.rfind(':') + 1).find_first_not_of("*/") != std::string::npos;
      if (!known_name) continue;
      bool in_tree = false;
      for (const auto position : m_index.candidates(pattern)) {
        const auto& resource = m_inputs.resources[position];
        if (!in_reach(principal.node, false, resource.node, resource.pattern)) continue;
        if (patterns_overlap(pattern, resource.pattern) ||
            patterns_overlap(pattern, resource.pattern + "/*")) {
          in_tree = true;
          break;
        }
      }
      if (in_tree) continue;
      std::vector<std::string> actions(statement.actions.patterns.begin(),
                                       statement.actions.patterns.end());
      m_found.edges.push_back({principal.node,
                               "ext:" + pattern,
                               {policy.file, statement.position.line, action_summary(actions)},
                               true});
    }
  }

  void note_capped(const TerraformPolicy& policy, const iam::Statement& statement) {
    if (!m_noted.emplace(policy.file, statement.position).second) return;
    m_found.notes.push_back({policy.file, statement.position, Severity::note, "iam-broad-grant",
                             "statement allows actions on more than " +
                                 std::to_string(k_max_pattern_targets) +
                                 " resources of the tree; no acts_on edges drawn for it"});
  }

  const EdgeInputs& m_inputs;
  const ArnIndex& m_index;
  const std::map<std::string, const ResourceArn*>& m_by_node;
  Found& m_found;
  GrantChecker m_checker;
  std::set<std::pair<std::string, SourcePosition>> m_noted;
};

}  // namespace

// NOTE: principals are linked in parallel (workspace/parallel_chunks.hpp), each chunk by a linker
// of its own (its grant checker caches expansions); what the chunks found is added in chunk
// order, with one note per statement as a single linker gives.
void add_acts_on_edges(EdgeInputs& inputs, terraform_link::LinkContext& context) {
  const SharedIndexes shared(inputs);
  std::vector<const PrincipalPolicies*> principals;
  for (const auto& [node, principal] : inputs.principals) principals.push_back(&principal);
  std::vector<Found> found(chunk_count(principals.size()));
  for_each_chunk(principals.size(), [&](std::size_t c, std::size_t begin, std::size_t end) {
    ActsOnLinker linker(inputs, shared, found[c]);
    for (std::size_t i = begin; i < end; ++i) linker.link(*principals[i]);
  });
  std::set<std::pair<std::string, SourcePosition>> noted;
  for (auto& chunk : found) {
    for (auto& edge : chunk.edges) {
      if (edge.external) context.builder.add_external(edge.target, "aws_resource");
      context.builder.add_edge(edge.source, edge.target, graph::EdgeKind::acts_on,
                               std::move(edge.evidence));
    }
    for (auto& note : chunk.notes) {
      if (noted.emplace(note.file, note.position).second) {
        context.diagnostics.push_back(std::move(note));
      }
    }
  }
}

}  // namespace blastgraph::analyzer::iam_terraform
