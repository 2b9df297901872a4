// GCP IAM: a service account a grant names acts on what the IAM resource is attached to
// (acts_on) and depends on the IAM resource itself (policy_attachment: changing it changes the
// account's grants); a Kubernetes ServiceAccount given roles/iam.workloadIdentityUser on a
// Google service account runs as it (runs_as); owner, editor and admin roles on a project,
// folder or organization are risk factors.
#include <algorithm>
#include <optional>

#include "iam_terraform/edges.hpp"
#include "iam_terraform/gcp_grants.hpp"
#include "iam_terraform/identity_scope.hpp"
#include "terraform/iam_attachments.hpp"
#include "terraform/identities.hpp"
#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::iam_terraform {
namespace {

constexpr std::string_view k_workload_identity_role = "roles/iam.workloadIdentityUser";

// Attributes that say who gets what, not what the grant is on.
bool names_target(const std::string& attribute) {
  return attribute != "member" && attribute != "members" && attribute != "role" &&
         attribute != "policy_data" && attribute != "etag";
}

bool is_hierarchy(const std::string& type) {
  return type == "google_project" || type == "google_folder" || type == "google_organization";
}

// "acme-prod" -> "ext:gcp:projects/acme-prod"; "folders/12" -> "ext:gcp:folders/12".
std::string external_id(const std::string& type, const std::string& id) {
  std::string collection;
  if (type == "google_project") collection = "projects/";
  if (type == "google_folder") collection = "folders/";
  if (type == "google_organization") collection = "organizations/";
  if (collection.empty()) return "ext:gcp:" + type + "/" + id;
  return "ext:gcp:" + (id.starts_with(collection) ? id : collection + id);
}

class GcpLinker {
 public:
  GcpLinker(EdgeInputs& inputs, terraform_link::LinkContext& context) : m_inputs(inputs), m_context(context) {}

  void link(const std::string& node, const PlacedBlock& placed, const GcpIamType& type) {
    std::optional<std::vector<std::string>> resolved;  // only when some grant links
    auto targets = [&]() -> const std::vector<std::string>& {
      if (!resolved) resolved = targets_of(node, placed, type);
      return *resolved;
    };
    for (const auto& grant : read_gcp_grants(placed)) {
      note_risk(node, type, grant);
      if (auto account = workload_identity_account(grant.member)) {
        if (type.target_type != "google_service_account" || grant.role != k_workload_identity_role) continue;
        // Every application's ServiceAccount of that name runs as it.
        for (const auto& id : m_context.builder.ids_named(*account)) {
          link_member(id, node, targets(), grant, graph::EdgeKind::runs_as);
        }
        continue;
      }
      if (!grant.account.empty()) {  // by reference: that account, in its own root
        auto account = m_inputs.blocks.find(grant.account);
        if (account != m_inputs.blocks.end() && account->second.block->type == "google_service_account") {
          link_member(grant.account, node, targets(), grant, graph::EdgeKind::acts_on);
        }
        continue;
      }
      const auto email = service_account_email(grant.member);
      if (!email) continue;
      const auto accounts = accounts_matching(node, *email);
      if (accounts.empty()) continue;
      for (const auto& account : accounts) {
        link_member(account, node, targets(), grant, graph::EdgeKind::acts_on);
      }
    }
  }

 private:
  void link_member(const std::string& member, const std::string& iam_node,
                   const std::vector<std::string>& targets, const GcpGrant& grant, graph::EdgeKind kind) {
    const graph::Evidence evidence{grant.file, grant.position.line, grant.role};
    for (const auto& target : targets) {
      if (target != member) m_context.builder.add_edge(member, target, kind, evidence);
    }
    m_context.builder.add_edge(member, iam_node, graph::EdgeKind::policy_attachment,
                               {grant.file, grant.position.line, grant.attribute});
  }

  // The accounts an email names; `from` is the IAM resource that grants it.
  std::vector<std::string> accounts_matching(const std::string& from, const std::string& email) const {
    std::vector<std::string> out;
    const bool guessed = email.find('*') != std::string::npos;  // emails hold no wildcard
    for (const auto& account : m_context.identities.gcp_accounts) {
      const auto local = account.email_pattern.substr(0, account.email_pattern.find('@'));
      // An account whose id is not static at all would match every member.
      if (local.find_first_not_of('*') == std::string::npos) continue;
      if (may_name(from, email, guessed, account.node, account.email_pattern)) out.push_back(account.node);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // What the IAM resource is attached to: a resource of the target type it references, else
  // one of the tree whose name is the static id it is given, else an external node.
  std::vector<std::string> targets_of(const std::string& iam_node, const PlacedBlock& placed,
                                      const GcpIamType& type) {
    std::vector<std::string> out;
    for (const auto& [attribute, value] : placed.block->attributes) {
      if (!names_target(attribute)) continue;
      for (auto& node : terraform_link::traced_resources(*placed.instance, *placed.block, attribute)) {
        auto it = m_inputs.blocks.find(node);
        if (it != m_inputs.blocks.end() && it->second.block->type == type.target_type) out.push_back(node);
      }
    }
    if (!out.empty() || type.id_attribute.empty()) return out;
    auto value = placed.block->attributes.find(std::string(type.id_attribute));
    if (value == placed.block->attributes.end()) return out;
    const auto id = terraform_link::static_string(*placed.instance, value->second);
    if (!id || id->empty()) return out;
    out = named(iam_node, type.target_type, *id);
    if (out.empty()) {
      const auto external = external_id(type.target_type, *id);
      m_context.builder.add_external(external, std::string(type.target_type));
      out.push_back(external);
    }
    return out;
  }

  // Resources of `type` whose static name (a project's project_id, an account's email) is
  // `id`, as the IAM resource `from` writes it.
  std::vector<std::string> named(const std::string& from, const std::string& type,
                                 const std::string& id) const {
    std::vector<std::string> out;
    for (const auto& [node, placed] : m_inputs.blocks) {
      if (placed.block->type != type) continue;
      if (type == "google_service_account") {
        const auto email = terraform_link::gcp_service_account_email(*placed.instance, *placed.block);
        const auto wanted = id.substr(id.rfind('/') + 1);
        if (email && may_name(from, wanted, false, node, *email)) out.push_back(node);
        continue;
      }
      auto attribute = placed.block->attributes.find(type == "google_project" ? "project_id" : "name");
      if (attribute == placed.block->attributes.end()) continue;
      const auto name = terraform_link::static_string(*placed.instance, attribute->second);
      if (name && (*name == id || id.ends_with("/" + *name))) out.push_back(node);
    }
    return out;
  }

  // NOTE: the basic roles and any administrator role on a project, folder or organization
  // give power over everything in it: the GCP counterpart of AWS's `*` on `*`.
  void note_risk(const std::string& node, const GcpIamType& type, const GcpGrant& grant) {
    if (!is_hierarchy(type.target_type)) return;
    const auto& role = grant.role;
    const bool basic = role == "roles/owner" || role == "roles/editor";
    const bool admin = role.ends_with("Admin") || role.ends_with(".admin");
    if (!basic && !admin) return;
    const auto scope = type.target_type.substr(std::string_view("google_").size());
    m_context.risks.push_back(
        {node, "full-admin",
         role + " on a " + scope + (basic ? ": a basic role that grants broad access to everything in it"
                                          : ": an administrator role over everything in it"),
         grant.role_file, grant.role_position});
  }

  EdgeInputs& m_inputs;
  terraform_link::LinkContext& m_context;
};

}  // namespace

void add_gcp_edges(EdgeInputs& inputs, terraform_link::LinkContext& context) {
  GcpLinker linker(inputs, context);
  for (const auto& [node, placed] : inputs.blocks) {
    if (auto type = gcp_iam_type(placed.block->type)) linker.link(node, placed, *type);
  }
}

}  // namespace blastgraph::analyzer::iam_terraform
