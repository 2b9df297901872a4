#include "iam_terraform/gcp_grants.hpp"

#include <array>

#include "terraform/hcl_expr.hpp"
#include "terraform/identities.hpp"

namespace blastgraph::analyzer::iam_terraform {
namespace {

using terraform_link::Expr;
using terraform_link::Instance;
using terraform_link::StaticValue;

constexpr std::array<std::string_view, 3> k_iam_suffixes{"_iam_member", "_iam_binding", "_iam_policy"};

// The attribute of `<target>_iam_*` that names its target.
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> k_id_attributes{{
    {"google_project", "project"},
    {"google_organization", "org_id"},
    {"google_folder", "folder"},
    {"google_billing_account", "billing_account_id"},
    {"google_service_account", "service_account_id"},
    {"google_storage_bucket", "bucket"},
    {"google_pubsub_topic", "topic"},
    {"google_pubsub_subscription", "subscription"},
    {"google_secret_manager_secret", "secret_id"},
    {"google_kms_crypto_key", "crypto_key_id"},
    {"google_kms_key_ring", "key_ring_id"},
    {"google_bigquery_dataset", "dataset_id"},
    {"google_bigquery_table", "table_id"},
    {"google_artifact_registry_repository", "repository"},
    {"google_cloud_run_service", "service"},
    {"google_cloud_run_v2_service", "name"},
    {"google_cloudfunctions_function", "cloud_function"},
    {"google_cloudfunctions2_function", "cloud_function"},
}};

constexpr std::string_view k_service_account_prefix = "serviceAccount:";
constexpr std::string_view k_workload_pool = ".svc.id.goog[";

// `google_service_account.x.email` and its relatives, as the account's email pattern.
std::optional<StaticValue> service_account_value(const Instance& scope, const std::string& reference) {
  if (!reference.starts_with("google_service_account.")) return std::nullopt;
  const auto dot = reference.rfind('.');
  std::string address = reference.substr(0, dot);
  if (auto index = address.find('['); index != std::string::npos) address.erase(index);
  const auto field = reference.substr(dot + 1);
  auto block = scope.dir->by_address.find(address);
  if (block == scope.dir->by_address.end()) return std::nullopt;
  const auto email = terraform_link::gcp_service_account_email(scope, *block->second);
  if (!email) return std::nullopt;
  StaticValue value;
  value.kind = StaticValue::Kind::string;
  value.node = scope.id(address);
  if (field == "email") {
    value.text = *email;
  } else if (field == "member") {
    value.text = std::string(k_service_account_prefix) + *email;
  } else if (field == "name" || field == "id") {
    value.text = "projects/*/serviceAccounts/" + *email;
  } else {
    return std::nullopt;
  }
  return value;
}

std::string evaluated_string(const Instance& instance, const terraform::Value& value) {
  const auto evaluated = terraform_link::evaluate(instance, value, service_account_value);
  return terraform_link::string_form(evaluated).value_or("*");
}

// The google_service_account a member expression references, alone or in a template of
// literal text (`"serviceAccount:${google_service_account.app.email}"`), as a node id.
std::string referenced_account(const Instance& instance, const Expr& expr) {
  const Expr* reference = expr.kind == Expr::Kind::reference ? &expr : nullptr;
  if (expr.kind == Expr::Kind::template_) {
    for (const auto& part : expr.items) {
      if (part.kind == Expr::Kind::string) continue;
      if (part.kind != Expr::Kind::reference || reference != nullptr) return {};
      reference = &part;
    }
  }
  if (reference == nullptr || !reference->text.starts_with("google_service_account.")) return {};
  std::string address = reference->text.substr(0, reference->text.rfind('.'));
  if (auto index = address.find('['); index != std::string::npos) address.erase(index);
  if (!instance.dir->by_address.contains(address)) return {};
  return instance.id(address);
}

// Appends one grant per member `members` evaluates to (a string or a list of strings).
void add_members(const Instance& instance, const terraform::Value& members, const std::string& file,
                 const std::string& attribute, const GcpGrant& role, std::vector<GcpGrant>& out) {
  const auto evaluated = terraform_link::evaluate(instance, members, service_account_value);
  const auto written = terraform_link::read_expression(members.expression);
  std::vector<const StaticValue*> items;
  std::vector<const Expr*> expressions;  // the item each was written as, when one to one
  if (evaluated.kind == StaticValue::Kind::list) {
    for (const auto& item : evaluated.items) items.push_back(&item);
    if (written.kind == Expr::Kind::tuple && written.items.size() == items.size()) {
      for (const auto& item : written.items) expressions.push_back(&item);
    }
  } else {
    items.push_back(&evaluated);
    expressions.push_back(&written);
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto* item = items[i];
    if (item->kind != StaticValue::Kind::string) continue;
    GcpGrant grant = role;
    grant.member = item->text;
    grant.account = expressions.empty() ? std::string() : referenced_account(instance, *expressions[i]);
    if (grant.account.empty()) grant.account = item->node;
    grant.file = file;
    grant.position = item->position.line > 0 ? item->position : members.position;
    grant.attribute = attribute;
    out.push_back(std::move(grant));
  }
}

GcpGrant role_of(const Instance& instance, const std::map<std::string, terraform::Value>& attributes,
                 const std::string& file, SourcePosition fallback) {
  GcpGrant grant;
  grant.role = "*";
  grant.role_file = file;
  grant.role_position = fallback;
  if (auto role = attributes.find("role"); role != attributes.end()) {
    grant.role = evaluated_string(instance, role->second);
    grant.role_position = role->second.position;
  }
  return grant;
}

// `policy_data = data.google_iam_policy.x.policy_data`: that data source's `binding` blocks.
void add_policy_data(const Instance& instance, const terraform::Value& value, std::vector<GcpGrant>& out) {
  const auto expr = terraform_link::read_expression(value.expression);
  if (expr.kind != terraform_link::Expr::Kind::reference || !expr.text.starts_with("data.google_iam_policy.")) {
    return;
  }
  const auto address = expr.text.substr(0, expr.text.rfind('.'));
  auto data = instance.dir->by_address.find(address);
  if (data == instance.dir->by_address.end()) return;
  const auto& file = data->second->span.file;
  for (const auto& binding : data->second->blocks) {
    if (binding.type != "binding") continue;
    auto members = binding.attributes.find("members");
    if (members == binding.attributes.end()) continue;
    add_members(instance, members->second, file, "binding.members",
                role_of(instance, binding.attributes, file, binding.position), out);
  }
}

}  // namespace

std::optional<GcpIamType> gcp_iam_type(std::string_view type) {
  if (!type.starts_with("google_")) return std::nullopt;
  for (const auto suffix : k_iam_suffixes) {
    if (!type.ends_with(suffix)) continue;
    GcpIamType out{std::string(type.substr(0, type.size() - suffix.size())), {}};
    for (const auto& [target, attribute] : k_id_attributes) {
      if (target == out.target_type) out.id_attribute = attribute;
    }
    return out;
  }
  return std::nullopt;
}

std::vector<GcpGrant> read_gcp_grants(const PlacedBlock& placed) {
  std::vector<GcpGrant> out;
  const auto& block = *placed.block;
  const auto& file = block.span.file;
  const auto role = role_of(*placed.instance, block.attributes, file, {block.span.first_line, 1});
  for (const auto* attribute : {"member", "members"}) {
    if (auto it = block.attributes.find(attribute); it != block.attributes.end()) {
      add_members(*placed.instance, it->second, file, attribute, role, out);
    }
  }
  if (auto it = block.attributes.find("policy_data"); it != block.attributes.end()) {
    add_policy_data(*placed.instance, it->second, out);
  }
  return out;
}

std::optional<std::string> workload_identity_account(const std::string& member) {
  if (!member.starts_with(k_service_account_prefix)) return std::nullopt;
  const auto pool = member.find(k_workload_pool);
  if (pool == std::string::npos || !member.ends_with(']')) return std::nullopt;
  const auto start = pool + k_workload_pool.size();
  const auto inside = member.substr(start, member.size() - 1 - start);
  const auto slash = inside.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == inside.size()) return std::nullopt;
  if (inside.find('*') != std::string::npos || inside.find('/', slash + 1) != std::string::npos) {
    return std::nullopt;
  }
  return "k8s:" + inside.substr(0, slash) + "/ServiceAccount/" + inside.substr(slash + 1);
}

std::optional<std::string> service_account_email(const std::string& member) {
  if (!member.starts_with(k_service_account_prefix)) return std::nullopt;
  auto email = member.substr(k_service_account_prefix.size());
  const auto at = email.find('@');
  if (at == std::string::npos || email.find(k_workload_pool) != std::string::npos) return std::nullopt;
  if (email.substr(0, at).find_first_not_of('*') == std::string::npos) return std::nullopt;
  return email;
}

}  // namespace blastgraph::analyzer::iam_terraform
