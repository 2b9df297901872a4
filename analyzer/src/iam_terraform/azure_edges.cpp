// Azure: a Kubernetes ServiceAccount runs as the user-assigned identity a federated
// credential trusts it for; a role assignment lets its principal act on its scope.
#include "iam_terraform/edges.hpp"
#include "terraform/iam_attachments.hpp"
#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::iam_terraform {
namespace {

constexpr std::string_view k_subject_prefix = "system:serviceaccount:";

// "system:serviceaccount:<ns>:<sa>" -> "k8s:<ns>/ServiceAccount/<sa>".
std::optional<std::string> service_account_of(const std::string& subject) {
  if (!subject.starts_with(k_subject_prefix)) return std::nullopt;
  const auto rest = subject.substr(k_subject_prefix.size());
  const auto colon = rest.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size()) return std::nullopt;
  if (rest.find('*') != std::string::npos) return std::nullopt;
  return "k8s:" + rest.substr(0, colon) + "/ServiceAccount/" + rest.substr(colon + 1);
}

void link_federated_credential(terraform_link::LinkContext& context, const PlacedBlock& placed) {
  auto subject = placed.block->attributes.find("subject");
  if (subject == placed.block->attributes.end()) return;
  const auto text = terraform_link::static_string(*placed.instance, subject->second);
  if (!text) return;
  const auto account = service_account_of(*text);
  if (!account) return;
  // parent_id names the identity (its `.id`); older configurations use `user_assigned_identity_id`.
  // Every application's ServiceAccount of that name runs as it.
  for (const auto& id : context.builder.ids_named(*account)) {
    for (const auto* attribute : {"parent_id", "user_assigned_identity_id"}) {
      for (const auto& identity :
           terraform_link::traced_resources(*placed.instance, *placed.block, attribute)) {
        context.builder.add_edge(id, identity, graph::EdgeKind::runs_as,
                                 {placed.block->span.file, subject->second.position.line, "subject"});
      }
    }
  }
}

// principal_id -> the identity (user-assigned identity, a resource's system identity, a
// service principal); scope -> the resource it applies to. Both must be references.
void link_role_assignment(terraform_link::LinkContext& context, const PlacedBlock& placed) {
  const auto principals = terraform_link::traced_resources(*placed.instance, *placed.block, "principal_id");
  const auto scopes = terraform_link::traced_resources(*placed.instance, *placed.block, "scope");
  std::string role = "role_assignment";
  if (auto name = placed.block->attributes.find("role_definition_name");
      name != placed.block->attributes.end()) {
    role = terraform_link::static_string(*placed.instance, name->second).value_or(role);
  }
  for (const auto& principal : principals) {
    for (const auto& scope : scopes) {
      if (principal == scope) continue;
      context.builder.add_edge(principal, scope, graph::EdgeKind::acts_on,
                               {placed.block->span.file, placed.block->span.first_line, role});
    }
  }
}

}  // namespace

void add_azure_edges(EdgeInputs& inputs, terraform_link::LinkContext& context) {
  for (const auto& [node, placed] : inputs.blocks) {
    if (placed.block->type == "azurerm_federated_identity_credential") {
      link_federated_credential(context, placed);
    } else if (placed.block->type == "azurerm_role_assignment") {
      link_role_assignment(context, placed);
    }
  }
}

}  // namespace blastgraph::analyzer::iam_terraform
