#include "iam_terraform/principals.hpp"

#include <algorithm>
#include <array>

#include "terraform/iam_attachments.hpp"

namespace blastgraph::analyzer::iam_terraform {
namespace {

using terraform_link::Instance;

// Blocks that give principals (named by `principal_attribute`) the policy in `policy_attribute`
// (a document) or the managed policies `policy_arn` names.
struct GrantRule {
  std::string_view type;
  std::string_view principal_attribute;
  std::string_view policy_attribute;  // "policy": a document; "policy_arn": aws_iam_policy
};

constexpr std::array<GrantRule, 9> k_grant_rules{{
    {"aws_iam_role_policy", "role", "policy"},
    {"aws_iam_user_policy", "user", "policy"},
    {"aws_iam_group_policy", "group", "policy"},
    {"aws_iam_role_policy_attachment", "role", "policy_arn"},
    {"aws_iam_user_policy_attachment", "user", "policy_arn"},
    {"aws_iam_group_policy_attachment", "group", "policy_arn"},
    // NOTE: the exclusive attachment gives the policy to every principal it lists.
    {"aws_iam_policy_attachment", "roles", "policy_arn"},
    {"aws_iam_policy_attachment", "users", "policy_arn"},
    {"aws_iam_policy_attachment", "groups", "policy_arn"},
}};

// Blocks that put users in groups: `users_attribute` names the users, `groups_attribute` the
// groups.
struct MembershipRule {
  std::string_view type;
  std::string_view users_attribute;
  std::string_view groups_attribute;
};

constexpr std::array<MembershipRule, 2> k_membership_rules{{
    {"aws_iam_user_group_membership", "user", "groups"},
    {"aws_iam_group_membership", "users", "group"},
}};

bool is_principal(const std::string& type) {
  return type == "aws_iam_role" || type == "aws_iam_user" || type == "aws_iam_group";
}

class Collector {
 public:
  Collector(const BlocksByNode& blocks, PolicyReader& reader) : m_blocks(blocks), m_reader(reader) {}

  std::vector<const TerraformPolicy*> managed(const Instance& instance, const terraform::Block& block,
                                              std::string_view attribute) {
    std::vector<const TerraformPolicy*> out;
    for (const auto& node : terraform_link::traced_resources(instance, block, attribute)) {
      auto it = m_blocks.find(node);
      if (it == m_blocks.end() || it->second.block->type != "aws_iam_policy") continue;
      const auto& policy_block = *it->second.block;
      auto policy = policy_block.attributes.find("policy");
      if (policy == policy_block.attributes.end()) continue;
      for (const auto* document : m_reader.read_attribute(*it->second.instance, policy_block, policy->second)) {
        out.push_back(document);
      }
    }
    return out;
  }

  std::vector<const TerraformPolicy*> documents(const Instance& instance, const terraform::Block& block,
                                                const terraform::Value& value) {
    return m_reader.read_attribute(instance, block, value);
  }

  void add_own(const Instance& instance, const terraform::Block& block, PrincipalPolicies& principal) {
    if (auto trust = block.attributes.find("assume_role_policy"); trust != block.attributes.end()) {
      principal.trusts = documents(instance, block, trust->second);
    }
    for (const auto& nested : block.blocks) {
      if (nested.type != "inline_policy") continue;
      if (auto policy = nested.attributes.find("policy"); policy != nested.attributes.end()) {
        append(principal.grants, documents(instance, block, policy->second));
      }
    }
    append(principal.grants, managed(instance, block, "managed_policy_arns"));
    principal.boundaries = managed(instance, block, "permissions_boundary");
  }

  static void append(std::vector<const TerraformPolicy*>& to, const std::vector<const TerraformPolicy*>& from) {
    for (const auto* policy : from) {
      if (policy != nullptr && std::find(to.begin(), to.end(), policy) == to.end()) to.push_back(policy);
    }
  }

 private:
  const BlocksByNode& m_blocks;
  PolicyReader& m_reader;
};

// After every group holds its own policies: each member user inherits them.
void add_group_policies(const BlocksByNode& blocks, std::map<std::string, PrincipalPolicies>& principals) {
  for (const auto& [node, placed] : blocks) {
    for (const auto& rule : k_membership_rules) {
      if (rule.type != placed.block->type) continue;
      const auto users = terraform_link::traced_resources(*placed.instance, *placed.block, rule.users_attribute);
      const auto groups = terraform_link::traced_resources(*placed.instance, *placed.block, rule.groups_attribute);
      for (const auto& user : users) {
        auto member = principals.find(user);
        if (member == principals.end() || member->second.type != "aws_iam_user") continue;
        for (const auto& group : groups) {
          auto holder = principals.find(group);
          if (holder == principals.end() || holder->second.type != "aws_iam_group") continue;
          Collector::append(member->second.inherited, holder->second.grants);
        }
      }
    }
  }
}

}  // namespace

BlocksByNode index_blocks(const terraform_link::InstanceForest& forest) {
  BlocksByNode out;
  for (const auto& instance : forest.instances) {
    for (const auto* block : instance.dir->blocks) {
      if (block->kind != terraform::BlockKind::resource) continue;
      out.emplace(instance.id(block->address), PlacedBlock{&instance, block});
    }
  }
  return out;
}

std::map<std::string, PrincipalPolicies> collect_principals(const BlocksByNode& blocks,
                                                            PolicyReader& reader) {
  std::map<std::string, PrincipalPolicies> out;
  Collector collector(blocks, reader);
  for (const auto& [node, placed] : blocks) {
    const auto& block = *placed.block;
    if (!is_principal(block.type)) continue;
    PrincipalPolicies principal{node, block.type, {}, {}, {}, {}, {}};
    if (auto arn = resource_arn(*placed.instance, block)) principal.arn = arn->pattern;
    collector.add_own(*placed.instance, block, principal);
    out.emplace(node, std::move(principal));
  }
  for (const auto& [node, placed] : blocks) {
    const auto& block = *placed.block;
    for (const auto& rule : k_grant_rules) {
      if (rule.type != block.type) continue;
      std::vector<const TerraformPolicy*> policies;
      if (rule.policy_attribute == "policy") {
        if (auto it = block.attributes.find("policy"); it != block.attributes.end()) {
          policies = collector.documents(*placed.instance, block, it->second);
        }
      } else {
        policies = collector.managed(*placed.instance, block, rule.policy_attribute);
      }
      for (const auto& target :
           terraform_link::traced_resources(*placed.instance, block, rule.principal_attribute)) {
        if (auto principal = out.find(target); principal != out.end()) {
          Collector::append(principal->second.grants, policies);
        }
      }
    }
  }
  add_group_policies(blocks, out);
  return out;
}

}  // namespace blastgraph::analyzer::iam_terraform
