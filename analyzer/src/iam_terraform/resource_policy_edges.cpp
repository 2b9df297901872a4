// acts_on from resource policies (the principals a bucket, queue, topic, key or function
// admits) and runs_as from compute to the identity it runs as.
#include <array>

#include "iam_terraform/edges.hpp"
#include "iam_terraform/identity_scope.hpp"
#include "terraform/iam_attachments.hpp"
#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::iam_terraform {
namespace {

struct ResourcePolicyRule {
  std::string_view type;
  std::string_view policy_attribute;
  std::string_view target_attribute;  // empty: the block protects itself
};

constexpr std::array<ResourcePolicyRule, 6> k_resource_policies{{
    {"aws_s3_bucket_policy", "policy", "bucket"},
    {"aws_sqs_queue_policy", "policy", "queue_url"},
    {"aws_sns_topic_policy", "policy", "arn"},
    {"aws_kms_key", "policy", ""},
    {"aws_ecr_repository_policy", "policy", "repository"},
    {"aws_secretsmanager_secret_policy", "policy", "secret_arn"},
}};

// Compute that runs as an identity: `attribute` names the role (or instance profile).
struct RunsAsRule {
  std::string_view type;
  std::string_view attribute;
};

constexpr std::array<RunsAsRule, 8> k_runs_as{{
    {"aws_lambda_function", "role"},
    {"aws_ecs_task_definition", "task_role_arn"},
    {"aws_ecs_task_definition", "execution_role_arn"},
    {"aws_instance", "iam_instance_profile"},
    {"aws_launch_template", "iam_instance_profile"},
    {"aws_iam_instance_profile", "role"},
    {"aws_sagemaker_notebook_instance", "role_arn"},
    {"aws_codebuild_project", "service_role"},
}};

std::vector<std::string> targets_of(const PlacedBlock& placed, const std::string& node,
                                    std::string_view attribute) {
  if (attribute.empty()) return {node};
  return terraform_link::traced_resources(*placed.instance, *placed.block, attribute);
}

// NOTE: a resource policy that admits `*` or a whole account gives no edges: every
// principal of the tree would depend on the resource; the any-principal risk factor flags
// the open policy instead. Named principals (by ARN or reference) get one edge each.
void link_resource_policy(EdgeInputs& inputs, terraform_link::LinkContext& context,
                          const std::string& node, const PlacedBlock& placed,
                          const ResourcePolicyRule& rule) {
  auto value = placed.block->attributes.find(std::string(rule.policy_attribute));
  if (value == placed.block->attributes.end()) return;
  const auto targets = targets_of(placed, node, rule.target_attribute);
  for (const auto* policy :
       inputs.reader.read_attribute(*placed.instance, *placed.block, value->second)) {
    for (const auto& statement : policy->document.statements) {
      if (statement.effect != iam::Effect::allow) continue;
      const auto admitted =
          admitted_principals(statement, policy->facts_of(statement), inputs, node);
      std::vector<std::string> actions(statement.actions.patterns.begin(),
                                       statement.actions.patterns.end());
      const graph::Evidence evidence{policy->file, statement.position.line,
                                     "policy: " + action_summary(actions)};
      for (const auto& principal : admitted.nodes) {
        for (const auto& target : targets) {
          if (principal != target) {
            context.builder.add_edge(principal, target, graph::EdgeKind::acts_on, evidence);
          }
        }
      }
    }
  }
}

// aws_lambda_permission: `principal` is a service, an account or an ARN; only a principal of
// the tree (by reference or ARN) gets an edge to the function.
void link_lambda_permission(EdgeInputs& inputs, terraform_link::LinkContext& context,
                            const std::string& permission, const PlacedBlock& placed) {
  const auto functions =
      terraform_link::traced_resources(*placed.instance, *placed.block, "function_name");
  auto principals = terraform_link::traced_resources(*placed.instance, *placed.block, "principal");
  if (auto value = placed.block->attributes.find("principal");
      value != placed.block->attributes.end()) {
    if (auto arn = terraform_link::static_string(*placed.instance, value->second)) {
      for (const auto* node : inputs.names.candidates(*arn)) {
        if (may_name(permission, *arn, false, *node, inputs.principals.at(*node).arn)) {
          principals.push_back(*node);
        }
      }
    }
  }
  const graph::Evidence evidence{placed.block->span.file, placed.block->span.first_line,
                                 "principal"};
  for (const auto& principal : principals) {
    if (!inputs.principals.contains(principal)) continue;
    for (const auto& function : functions) {
      context.builder.add_edge(principal, function, graph::EdgeKind::acts_on, evidence);
    }
  }
}

}  // namespace

void add_resource_policy_edges(EdgeInputs& inputs, terraform_link::LinkContext& context) {
  for (const auto& [node, placed] : inputs.blocks) {
    if (placed.block->type == "aws_lambda_permission") {
      link_lambda_permission(inputs, context, node, placed);
      continue;
    }
    for (const auto& rule : k_resource_policies) {
      if (rule.type == placed.block->type) {
        link_resource_policy(inputs, context, node, placed, rule);
      }
    }
  }
}

void add_runs_as_edges(EdgeInputs& inputs, terraform_link::LinkContext& context) {
  for (const auto& [node, placed] : inputs.blocks) {
    for (const auto& rule : k_runs_as) {
      if (rule.type != placed.block->type) continue;
      auto value = placed.block->attributes.find(std::string(rule.attribute));
      if (value == placed.block->attributes.end()) continue;
      for (const auto& identity :
           terraform_link::traced_resources(*placed.instance, *placed.block, rule.attribute)) {
        const auto& type =
            inputs.blocks.contains(identity) ? inputs.blocks.at(identity).block->type : "";
        if (type != "aws_iam_role" && type != "aws_iam_instance_profile") continue;
        context.builder.add_edge(
            node, identity, graph::EdgeKind::runs_as,
            {placed.block->span.file, value->second.position.line, std::string(rule.attribute)});
      }
    }
  }
  add_azure_edges(inputs, context);
}

}  // namespace blastgraph::analyzer::iam_terraform
