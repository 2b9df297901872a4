#include "iam/risk_rules.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "blastgraph/parsers/iam/evaluate.hpp"
#include "blastgraph/parsers/iam/wildcard.hpp"

namespace blastgraph::iam::detail {
namespace {

// The escalation paths catalogued by security research on IAM (Rhino Security Labs, AWS's
// own IAM Access Analyzer checks): each lets the holder grant itself more than it has.
constexpr std::array<EscalationRule, 8> k_escalation_rules = {{
    {"iam:CreatePolicyVersion", "can rewrite a managed policy it is attached to"},
    {"iam:SetDefaultPolicyVersion", "can switch a managed policy to a more permissive version"},
    {"iam:UpdateAssumeRolePolicy", "can make any role trust it"},
    {"iam:Attach*Policy", "can attach any managed policy, AdministratorAccess included"},
    {"iam:Put*Policy", "can write any inline policy"},
    {"iam:CreateAccessKey", "can create access keys for other users"},
    {"iam:CreateLoginProfile", "can set a console password for other users"},
    {"iam:UpdateLoginProfile", "can reset other users' console passwords"},
}};

constexpr std::array<std::string_view, 17> k_compute_creation = {
    "ec2:RunInstances",
    "ec2:RequestSpotInstances",
    "autoscaling:CreateLaunchConfiguration",
    "lambda:CreateFunction",
    "lambda:UpdateFunctionConfiguration",
    "ecs:RunTask",
    "ecs:StartTask",
    "ecs:CreateService",
    "ecs:RegisterTaskDefinition",
    "glue:CreateDevEndpoint",
    "glue:CreateJob",
    "cloudformation:CreateStack",
    "datapipeline:CreatePipeline",
    "sagemaker:CreateNotebookInstance",
    "sagemaker:CreateTrainingJob",
    "sagemaker:CreateProcessingJob",
    "codebuild:CreateProject"};

bool ends_with_sub(std::string_view key) {
  if (key.size() < 4) return false;
  std::string tail(key.substr(key.size() - 4));
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return tail == ":sub";
}

bool is_oidc_trust(const Statement& statement) {
  return std::any_of(
             statement.principals.federated.begin(), statement.principals.federated.end(),
             [](const std::string& p) { return p.find(":oidc-provider/") != std::string::npos; }) &&
         actions_match(statement.actions, "sts:AssumeRoleWithWebIdentity");
}

}  // namespace

bool covers_every_resource(const PatternList& resources) {
  return resources.mode == ListMode::absent ||
         (resources.mode == ListMode::listed &&
          std::find(resources.patterns.begin(), resources.patterns.end(), "*") !=
              resources.patterns.end());
}

std::span<const EscalationRule> escalation_rules() { return k_escalation_rules; }

std::span<const std::string_view> compute_creation_actions() { return k_compute_creation; }

bool Grants::grants(std::string_view action) const {
  bool allowed = false;
  for (const Statement& statement : m_document.statements) {
    if (!actions_match(statement.actions, action)) continue;
    if (statement.effect == Effect::allow) {
      allowed = true;
    } else if (statement.conditions.empty() && covers_every_resource(statement.resources)) {
      return false;
    }
  }
  return allowed;
}

std::vector<std::string> Grants::granted(std::span<const std::string_view> actions) const {
  std::vector<std::string> found;
  for (std::string_view action : actions) {
    if (grants(action)) found.emplace_back(action);
  }
  return found;
}

std::vector<std::string> Grants::granted(const std::vector<std::string>& actions) const {
  std::vector<std::string_view> views(actions.begin(), actions.end());
  return granted(std::span<const std::string_view>(views));
}

const Statement* Grants::first_granting(const std::vector<std::string>& actions) const {
  for (const Statement& statement : m_document.statements) {
    if (statement.effect != Effect::allow) continue;
    for (const std::string& action : actions) {
      if (actions_match(statement.actions, action)) return &statement;
    }
  }
  return &m_document.statements.front();
}

std::optional<std::string> wildcard_subject_problem(const Statement& statement) {
  if (statement.effect != Effect::allow) return std::nullopt;
  bool constrains_subject = false;
  for (const Condition& condition : statement.conditions) {
    if (!ends_with_sub(condition.key)) continue;
    constrains_subject = true;
    if (condition.base_operator != "StringLike") continue;
    for (const std::string& value : condition.values) {
      if (has_wildcard(value)) {
        return "trust admits any subject matching '" + value + "' (" + condition.key + ")";
      }
    }
  }
  if (!constrains_subject && is_oidc_trust(statement)) {
    return std::string(
        "web-identity trust without a :sub condition admits every identity of "
        "the provider");
  }
  return std::nullopt;
}

}  // namespace blastgraph::iam::detail
